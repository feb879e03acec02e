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

export type ShortcutAction = 'answer' | 'hangup' | 'toggle-mute' | 'toggle-ready';

/** Renderer → main calls (ipcRenderer.invoke). Each entry: argument tuple and result. */
export interface IpcInvokeContract {
  'desk:get-app-info': { args: []; result: AppInfo };
  'desk:show-notification': { args: [NotificationRequest]; result: void };
  'desk:open-external': { args: [url: string]; result: boolean };
  'desk:flash-window': { args: [on: boolean]; result: void };
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
] as const satisfies readonly IpcInvokeChannel[];

export const IPC_EVENT_CHANNELS = ['desk:shortcut'] as const satisfies readonly IpcEventChannel[];

/** What the preload exposes on window.desk: named functions only. */
export interface DeskBridge {
  getAppInfo(): Promise<AppInfo>;
  showNotification(request: NotificationRequest): Promise<void>;
  openExternal(url: string): Promise<boolean>;
  flashWindow(on: boolean): Promise<void>;
  onShortcut(listener: (action: ShortcutAction) => void): () => void;
}

/** The desk's own origin inside the desktop app. */
export const APP_ORIGIN = 'app://desk';
