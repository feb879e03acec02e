// Finds the Electron binary without require('electron'), which from Electron 45 on would start
// a download as a side effect.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function installedElectronBinary(root = process.cwd()) {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

export function electronVersion(root = process.cwd()) {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}
