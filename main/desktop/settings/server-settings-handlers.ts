import type { SaveServerResult, ServerCheck, ServerSettings, ServerSettingsView } from '../../../shared/ipc/contract.js';
import { EMBEDDED, readAppSettings, writeAppSettings } from './app-settings.js';

export interface ServerSettingsDeps {
  /** <userData>/settings.json */
  file: string;
  /** The server this run talks to (chosen at start; a change applies at the next start). */
  activeUrl: string;
  overriddenByEnvironment: boolean;
  check(url: string): Promise<ServerCheck>;
}

/**
 * What the settings screen's IPC calls do, without Electron: read the choice, check a server,
 * save (a remote server only after its /healthz answered as a desk server).
 */
export function createServerSettingsHandlers(deps: ServerSettingsDeps) {
  return {
    get(): ServerSettingsView {
      return {
        saved: readAppSettings(deps.file).settings.server ?? EMBEDDED,
        activeUrl: deps.activeUrl,
        overriddenByEnvironment: deps.overriddenByEnvironment,
      };
    },
    check: (url: string) => deps.check(url),
    async save(settings: ServerSettings): Promise<SaveServerResult> {
      let saved: ServerSettings = EMBEDDED;
      if (settings.mode === 'remote') {
        const check = await deps.check(settings.serverUrl);
        if (!check.ok) return { ok: false, check };
        saved = { mode: 'remote', serverUrl: check.url };
      }
      const current = readAppSettings(deps.file).settings;
      writeAppSettings(deps.file, { ...current, server: saved });
      return { ok: true, saved };
    },
  };
}
