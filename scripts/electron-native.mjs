// prestart: a copy of better-sqlite3 built for Electron's Node ABI in .electron-native/, so the
// copy in node_modules stays built for plain Node (vitest, the headless server). The desktop
// app passes the copy's path to the server with --sqlite-binding.
// Installers do not need this: electron-builder rebuilds native modules when packaging.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { electronVersion, installedElectronBinary } from './electron-binary.mjs';

if (!installedElectronBinary()) process.exit(0); // start-electron.mjs explains what to do
const version = electronVersion();
const target = join('.electron-native', 'node_modules', 'better-sqlite3');
const stamp = join('.electron-native', 'electron-version');
const binding = join(target, 'build', 'Release', 'better_sqlite3.node');
if (existsSync(binding) && existsSync(stamp) && readFileSync(stamp, 'utf8') === version) process.exit(0);

console.log(`Building better-sqlite3 for Electron ${version} in .electron-native/ …`);
rmSync('.electron-native', { recursive: true, force: true });
mkdirSync(target, { recursive: true });
cpSync(join('node_modules', 'better-sqlite3'), target, { recursive: true, filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`) });

// npm config (e.g. nodedir) aimed at plain Node must not leak into an Electron build.
const env = {
  ...process.env,
  npm_config_nodedir: '',
  npm_config_runtime: 'electron',
  npm_config_target: version,
  npm_config_disturl: 'https://electronjs.org/headers',
};
const prebuilt = spawnSync(
  process.execPath,
  [join(process.cwd(), 'node_modules', 'prebuild-install', 'bin.js'), '--runtime', 'electron', '--target', version],
  { cwd: target, stdio: 'inherit', env },
);
if (prebuilt.status !== 0) {
  const gyp = spawnSync(
    process.platform === 'win32' ? 'npx.cmd' : 'npx',
    ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${version}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'],
    { cwd: target, stdio: 'inherit', env },
  );
  if (gyp.status !== 0) {
    console.error('Could not build better-sqlite3 for Electron; see the messages above.');
    process.exit(1);
  }
}
writeFileSync(stamp, version);
