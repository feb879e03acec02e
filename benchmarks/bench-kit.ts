import os from 'node:os';

/** One line of the `npm run bench` table. */
export interface BenchRow {
  benchmark: string;
  metric: string;
  value: number | string;
  unit: string;
  note?: string;
  /** The figure this one must reach (issue 17), e.g. "p99 ≤ 2 ms". */
  goal?: string;
  /** The same figure measured on a peer in the same invocation (e.g. Kamailio), or why not. */
  peer?: string;
  /** ours / peer, when both were measured. */
  ratio?: string;
}

/** The machine's 1/5/15-minute load averages, for the note next to timed figures. */
export function loadNote(): string {
  return `load ${os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' / ')} on ${os.cpus().length} cores`;
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchRow[]>;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
