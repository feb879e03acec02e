import { BrowserWindow, Notification, ipcMain, shell } from 'electron';
import type { AppInfo, IpcInvokeChannel, IpcInvokeContract } from '../../../shared/ipc/contract.js';
import { IPC_INVOKE_CHANNELS } from '../../../shared/ipc/contract.js';
import { isAllowedExternalUrl } from '../security/url-guards.js';
import { validateIpcInvoke } from './ipc-validation.js';

type Handlers = {
  [C in IpcInvokeChannel]: (
    window: BrowserWindow | null,
    ...args: IpcInvokeContract[C]['args']
  ) => Promise<IpcInvokeContract[C]['result']> | IpcInvokeContract[C]['result'];
};

export function registerIpcHandlers(appInfo: AppInfo): void {
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
