/**
 * The one IPC contract between the desktop shell (main) and the desk (renderer, via preload).
 * The renderer never sees channel names: the preload turns this into named functions on
 * `window.desk`. Main validates every call against shared/ipc/schemas.ts.
 */

export interface AppInfo {
  version: string;
  platform: string;
  /** Base URL of the bundled or remote server the desk talks to (HTTP API, /sip, events). */
  serverUrl: string;
}

export interface NotificationRequest {
  title: string;
  body: string;
}

/** Which server this workstation uses: the one the app starts itself, or a center's. */
export type ServerSettings = { mode: 'embedded'; serverUrl?: undefined } | { mode: 'remote'; serverUrl: string };

/** What the settings screen shows: the saved choice, and the server this run actually talks to. */
export interface ServerSettingsView {
  saved: ServerSettings;
  activeUrl: string;
  /** AGENT_DESK_SERVER_URL overrides the saved choice (tests, a managed install). */
  overriddenByEnvironment: boolean;
}

/** A server's /healthz, asked by main (the desk's origin may not fetch another server). */
export type ServerCheck =
  | { ok: true; url: string; centerName: string; version: string }
  | { ok: false; reason: 'invalid_url' | 'unreachable' | 'not_healthy' | 'not_a_desk_server'; status?: number; detail?: string };

/** Saving a remote server checks it first; nothing is saved when the check fails. */
export type SaveServerResult = { ok: true; saved: ServerSettings } | { ok: false; check: Extract<ServerCheck, { ok: false }> };

export type ShortcutAction = 'answer' | 'hangup' | 'toggle-mute' | 'toggle-ready';

/** Renderer → main calls (ipcRenderer.invoke). Each entry: argument tuple and result. */
export interface IpcInvokeContract {
  'desk:get-app-info': { args: []; result: AppInfo };
  'desk:show-notification': { args: [NotificationRequest]; result: void };
  'desk:open-external': { args: [url: string]; result: boolean };
  'desk:flash-window': { args: [on: boolean]; result: void };
  'desk:get-server-settings': { args: []; result: ServerSettingsView };
  'desk:check-server': { args: [url: string]; result: ServerCheck };
  'desk:save-server-settings': { args: [ServerSettings]; result: SaveServerResult };
  'desk:relaunch': { args: []; result: void };
}

/** Main → renderer pushes (webContents.send). */
export interface IpcEventContract {
  'desk:shortcut': ShortcutAction;
}

export type IpcInvokeChannel = keyof IpcInvokeContract;
export type IpcEventChannel = keyof IpcEventContract;

export const IPC_INVOKE_CHANNELS = [
  'desk:get-app-info',
  'desk:show-notification',
  'desk:open-external',
  'desk:flash-window',
  'desk:get-server-settings',
  'desk:check-server',
  'desk:save-server-settings',
  'desk:relaunch',
] as const satisfies readonly IpcInvokeChannel[];

export const IPC_EVENT_CHANNELS = ['desk:shortcut'] as const satisfies readonly IpcEventChannel[];

/** What the preload exposes on window.desk: named functions only. */
export interface DeskBridge {
  getAppInfo(): Promise<AppInfo>;
  showNotification(request: NotificationRequest): Promise<void>;
  openExternal(url: string): Promise<boolean>;
  flashWindow(on: boolean): Promise<void>;
  getServerSettings(): Promise<ServerSettingsView>;
  checkServer(url: string): Promise<ServerCheck>;
  saveServerSettings(settings: ServerSettings): Promise<SaveServerResult>;
  /** Restarts the app, which then starts or connects to the saved server. */
  relaunch(): Promise<void>;
  onShortcut(listener: (action: ShortcutAction) => void): () => void;
}

/** The desk's own origin inside the desktop app. */
export const APP_ORIGIN = 'app://desk';
