import { startServerProcess } from '../e2e/fixtures/server-process.js';
import { median, round, type Benchmark } from './bench-kit.js';

const RUNS = 5;

const benchmark: Benchmark = {
  name: 'server start-up',
  async run() {
    const startMs: number[] = [];
    const healthMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const server = await startServerProcess();
      startMs.push(performance.now() - t0);
      const t1 = performance.now();
      for (let j = 0; j < 50; j++) await (await fetch(`${server.url}/healthz`)).json();
      healthMs.push((performance.now() - t1) / 50);
      await server.stop();
    }
    return [
      {
        benchmark: 'server start-up',
        metric: 'spawn → listening (median)',
        value: round(median(startMs), 1),
        unit: 'ms',
        note: `${RUNS} runs, fresh data folder each`,
      },
      {
        benchmark: 'server start-up',
        metric: 'GET /healthz round trip (median)',
        value: round(median(healthMs), 3),
        unit: 'ms',
        note: '50 sequential requests a run',
      },
    ];
  },
};
export default benchmark;
