// `npm run bench`: runs every benchmarks/*.bench.ts file and prints one table of results.
// Each benchmark module exports `run(): Promise<BenchRow[]>`; figures are medians of several runs.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const files = readdirSync('benchmarks')
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
if (files.length === 0) {
  console.log('benchmark | metric | value | unit | note');
  console.log('--- | --- | --- | --- | ---');
  console.log('(none yet) | | | |');
  process.exit(0);
}
const only = process.argv[2];
const result = spawnSync(process.execPath, ['--import', 'tsx', 'benchmarks/runner.ts', ...files.filter((f) => !only || f.includes(only))], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
