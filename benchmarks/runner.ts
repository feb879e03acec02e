// Runs the benchmark files named on the command line and prints one Markdown table.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadNote, type Benchmark, type BenchRow } from './bench-kit.js';

const rows: BenchRow[] = [];
const loadBefore = loadNote();
for (const file of process.argv.slice(2)) {
  const mod = (await import(pathToFileURL(resolve('benchmarks', file)).href)) as { default: Benchmark };
  process.stderr.write(`running ${mod.default.name}…\n`);
  try {
    rows.push(...(await mod.default.run()));
  } catch (error) {
    rows.push({ benchmark: mod.default.name, metric: 'error', value: String((error as Error).message), unit: '' });
  }
}
console.log(`Machine: ${loadBefore} before, ${loadNote()} after (other work on the machine skews the figures).\n`);
console.log('| benchmark | metric | value | unit | goal | peer | ratio | note |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows)
  console.log(`| ${r.benchmark} | ${r.metric} | ${r.value} | ${r.unit} | ${r.goal ?? ''} | ${r.peer ?? ''} | ${r.ratio ?? ''} | ${r.note ?? ''} |`);
