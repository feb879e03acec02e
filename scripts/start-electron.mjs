// `npm start`: the desktop app. Downloads Electron on first use; where that is impossible
// (no internet, as on locked-down build machines) it says so and points to the headless server.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { installedElectronBinary } from './electron-binary.mjs';

let binary = installedElectronBinary();
if (!binary) {
  console.log('Electron binary not installed yet: downloading it (one time)…');
  spawnSync(process.execPath, [join('node_modules', 'electron', 'install.js')], { stdio: 'inherit' });
  binary = installedElectronBinary();
}
if (!binary) {
  console.error(`
The Electron binary could not be downloaded on this machine, so the desktop app cannot start.
Run the same desk without Electron instead:

  npm run server          # headless server with the desk, http://127.0.0.1:8329/
  npm run server -- --demo --data-dir ./.data   # with demo data in a folder of your choice

then open http://127.0.0.1:8329/ in Chromium or Chrome.
`);
  process.exit(1);
}
// The native SQLite module for Electron's ABI is built only now that the binary (and so its
// version) is known; on the first start this follows the download above.
const native = spawnSync(process.execPath, [join('scripts', 'electron-native.mjs')], { stdio: 'inherit' });
if (native.status !== 0) process.exit(native.status ?? 1);
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
