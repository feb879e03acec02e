// Concurrent IVR calls with RTP both ways (issue 17, item 6): a far-end process (kit/ivr-callers.ts)
// ramps up to N calls to 12329 at a controlled rate, each sending 20 ms PCMU frames and timing
// the prompts it hears, holds them, then hangs up. The server is the real one (every module) in
// this process, so process.cpuUsage() over the hold is its CPU alone. Knobs for a quick run:
// IVR_CONC_LEVELS=100,300 IVR_CONC_HOLD_S=10 IVR_CONC_RATE=50.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { loadNote, median, percentile, round, type Benchmark, type BenchRow } from './bench-kit.js';
import { startTestServer } from '../main/server/auth/server-test-kit.js';
import { SERVER_MODULES } from '../main/server/modules.js';
import { SERVICES } from '../main/server/services.js';

const LEVELS = (process.env.IVR_CONC_LEVELS ?? '300,500,1000').split(',').map(Number);
const RATE = Number(process.env.IVR_CONC_RATE ?? 50);
const HOLD_S = Number(process.env.IVR_CONC_HOLD_S ?? 20);
const NAME = 'ivr-concurrency';

/** The soft limit on open files (each call holds one RTP socket in the server), from /proc. */
function openFilesLimit(): string {
  try {
    return /^Max open files\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? '?';
  } catch {
    return '?';
  }
}

interface CallerResult {
  placed: number;
  setUp: number;
  failed: number;
  failures: Record<string, number>;
  concurrentAtHold: number;
  concurrentAtEnd: number;
  setupMs: number[];
  callJitterMs: number[];
  silentCalls: number;
  packetsReceived: number;
  packetsLost: number;
  gaps: number;
  maxGapMs: number;
  maxGapAt: string;
  transitP50Ms: number;
  transitP99Ms: number;
  callerCpuMsPerS: number;
  callerLoopP99Ms: number;
}

interface Level {
  calls: number;
  result: CallerResult;
  cpuMsPerCallSecond: number;
  /** Share of that CPU spent in the kernel (UDP send and receive system calls). */
  systemShare: number;
  loopP99Ms: number;
  load: string;
  openAfter: number;
}

async function runLevel(calls: number): Promise<Level> {
  const server = await startTestServer(SERVER_MODULES, {
    // The admission caps must let N calls in at the ramp's rate (the defaults are 1,000 and 100/s).
    config: { serviceHours: 'always', logLevel: 'silent', maxCalls: Math.max(1000, calls + 50), maxCallRate: Math.max(100, RATE * 2) },
  });
  const loop = monitorEventLoopDelay({ resolution: 10 });
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('benchmarks/kit/ivr-callers.ts')], {
      env: { ...process.env, SIP_PORT: String(server.sipUdpPort), CALLS: String(calls), RATE: String(RATE), HOLD_MS: String(HOLD_S * 1000) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let cpu0 = process.cpuUsage();
    let t0 = performance.now();
    let cpuMsPerCallSecond = Number.NaN;
    let held = 0;
    let systemShare = Number.NaN;
    const result = await new Promise<CallerResult>((done, fail) => {
      const timer = setTimeout(() => fail(new Error('callers did not finish')), (calls / RATE + HOLD_S + 120) * 1000);
      child.on('exit', (code) => code !== 0 && fail(new Error(`callers exited with ${code}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const msg = JSON.parse(line) as { event: string; concurrent?: number } & CallerResult;
        if (msg.event === 'held') {
          held = msg.concurrent!;
          cpu0 = process.cpuUsage();
          t0 = performance.now();
          loop.enable();
        } else if (msg.event === 'hold-end') {
          const used = process.cpuUsage(cpu0);
          loop.disable();
          cpuMsPerCallSecond = (used.user + used.system) / 1000 / ((performance.now() - t0) / 1000) / Math.max(1, held);
          systemShare = used.system / (used.user + used.system);
        } else if (msg.event === 'result') {
          clearTimeout(timer);
          done(msg);
        }
      });
    });
    const calls_ = server.ctx.services.require(SERVICES.calls, 'bench');
    await new Promise((r) => setTimeout(r, 1000));
    return { calls, result, cpuMsPerCallSecond, systemShare, loopP99Ms: loop.percentile(99) / 1e6, load: loadNote(), openAfter: calls_.inProgress().inbound };
  } finally {
    await server.stop();
  }
}

function rows(level: Level): BenchRow[] {
  const r = level.result;
  const at = `${level.calls} calls`;
  const failures = Object.entries(r.failures)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  return [
    {
      benchmark: NAME,
      metric: `${at}: set up / failed / held at once`,
      value: `${r.setUp} / ${r.failed} / ${r.concurrentAtHold}`,
      unit: 'calls',
      goal: `${level.calls} / 0 / ${level.calls}`,
      note: `ramp ${RATE}/s, hold ${HOLD_S} s, RTP both ways (50 pps each); ${failures || 'no failures'}; still up at the hold's end ${r.concurrentAtEnd}; calls open after ${level.openAfter}; open-files limit ${openFilesLimit()}; ${level.load}`,
    },
    {
      benchmark: NAME,
      metric: `${at}: server CPU per call-second`,
      value: round(level.cpuMsPerCallSecond, 3),
      unit: 'CPU ms',
      goal: '≤ 1.5',
      note: `over the hold with every call up, ${round(level.systemShare * 100, 0)} % of it in the kernel; server event-loop delay p99 ${round(level.loopP99Ms, 1)} ms; callers' own CPU ${round(r.callerCpuMsPerS, 0)} ms/s (not counted)`,
    },
    {
      benchmark: NAME,
      metric: `${at}: prompt jitter at the receiver, median / p99 of calls`,
      value: `${round(median(r.callJitterMs), 2)} / ${round(percentile(r.callJitterMs, 99), 2)}`,
      unit: 'ms',
      goal: 'real time',
      note: `RFC 3550 jitter averaged over each call; per packet |D| p50 ${round(r.transitP50Ms, 1)} / p99 ${round(r.transitP99Ms, 1)} ms; ${r.packetsReceived} prompt packets, ${r.packetsLost} lost, ${r.silentCalls} calls heard nothing; the callers' own event-loop delay p99 ${round(r.callerLoopP99Ms, 1)} ms (it times packets late too)`,
    },
    {
      benchmark: NAME,
      metric: `${at}: gaps > 60 ms inside a prompt`,
      value: r.gaps,
      unit: 'gaps',
      goal: '0',
      note: `longest ${r.maxGapMs} ms (${r.maxGapAt}); setup INVITE→200 p50 ${round(percentile(r.setupMs, 50), 1)} / p99 ${round(percentile(r.setupMs, 99), 1)} ms`,
    },
  ];
}

const benchmark: Benchmark = {
  name: NAME,
  async run(): Promise<BenchRow[]> {
    const out: BenchRow[] = [];
    for (const calls of LEVELS) {
      process.stderr.write(`  ${NAME}: ${calls} calls…\n`);
      try {
        out.push(...rows(await runLevel(calls)));
      } catch (error) {
        out.push({ benchmark: NAME, metric: `${calls} calls: error`, value: (error as Error).message, unit: '' });
      }
    }
    return out;
  },
};

export default benchmark;
