import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { homedir } from 'node:os';
import { z } from 'zod';
import { APP_ROOT } from './app-root.js';

const port = z.coerce.number().int().min(0).max(65535);

export const serverConfigSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  httpPort: port.default(8329),
  sipUdpPort: port.default(5060),
  dataDir: z.string().min(1).default(resolve(homedir(), '.agent-desk-12329')),
  demo: z
    .union([z.boolean(), z.string().regex(/^(true|false|1|0|yes|no)$/i, 'expected true or false')])
    .transform((v) => (typeof v === 'boolean' ? v : /^(true|1|yes)$/i.test(v)))
    .default(false),
  /** §2.5-2: team leads may confirm work orders too (never their own); the department leader always may. */
  teamLeadsConfirm: z
    .union([z.boolean(), z.string().regex(/^(true|false|1|0|yes|no)$/i, 'expected true or false')])
    .transform((v) => (typeof v === 'boolean' ? v : /^(true|1|yes)$/i.test(v)))
    .default(false),
  /** GB/T 2260 administrative division code of this center (a city). */
  centerCode: z.string().regex(/^\d{6}$/, 'a 6-digit GB/T 2260 code').default('330100'),
  centerName: z.string().min(1).default('杭州住房公积金管理中心'),
  /** Periods (day, ISO week, month, year) are cut in this zone. */
  timeZone: z.string().default('Asia/Shanghai'),
  /**
   * Overrides the IVR flow's 人工 hours: "always" (tests, 24-hour centers) or periods such as
   * "08:30-12:00,13:30-17:30" on working days. Unset: the hours in resources/ivr/12329.json.
   */
  serviceHours: z
    .string()
    .regex(/^(always|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d(,([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d)*)$/, 'always, or HH:MM-HH:MM[,HH:MM-HH:MM…]')
    .optional(),
  /** ACD: how long an agent's softphone rings before the call goes to the next agent. */
  ringTimeoutSeconds: z.coerce.number().int().min(5).max(120).default(20),
  /** ACD: after-call work ends by itself after this long (§3.2: average ≤ 30 s). */
  acwLimitSeconds: z.coerce.number().int().min(5).max(600).default(30),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  deskDir: z.string().default(resolve(APP_ROOT, 'dist', 'renderer')),
  resourcesDir: z.string().default(resolve(APP_ROOT, 'resources')),
  /** Origins besides the server's own that may call the API (the desktop app's app:// origin). */
  allowedOrigins: z.array(z.string()).default(['app://desk']),
  /** Path to a better-sqlite3 binary built for another runtime (Electron's Node ABI). */
  sqliteNativeBinding: z.string().optional(),
  /**
   * Password of center admin 9001, used only when the database has no users yet; unset: a random
   * one, logged once. No command-line flag on purpose: argv is visible to every local user (ps).
   */
  adminPassword: z.string().min(8, 'at least 8 characters').optional(),
  /** A center's core system over HTTP (docs/gateway-http.md); unset: the embedded tables. */
  gatewayUrl: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).optional(),
  /** Sent as a bearer token to the core system; environment or config file only, like adminPassword. */
  gatewayToken: z.string().min(1).optional(),
  /** Per attempt, for each call to the core system. */
  gatewayTimeoutMs: z.coerce.number().int().min(100).max(60_000).default(3000),
  /**
   * Where agents' follow-up calls (回访) go: the carrier's SIP trunk or a gateway, as
   * sip:host[:port] (an IP address, or a name resolved for each call); the dialled number becomes
   * the user part. Unset: agents cannot call out.
   */
  trunk: z
    .string()
    .regex(
      /^sip:(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]|[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)(:\d{1,5})?$/,
      'sip:host or sip:host:port (no user part, no parameters)',
    )
    .optional(),
  /** When the carrier challenges our INVITEs (401/407): the account it gave the center. */
  trunkUser: z.string().min(1).max(64).optional(),
  /** Its password; environment or config file only, like adminPassword. */
  trunkPassword: z.string().min(1).optional(),
  /** The number the called citizen sees on a follow-up call (the From user part). */
  outboundCallerId: z.string().regex(/^\+?\d{3,20}$/, '3 to 20 digits').default('12329'),
  /** A follow-up call that rings this long unanswered is given up. */
  outboundRingSeconds: z.coerce.number().int().min(5).max(180).default(60),
});
export type ServerConfig = z.infer<typeof serverConfigSchema>;
export type ServerConfigInput = z.input<typeof serverConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const ENV_KEYS: Record<string, keyof ServerConfig> = {
  AGENT_DESK_HOST: 'host',
  AGENT_DESK_HTTP_PORT: 'httpPort',
  AGENT_DESK_SIP_UDP_PORT: 'sipUdpPort',
  AGENT_DESK_DATA_DIR: 'dataDir',
  AGENT_DESK_DEMO: 'demo',
  AGENT_DESK_TEAM_LEADS_CONFIRM: 'teamLeadsConfirm',
  AGENT_DESK_LOG_LEVEL: 'logLevel',
  AGENT_DESK_CENTER_CODE: 'centerCode',
  AGENT_DESK_SERVICE_HOURS: 'serviceHours',
  AGENT_DESK_RING_TIMEOUT: 'ringTimeoutSeconds',
  AGENT_DESK_ACW_LIMIT: 'acwLimitSeconds',
  AGENT_DESK_SQLITE_BINDING: 'sqliteNativeBinding',
  AGENT_DESK_ADMIN_PASSWORD: 'adminPassword',
  AGENT_DESK_GATEWAY_URL: 'gatewayUrl',
  AGENT_DESK_GATEWAY_TOKEN: 'gatewayToken',
  AGENT_DESK_GATEWAY_TIMEOUT_MS: 'gatewayTimeoutMs',
  AGENT_DESK_TRUNK: 'trunk',
  AGENT_DESK_TRUNK_USER: 'trunkUser',
  AGENT_DESK_TRUNK_PASSWORD: 'trunkPassword',
  AGENT_DESK_OUTBOUND_CALLER_ID: 'outboundCallerId',
  AGENT_DESK_OUTBOUND_RING: 'outboundRingSeconds',
};

