import { BrowserWindow, Notification, app, ipcMain, shell } from 'electron';
import type { AppInfo, IpcInvokeChannel, IpcInvokeContract } from '../../../shared/ipc/contract.js';
import { IPC_INVOKE_CHANNELS } from '../../../shared/ipc/contract.js';
import { isAllowedExternalUrl } from '../security/url-guards.js';
import { validateIpcInvoke } from './ipc-validation.js';
import type { createServerSettingsHandlers } from '../settings/server-settings-handlers.js';

type Handlers = {
  [C in IpcInvokeChannel]: (
    window: BrowserWindow | null,
    ...args: IpcInvokeContract[C]['args']
  ) => Promise<IpcInvokeContract[C]['result']> | IpcInvokeContract[C]['result'];
};

export function registerIpcHandlers(appInfo: AppInfo, serverSettings: ReturnType<typeof createServerSettingsHandlers>): void {
  const handlers: Handlers = {
    'desk:get-app-info': () => appInfo,
    'desk:show-notification': (_window, request) => {
      if (Notification.isSupported()) new Notification({ title: request.title, body: request.body, silent: true }).show();
    },
    'desk:open-external': async (_window, url) => {
      if (!isAllowedExternalUrl(url)) return false;
      await shell.openExternal(url);
      return true;
    },
    'desk:flash-window': (window, on) => window?.flashFrame(on),
    'desk:get-server-settings': () => serverSettings.get(),
    'desk:check-server': (_window, url) => serverSettings.check(url),
    'desk:save-server-settings': (_window, settings) => serverSettings.save(settings),
    // The server is chosen at start (the desk's origin proxies to it): a new choice needs a new start.
    'desk:relaunch': () => {
      app.relaunch();
      app.quit();
    },
  };

  for (const channel of IPC_INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      const check = validateIpcInvoke(channel, { frameUrl: event.senderFrame?.url, isMainFrame: event.senderFrame === event.sender.mainFrame }, args);
      if (!check.ok) throw new Error(`IPC refused: ${check.reason}`);
      const handler = handlers[channel] as (window: BrowserWindow | null, ...a: unknown[]) => unknown;
      return handler(BrowserWindow.fromWebContents(event.sender), ...check.args);
    });
  }
}
