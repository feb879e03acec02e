import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { mainBuild, serverBuild } from './build-options.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** The npm packages a bundle loads at run time: esbuild's externals, reduced to package names. */
async function runtimePackages(options: typeof serverBuild): Promise<string[]> {
  const result = await build({ ...options, write: false, metafile: true, sourcemap: false, outdir: 'out', logLevel: 'silent' });
  const names = new Set<string>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const imported of output.imports) {
      if (!imported.external || imported.path.startsWith('node:') || imported.path.startsWith('.')) continue;
      const parts = imported.path.split('/');
      names.add(imported.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  }
  return [...names].sort();
}

describe('dependencies split by what runs', () => {
  it('has every package the built server loads in dependencies (an `npm ci --omit=dev` install starts it)', async () => {
    const loaded = await runtimePackages(serverBuild);
    expect(loaded).toContain('better-sqlite3');
    expect(loaded.filter((name) => !(name in pkg.dependencies))).toEqual([]);
  });

  it('has every package the Electron main process loads in dependencies, electron itself aside', async () => {
    const loaded = (await runtimePackages(mainBuild)).filter((name) => name !== 'electron');
    expect(loaded.filter((name) => !(name in pkg.dependencies))).toEqual([]);
  });

  it('keeps what only Vite bundles into the desk, and nothing the server loads, in devDependencies', async () => {
    const loaded = new Set([...(await runtimePackages(serverBuild)), ...(await runtimePackages(mainBuild))]);
    // Shipped but never loaded would be dead weight in the installers.
    expect(Object.keys(pkg.dependencies).filter((name) => !loaded.has(name))).toEqual([]);
    for (const bundled of ['react', 'react-dom', 'zustand', 'i18next', 'react-i18next']) expect(pkg.devDependencies).toHaveProperty(bundled);
  });
});
