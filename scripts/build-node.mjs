// Bundles the Node-side entry points (server, Electron main, preload) with esbuild.
// npm packages stay external: native modules (better-sqlite3) must load from node_modules.
import { build } from 'esbuild';
import { mainBuild, preloadBuild, serverBuild } from './build-options.mjs';

await Promise.all([
  build({ ...serverBuild, outdir: 'dist/server' }),
  build({ ...mainBuild, outdir: 'dist/main' }),
  build({ ...preloadBuild, outdir: 'dist/preload' }),
]);
