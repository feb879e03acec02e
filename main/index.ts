// Electron main process: starts (or connects to) the server, serves the desk, keeps it safe.
import { app, BrowserWindow, dialog } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerAppScheme, serveDesk } from './desktop/app-protocol.js';
import { registerIpcHandlers } from './desktop/ipc/ipc-handlers.js';
import { startOrConnectServer, type ServerHandle } from './desktop/server-host.js';
import { createDeskWindow, installPermissionGuards } from './desktop/window.js';
import { registerGlobalShortcuts, unregisterGlobalShortcuts } from './desktop/shortcuts.js';
import { EMBEDDED, readAppSettings, remoteServerUrl, writeAppSettings } from './desktop/settings/app-settings.js';
import { checkServer } from './desktop/settings/server-check.js';
import { createServerSettingsHandlers } from './desktop/settings/server-settings-handlers.js';

const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(appRoot, 'resources');

// Tests and multi-profile setups give each run its own data folder.
if (process.env.AGENT_DESK_USER_DATA) app.setPath('userData', process.env.AGENT_DESK_USER_DATA);

registerAppScheme();
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

let server: ServerHandle | undefined;

app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});

app.whenReady().then(async () => {
  installPermissionGuards();
  // The workstation's choice (设置): a center's server, or the embedded one when none is saved.
  const settingsFile = join(app.getPath('userData'), 'settings.json');
  const { settings, problem } = readAppSettings(settingsFile);
  if (problem) console.warn(problem);
  const start = (remote: string | undefined) =>
    startOrConnectServer({
      appRoot,
      resourcesDir,
      dataDir: join(app.getPath('userData'), 'server'),
      httpPort: Number(process.env.AGENT_DESK_HTTP_PORT ?? 8329),
      remoteServerUrl: remote,
    });
  const remote = remoteServerUrl(settings, process.env.AGENT_DESK_SERVER_URL);
  try {
    server = await start(remote).catch(async (error: Error) => {
      // A saved center server that does not answer must not lock the workstation out of its settings.
      if (!remote || process.env.AGENT_DESK_SERVER_URL) throw error;
      const choice = dialog.showMessageBoxSync({
        type: 'warning',
        buttons: ['使用本机内置服务器 / Use the built-in server', '退出 / Quit'],
        message: `中心服务器无应答 / the center's server does not answer: ${remote}`,
        detail: error.message,
      });
      if (choice !== 0) throw error;
      writeAppSettings(settingsFile, { ...settings, server: EMBEDDED });
      return start(undefined);
    });
  } catch (error) {
    dialog.showErrorBox('12329坐席工作台', `无法启动服务 / cannot start the server:\n${(error as Error).message}`);
    app.exit(1);
    return;
  }
  registerIpcHandlers(
    { version: app.getVersion(), platform: process.platform, serverUrl: server.url },
    createServerSettingsHandlers({
      file: settingsFile,
      activeUrl: server.url,
      overriddenByEnvironment: Boolean(process.env.AGENT_DESK_SERVER_URL),
      check: (url) => checkServer(url),
    }),
  );
  serveDesk(join(appRoot, 'dist', 'renderer'), server.url);
  const window = createDeskWindow(appRoot);
  registerGlobalShortcuts(window);
});

app.on('will-quit', () => unregisterGlobalShortcuts());

app.on('window-all-closed', () => app.quit());

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !server) return;
  event.preventDefault();
  quitting = true;
  void server.stop().finally(() => app.quit());
});
