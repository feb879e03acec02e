import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { SETTINGS, shownDefault, type SettingKey, type SettingSpec } from './config-settings.js';
import { networkSettingsProblem } from './network/network-mode.js';

export { SECRET_KEYS, SETTINGS, shownDefault, type SettingKey } from './config-settings.js';

type Shape = { [K in SettingKey]: (typeof SETTINGS)[K]['schema'] };
const KEYS = Object.keys(SETTINGS) as SettingKey[];
const spec = (key: SettingKey): SettingSpec => SETTINGS[key];

export const serverConfigSchema = z.object(Object.fromEntries(KEYS.map((key) => [key, spec(key).schema])) as Shape);
export type ServerConfig = z.infer<typeof serverConfigSchema>;
export type ServerConfigInput = z.input<typeof serverConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** `--config FILE` / AGENT_DESK_CONFIG names the config file; it is not itself a setting. */
export const CONFIG_FILE_FLAG = 'config';
export const CONFIG_FILE_ENV = 'AGENT_DESK_CONFIG';

const FLAG_OPTIONS: ParseArgsConfig['options'] = {
  [CONFIG_FILE_FLAG]: { type: 'string' },
  ...Object.fromEntries(
    KEYS.filter((key) => spec(key).flag).map((key) => [spec(key).flag!, { type: key === 'demo' ? ('boolean' as const) : ('string' as const) }]),
  ),
};

/** Precedence, lowest first: defaults, config file, environment, command-line flags. */
export function loadServerConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): ServerConfig {
  let flags: Record<string, string | boolean | undefined>;
  try {
    flags = parseArgs({ args: argv, strict: true, options: FLAG_OPTIONS }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new ConfigError(`bad command line: ${(error as Error).message}`);
  }

  const configPath = (flags[CONFIG_FILE_FLAG] as string | undefined) ?? env[CONFIG_FILE_ENV];
  const fromFile = configPath ? readConfigFile(configPath) : {};
  const fromEnv: Record<string, unknown> = {};
  const fromFlags: Record<string, unknown> = {};
  for (const key of KEYS) {
    const { env: name, flag } = spec(key);
    const envValue = name ? env[name] : undefined;
    if (envValue !== undefined && envValue !== '') fromEnv[key] = envValue;
    const flagValue = flag ? flags[flag] : undefined;
    if (flagValue !== undefined) fromFlags[key] = flagValue;
  }

  const parsed = serverConfigSchema.safeParse({ ...fromFile, ...fromEnv, ...fromFlags });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`);
    throw new ConfigError(`invalid server configuration: ${problems.join('; ')}`);
  }
  // A center started with a province's code, a ministry with a parent, … (docs/network.md).
  const network = networkSettingsProblem(parsed.data);
  if (network) throw new ConfigError(`invalid server configuration: ${network}`);
  return { ...parsed.data, dataDir: resolve(parsed.data.dataDir) };
}

/** `node dist/server/cli.js --help`: every setting with its flag, environment variable and default. */
export function configHelp(): string {
  const lines = ['usage: node dist/server/cli.js [flags]', '', 'Precedence: defaults < config file < environment < flags. Secrets have no flag.', ''];
  lines.push(`  --${CONFIG_FILE_FLAG} FILE  (${CONFIG_FILE_ENV})  a JSON file with any of the keys below`);
  for (const key of KEYS) {
    const { flag, env, description } = spec(key);
    const where = [flag ? `--${flag}` : undefined, env, `key ${key}`].filter(Boolean).join(', ');
    lines.push(`  ${where}`, `      ${description.replace(/`/g, '')} [default: ${shownDefault(key)}]`);
  }
  return lines.join('\n');
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${path}: ${(error as Error).message}`);
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`config file ${path} is not valid JSON: ${(error as Error).message}`);
  }
}
