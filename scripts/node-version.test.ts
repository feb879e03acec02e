import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { satisfies } from './node-range.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean }> };
const readme = readFileSync('README.md', 'utf8');

/**
 * Packages whose declared engines exclude the supported Node, each with why it is tolerated.
 * The test fails when one is fixed (take it off) and when a new one appears.
 */
const KNOWN_ENGINE_GAPS: Record<string, string> = {
  // Electron's own tooling: downloads the binary and rebuilds native modules for `npm start`/`npm run dist`.
  'node_modules/electron': 'packaging tool',
  'node_modules/@electron/get': 'packaging tool',
  'node_modules/@electron/rebuild': 'packaging tool',
  'node_modules/@electron/rebuild/node_modules/node-abi': 'packaging tool',
  'node_modules/@electron-internal/extract-zip': 'packaging tool',
};

describe('one supported Node version', () => {
  const minimum = /^>=(\d+\.\d+)$/.exec(pkg.engines.node)?.[1];

  it('is stated in package.json engines as >=MAJOR.MINOR', () => {
    expect(minimum, `engines.node is ${pkg.engines.node}`).toBeDefined();
  });

  it('is the version the README states, and the README states no other', () => {
    expect(readme).toContain(`Needs Node.js ${minimum} or newer`);
    const stated = [...readme.matchAll(/Node(?:\.js)? (\d+\.\d+)/g)].map((m) => m[1]);
    expect(new Set(stated)).toEqual(new Set([minimum]));
  });

  it('is satisfied by the Node that runs the tests', () => {
    expect(satisfies(process.version, pkg.engines.node), `${process.version} against ${pkg.engines.node}`).toBe(true);
  });

  it('is accepted by every locked package, known gaps aside', () => {
    const gaps: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
      if (path && range && !satisfies(`${minimum}.0`, range)) gaps.push(path);
    }
    expect(gaps.sort()).toEqual(Object.keys(KNOWN_ENGINE_GAPS).sort());
  });
});

describe('the engines range reader', () => {
  it.each([
    ['20.19.0', '>=20.19', true],
    ['20.18.9', '>=20.19', false],
    ['20.19.0', '^20.19.0 || >=22.12.0', true],
    ['21.0.0', '^20.19.0 || >=22.12.0', false],
    ['20.19.0', '>=22', false],
    ['20.19.0', '>= 22.12.0', false],
    ['20.19.0', '20 || >=22', true],
    ['20.19.0', '18 || 20 || >=22', true],
    ['20.19.0', '20.x || 22.x', true],
    ['20.19.0', '6.* || 8.* || >= 10.*', true],
    ['20.19.0', '>=16 || 14 >=14.17', true],
    ['20.19.0', '^14.21.3 || >=16', true],
    ['20.19.0', '~20.18.0', false],
    ['20.19.0', '*', true],
    ['20.19.0', '<20', false],
  ])('%s against %s: %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });
});
