import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { findElectronBinary } from '../fixtures/electron-binary.js';
import { REPO_ROOT } from '../fixtures/server-process.js';

const electronBinary = findElectronBinary();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

test.describe('desktop app', () => {
  test.skip(!electronBinary.path, `Electron e2e skipped: ${electronBinary.reason}`);

  test('starts the bundled server and opens the sandboxed desk window', async ({}, testInfo) => {
    const userData = mkdtempSync(join(tmpdir(), 'agent-desk-electron-'));
    const app = await electron.launch({
      executablePath: electronBinary.path!,
      args: [join(REPO_ROOT, 'dist', 'main', 'index.js')],
      cwd: REPO_ROOT,
      env: { ...process.env, AGENT_DESK_USER_DATA: userData, AGENT_DESK_HTTP_PORT: String(await freePort()) },
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { name: '坐席签入' })).toBeVisible();
      expect(window.url()).toBe('app://desk/');
      const exposed = await window.evaluate(() => ({
        hasRequire: typeof (globalThis as { require?: unknown }).require,
        hasProcess: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((window as unknown as { desk: object }).desk).sort(),
      }));
      expect(exposed.hasRequire).toBe('undefined');
      expect(exposed.hasProcess).toBe('undefined');
      expect(exposed.bridge).toEqual(['flashWindow', 'getAppInfo', 'onShortcut', 'openExternal', 'showNotification']);
      const info = await window.evaluate(() => (window as unknown as { desk: { getAppInfo(): Promise<{ serverUrl: string }> } }).desk.getAppInfo());
      expect(info.serverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await window.screenshot({ path: testInfo.outputPath('electron-sign-in.png') });
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
