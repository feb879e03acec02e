// Bundles the Node-side entry points (server, Electron main, preload) with esbuild.
// npm packages stay external: native modules (better-sqlite3) must load from node_modules.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, packages: 'external', logLevel: 'warning' };

await Promise.all([
  build({ ...common, format: 'esm', entryPoints: { cli: 'main/server/cli.ts', backup: 'main/server/db/backup-cli.ts', 'backup-copy-worker': 'main/server/db/backup-copy-worker.ts' }, outdir: 'dist/server' }),
  build({ ...common, format: 'esm', entryPoints: { index: 'main/index.ts' }, outdir: 'dist/main', external: ['electron'] }),
  // A sandboxed preload cannot be an ES module and can require only 'electron'.
  build({ ...common, packages: undefined, format: 'cjs', entryPoints: { index: 'preload/index.ts' }, outdir: 'dist/preload', outExtension: { '.js': '.cjs' }, external: ['electron'] }),
]);
