// The desktop app's own settings file (<userData>/settings.json): which server this workstation
// uses. No Electron import, so it is tested with plain files.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ServerSettings } from '../../../shared/ipc/contract.js';
import { serverSettingsSchema } from '../../../shared/ipc/schemas.js';

const settingsFileSchema = z.object({ server: serverSettingsSchema }).partial();
export type AppSettings = z.infer<typeof settingsFileSchema>;

export const EMBEDDED: ServerSettings = { mode: 'embedded' };

/** The saved settings; a missing or damaged file reads as the defaults (the embedded server), never as an error that stops the app. */
export function readAppSettings(file: string): { settings: AppSettings; problem?: string } {
  if (!existsSync(file)) return { settings: {} };
  try {
    const parsed = settingsFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return { settings: parsed.data };
    return { settings: {}, problem: `settings file ${file} does not match its schema; using the defaults` };
  } catch (error) {
    return { settings: {}, problem: `settings file ${file} is unreadable (${(error as Error).message}); using the defaults` };
  }
}

/** Written whole under a temp name, then renamed: a crash leaves the old file or the new one. */
export function writeAppSettings(file: string, settings: AppSettings): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(settingsFileSchema.parse(settings), null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** The server to connect to at start: the environment first (tests, managed installs), then the saved choice; undefined starts the embedded one. */
export function remoteServerUrl(settings: AppSettings, environment: string | undefined): string | undefined {
  if (environment) return environment;
  return settings.server?.mode === 'remote' ? settings.server.serverUrl : undefined;
}
