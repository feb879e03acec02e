// esbuild options of the Node-side bundles, apart from the run, so that tests can build the
// server into a folder of their own (the production-install test) or list what it imports.
// npm packages stay external (packages: 'external'): each one the server imports must be in
// package.json `dependencies`, which scripts/dependency-split.test.ts checks.

export const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, packages: 'external', logLevel: 'warning' };

/** Worker threads the server starts by a path next to its bundle (backup-copy.ts, wal-checkpointer.ts). */
const serverWorkers = {
  'backup-copy-worker': 'main/server/db/backup-copy-worker.ts',
  'wal-checkpoint-worker': 'main/server/db/wal-checkpoint-worker.ts',
};

/** The headless server and its helpers: outdir dist/server. */
export const serverBuild = {
  ...common,
  format: 'esm',
  entryPoints: { cli: 'main/server/cli.ts', backup: 'main/server/db/backup-cli.ts', ...serverWorkers },
};

/** The Electron main process: outdir dist/main. */
export const mainBuild = { ...common, format: 'esm', entryPoints: { index: 'main/index.ts', ...serverWorkers }, external: ['electron'] };

/** A sandboxed preload cannot be an ES module and can require only 'electron': outdir dist/preload. */
export const preloadBuild = {
  ...common,
  packages: undefined,
  format: 'cjs',
  entryPoints: { index: 'preload/index.ts' },
  outExtension: { '.js': '.cjs' },
  external: ['electron'],
};
