import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker thread of this folder by its entry's name (`backup-copy-worker`): the bundled
 * `NAME.js` next to the server's bundle (scripts/build-options.mjs), or from the sources under
 * tsx (tests, `npm start` in development).
 */
export function startDbWorker(name: string, workerData: unknown): Worker {
  const bundled = new URL(`./${name}.js`, import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return new Worker(bundled, { workerData });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const source = JSON.stringify(new URL(`./${name}.ts`, import.meta.url).href);
  return new Worker(`import(${tsx}).then(({ register }) => { register(); return import(${source}); });`, { eval: true, workerData });
}