/** Precedence, lowest first: defaults, config file, environment, command-line flags. */
export function loadServerConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): ServerConfig {
  let flags;
  try {
    flags = parseArgs({
      args: argv,
      strict: true,
      options: {
        config: { type: 'string' },
        host: { type: 'string' },
        'http-port': { type: 'string' },
        'sip-udp-port': { type: 'string' },
        'data-dir': { type: 'string' },
        demo: { type: 'boolean' },
        'log-level': { type: 'string' },
        'sqlite-binding': { type: 'string' },
        'resources-dir': { type: 'string' },
        'desk-dir': { type: 'string' },
        'center-code': { type: 'string' },
        'service-hours': { type: 'string' },
        'ring-timeout': { type: 'string' },
        'acw-limit': { type: 'string' },
        'gateway-url': { type: 'string' },
        'gateway-timeout-ms': { type: 'string' },
        trunk: { type: 'string' },
        'trunk-user': { type: 'string' },
        'outbound-caller-id': { type: 'string' },
        'outbound-ring': { type: 'string' },
      },
    }).values;
  } catch (error) {
    throw new ConfigError(`bad command line: ${(error as Error).message}`);
  }

  const configPath = flags.config ?? env.AGENT_DESK_CONFIG;
  const fromFile = configPath ? readConfigFile(configPath) : {};

  const fromEnv: Record<string, string> = {};
  for (const [key, field] of Object.entries(ENV_KEYS)) {
    const value = env[key];
    if (value !== undefined && value !== '') fromEnv[field] = value;
  }

  const fromFlags = dropUndefined({
    host: flags.host,
    httpPort: flags['http-port'],
    sipUdpPort: flags['sip-udp-port'],
    dataDir: flags['data-dir'],
    demo: flags.demo,
    logLevel: flags['log-level'],
    sqliteNativeBinding: flags['sqlite-binding'],
    resourcesDir: flags['resources-dir'],
    deskDir: flags['desk-dir'],
    centerCode: flags['center-code'],
    serviceHours: flags['service-hours'],
    ringTimeoutSeconds: flags['ring-timeout'],
    acwLimitSeconds: flags['acw-limit'],
    gatewayUrl: flags['gateway-url'],
    gatewayTimeoutMs: flags['gateway-timeout-ms'],
    trunk: flags.trunk,
    trunkUser: flags['trunk-user'],
    outboundCallerId: flags['outbound-caller-id'],
    outboundRingSeconds: flags['outbound-ring'],
  });

  const merged = { ...fromFile, ...fromEnv, ...fromFlags };
  const parsed = serverConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`);
    throw new ConfigError(`invalid server configuration: ${problems.join('; ')}`);
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.dataDir) };
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

function dropUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
