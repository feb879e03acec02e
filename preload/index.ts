// The only bridge between the sandboxed desk and the desktop: named functions, no raw IPC.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DeskBridge, IpcInvokeChannel, IpcInvokeContract, ShortcutAction } from '../shared/ipc/contract.js';

function invoke<C extends IpcInvokeChannel>(channel: C, ...args: IpcInvokeContract[C]['args']): Promise<IpcInvokeContract[C]['result']> {
  return ipcRenderer.invoke(channel, ...args) as Promise<IpcInvokeContract[C]['result']>;
}

const bridge: DeskBridge = {
  getAppInfo: () => invoke('desk:get-app-info'),
  showNotification: (request) => invoke('desk:show-notification', request),
  openExternal: (url) => invoke('desk:open-external', url),
  flashWindow: (on) => invoke('desk:flash-window', on),
  getServerSettings: () => invoke('desk:get-server-settings'),
  checkServer: (url) => invoke('desk:check-server', url),
  saveServerSettings: (settings) => invoke('desk:save-server-settings', settings),
  relaunch: () => invoke('desk:relaunch'),
  onShortcut(listener) {
    const wrapped = (_event: IpcRendererEvent, action: ShortcutAction) => listener(action);
    ipcRenderer.on('desk:shortcut', wrapped);
    return () => ipcRenderer.off('desk:shortcut', wrapped);
  },
};

contextBridge.exposeInMainWorld('desk', bridge);
