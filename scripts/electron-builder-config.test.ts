import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>;

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toMatch(/^[a-z0-9.]+$/);
    expect(config.productName).toBe('12329坐席工作台');
  });

  it('builds NSIS for Windows and deb + AppImage for Linux, each for x64 and arm64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    const linux = Object.fromEntries((config.linux.target as Array<{ target: string; arch: string[] }>).map((t) => [t.target, t.arch]));
    expect(linux).toEqual({ deb: ['x64', 'arm64'], AppImage: ['x64', 'arm64'] });
  });

  it('packs into asar, rebuilds native modules, and unpacks them', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('sets the Electron fuses of the security checklist', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('ships the bundled server, the desk, main, preload and resources/', () => {
    for (const part of ['dist/server/**', 'dist/renderer/**', 'dist/main/**', 'dist/preload/**']) expect(config.files).toContain(part);
    expect(config.extraResources).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'resources', to: 'resources' })]));
  });

  it('points at entry files the build produces', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/main/index.js');
    const build = readFileSync('scripts/build-node.mjs', 'utf8');
    expect(build).toContain("outdir: 'dist/main'");
    expect(build).toContain("outdir: 'dist/server'");
  });
});
