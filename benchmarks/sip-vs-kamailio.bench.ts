// SIP parsing, OPTIONS round trips and digest REGISTER throughput, ours next to Kamailio's in
// the same invocation.
// 1. µs per parse: whole messages through parseSipMessage, and Via/CSeq through the fast path
//    and through SIP.js's PEG grammar (what every message paid before the fast path).
// 2. OPTIONS → 200 over UDP at 10/s and 50/s, timed to the microsecond by a Node client in this
//    process; our stack runs in a child process (benchmarks/kit/sip-stack-server.ts), Kamailio in
//    its own. Figures are medians of RUNS runs, after a warm-up burst.
// 3. Authenticated REGISTERs per second at saturation: 20 users loop REGISTER → 401 → REGISTER
//    with digest credentials → 200 back to back (benchmarks/kit/sip-register-client.ts).
// 4. Server CPU per OPTIONS and per REGISTER (from /proc, robust to the shared machine's load).
// 5. INVITE 12329 → 200 from the IVR at 10/s and 50/s against the whole server in a child
//    (benchmarks/kit/ivr-server.ts), each call ACKed and hung up at once
//    (benchmarks/kit/sip-invite-client.ts). Kamailio has no IVR: no peer for this one.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fastCSeq, fastVia } from '../main/server/sip/fast-header-parser.js';
import { parseSipMessage } from '../main/server/sip/parser.js';
import { grammarCSeq, grammarVia } from '../main/server/sip/sip-grammar.js';
import { loadNote, median, percentile, round, type Benchmark, type BenchRow } from './bench-kit.js';
import { kamailioInstalled, startKamailio, type KamailioPeer } from './kit/kamailio-peer.js';
import { runOptions } from './kit/sip-options-client.js';
import { processTreeCpuMs } from './kit/process-cpu.js';
import { runRegisters } from './kit/sip-register-client.js';
import { runInvites } from './kit/sip-invite-client.js';

const NAME = 'sip vs kamailio';
const RUNS = Number(process.env.SIP_BENCH_RUNS ?? 3);
// Requests per run at each rate (SIP_BENCH_QUICK shortens a smoke run).
const QUICK = process.env.SIP_BENCH_QUICK === '1';
const REGISTER_USERS = 20;
const REGISTER_SECONDS = QUICK ? 2 : 5;
const RATES: Array<{ rate: number; count: number; goalP99: number }> = [
  { rate: 10, count: QUICK ? 40 : 200, goalP99: 5 },
  { rate: 50, count: QUICK ? 100 : 500, goalP99: 2 },
];
// OPTIONS sent this fast for the CPU-per-request figure (enough work for /proc's 10 ms ticks).
const CPU_OPTIONS = { rate: 1000, count: QUICK ? 1500 : 4000 };
const INVITE_RATES: Array<{ rate: number; count: number; goalP99?: number }> = [
  { rate: 10, count: QUICK ? 30 : 150 },
  { rate: 50, count: QUICK ? 100 : 500, goalP99: 5 },
];

const OPTIONS =
  'OPTIONS sip:12329@127.0.0.1:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-1;rport\r\nMax-Forwards: 70\r\n' +
  'From: <sip:bench@127.0.0.1>;tag=a\r\nTo: <sip:12329@127.0.0.1>\r\nCall-ID: opt-1@127.0.0.1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n';
const REGISTER =
  'REGISTER sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-r1;rport\r\nMax-Forwards: 70\r\n' +
  'From: <sip:1001@127.0.0.1>;tag=r1\r\nTo: <sip:1001@127.0.0.1>\r\nCall-ID: reg-1@127.0.0.1\r\nCSeq: 2 REGISTER\r\nContact: <sip:1001@127.0.0.1:5061>;expires=600\r\n' +
  'Authorization: Digest username="1001", realm="12329", nonce="abc.def", uri="sip:127.0.0.1", response="0123456789abcdef0123456789abcdef", qop=auth, nc=00000001, cnonce="c"\r\n' +
  'Content-Length: 0\r\n\r\n';
const VIA = 'SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-f1;rport';
const CSEQ = '2 REGISTER';

/** Median µs per call of fn over RUNS rounds of n calls. */
function microsPerCall(fn: () => unknown, n: number): number {
  for (let i = 0; i < Math.min(n, 2000); i++) fn(); // let the JIT settle
  const rounds: number[] = [];
  for (let r = 0; r < Math.max(3, RUNS); r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    rounds.push(Number(process.hrtime.bigint() - t) / 1000 / n);
  }
  return median(rounds);
}

/** A server kit in a child process; it prints {"port":N} (or {"sipPort":N}) once listening. */
async function startChild(script: string): Promise<{ port: number; pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited (${code})`)));
  });
  const ready = JSON.parse(line) as { port?: number; sipPort?: number };
  return {
    port: ready.port ?? ready.sipPort!,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin!.end();
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

interface RateFigures {
  p50: number;
  p99: number;
  lost: number;
}

async function measure(port: number, rate: number, count: number): Promise<RateFigures> {
  await runOptions({ host: '127.0.0.1', port }, 200, 200); // warm-up burst (JIT, socket buffers)
  const p50s: number[] = [];
  const p99s: number[] = [];
  let lost = 0;
  for (let r = 0; r < RUNS; r++) {
    const run = await runOptions({ host: '127.0.0.1', port }, rate, count);
    p50s.push(percentile(run.rttMs, 50));
    p99s.push(percentile(run.rttMs, 99));
    lost += run.lost;
  }
  return { p50: median(p50s), p99: median(p99s), lost };
}

/** Server CPU µs per OPTIONS answered, median of RUNS bursts. */
async function optionsCpuUs(port: number, pid: number): Promise<number | undefined> {
  const each: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const before = processTreeCpuMs(pid);
    const run = await runOptions({ host: '127.0.0.1', port }, CPU_OPTIONS.rate, CPU_OPTIONS.count);
    const after = processTreeCpuMs(pid);
    if (before === undefined || after === undefined || run.rttMs.length === 0) return undefined;
    each.push(((after - before) * 1000) / run.rttMs.length);
  }
  return median(each);
}

/** INVITE 12329 → 200 from the IVR of the whole server (in a child), with its CPU per call. */
async function inviteRows(): Promise<BenchRow[]> {
  const server = await startChild('benchmarks/kit/ivr-server.ts');
  const rows: BenchRow[] = [];
  try {
    await runInvites({ host: '127.0.0.1', port: server.port }, 20, 40); // warm-up (JIT, prompt cache)
    for (const { rate, count, goalP99 } of INVITE_RATES) {
      const load = loadNote();
      const p50s: number[] = [];
      const p99s: number[] = [];
      const cpu: number[] = [];
      let failed = 0;
      for (let r = 0; r < RUNS; r++) {
        const before = processTreeCpuMs(server.pid);
        const run = await runInvites({ host: '127.0.0.1', port: server.port }, rate, count);
        const after = processTreeCpuMs(server.pid);
        p50s.push(percentile(run.rttMs, 50));
        p99s.push(percentile(run.rttMs, 99));
        if (before !== undefined && after !== undefined && run.rttMs.length > 0) cpu.push(((after - before) * 1000) / run.rttMs.length);
        failed += run.failed + run.byesUnanswered;
      }
      rows.push({
        benchmark: NAME,
        metric: `INVITE 12329 → 200 from the IVR p50 / p99 at ${rate}/s`,
        value: `${round(median(p50s), 3)} / ${round(median(p99s), 3)}`,
        unit: 'ms',
        goal: goalP99 ? `p99 ≤ ${goalP99} ms` : '',
        peer: 'none (Kamailio has no IVR)',
        note:
          `median of ${RUNS} runs × ${count} calls (INVITE with SDP, ACK, BYE at once), failed ${failed}; ` +
          `server CPU ${cpu.length ? round(median(cpu), 0) : '?'} µs per call (INVITE, ACK, BYE, media leg, IVR start, call record); ${load}`,
      });
    }
  } finally {
    await server.stop();
  }
  return rows;
}

const benchmark: Benchmark = {
  name: NAME,
  async run() {
    const rows: BenchRow[] = [];
    const parse = (label: string, text: string) => {
      const bytes = Buffer.from(text);
      if (!parseSipMessage(bytes).ok) throw new Error(`bench message does not parse: ${label}`);
      rows.push({
        benchmark: NAME,
        metric: `parse one ${label} (parseSipMessage)`,
        value: round(
          microsPerCall(() => parseSipMessage(bytes), 20_000),
          2,
        ),
        unit: 'µs',
        note: `median of ${Math.max(3, RUNS)} × 20,000`,
      });
    };
    parse('OPTIONS', OPTIONS);
    parse('REGISTER with Authorization', REGISTER);
    const header = (label: string, fast: () => unknown, grammar: () => unknown) => {
      const f = microsPerCall(fast, 50_000);
      const g = microsPerCall(grammar, 2_000);
      rows.push({
        benchmark: NAME,
        metric: `${label}: fast path`,
        value: round(f, 3),
        unit: 'µs',
        peer: `PEG grammar (before) ${round(g, 1)} µs`,
        ratio: `${round(g / f, 0)}× faster`,
      });
    };
    header(
      `Via "${VIA}"`,
      () => fastVia(VIA),
      () => grammarVia(VIA),
    );
    header(
      `CSeq "${CSEQ}"`,
      () => fastCSeq(CSEQ),
      () => grammarCSeq(CSEQ),
    );

    const ours = await startChild('benchmarks/kit/sip-stack-server.ts');
    let kamailio: KamailioPeer | undefined;
    let peerNote = 'peer not installed';
    if (kamailioInstalled()) {
      try {
        kamailio = await startKamailio();
      } catch (error) {
        peerNote = `peer failed to start: ${(error as Error).message.slice(0, 120)}`;
      }
    }
    try {
      for (const { rate, count, goalP99 } of RATES) {
        const load = loadNote();
        const our = await measure(ours.port, rate, count);
        const peer = kamailio ? await measure(kamailio.port, rate, count) : undefined;
        const fmt = (f: RateFigures) => `${round(f.p50, 3)} / ${round(f.p99, 3)}`;
        rows.push({
          benchmark: NAME,
          metric: `OPTIONS → 200 p50 / p99 at ${rate}/s`,
          value: fmt(our),
          unit: 'ms',
          goal: `p99 ≤ ${goalP99} ms`,
          peer: peer ? `Kamailio ${kamailio!.version}: ${fmt(peer)} ms` : peerNote,
          ratio: peer ? `${round(our.p50 / peer.p50, 1)}× / ${round(our.p99 / peer.p99, 1)}×` : '',
          note: `median of ${RUNS} runs × ${count} requests, unanswered ${our.lost}${peer ? ` (peer ${peer.lost})` : ''}; ${load}`,
        });
      }
      const ourOptionsCpu = await optionsCpuUs(ours.port, ours.pid);
      const peerOptionsCpu = kamailio ? await optionsCpuUs(kamailio.port, kamailio.pid) : undefined;
      if (ourOptionsCpu !== undefined) {
        rows.push({
          benchmark: NAME,
          metric: 'server CPU per OPTIONS',
          value: round(ourOptionsCpu, 0),
          unit: 'µs',
          peer: peerOptionsCpu !== undefined ? `Kamailio: ${round(peerOptionsCpu, 0)} µs` : peerNote,
          ratio: peerOptionsCpu !== undefined ? `${round(ourOptionsCpu / peerOptionsCpu, 1)}×` : '',
          note: `${CPU_OPTIONS.count} OPTIONS at ${CPU_OPTIONS.rate}/s, median of ${RUNS}; utime + stime from /proc (10 ms ticks); ${loadNote()}`,
        });
      }
      const load = loadNote();
      const registers = async (port: number, pid: number) => {
        const rates: number[] = [];
        const cpu: number[] = [];
        let failures = 0;
        for (let r = 0; r < RUNS; r++) {
          const run = await runRegisters({ host: '127.0.0.1', port }, REGISTER_USERS, 1000, REGISTER_SECONDS * 1000, () => processTreeCpuMs(pid));
          rates.push(run.perSecond);
          if (run.cpuMsEach !== undefined) cpu.push(run.cpuMsEach * 1000);
          failures += run.failures;
        }
        return { perSecond: median(rates), cpuUs: cpu.length ? median(cpu) : undefined, failures };
      };
      const our = await registers(ours.port, ours.pid);
      const peer = kamailio ? await registers(kamailio.port, kamailio.pid) : undefined;
      rows.push({
        benchmark: NAME,
        metric: 'digest REGISTERs per second at saturation',
        value: round(our.perSecond, 0),
        unit: '/s',
        goal: '≥ 0.5× Kamailio',
        peer: peer ? `Kamailio ${kamailio!.version} (auth_db + db_text, usrloc in memory, 2 workers): ${round(peer.perSecond, 0)} /s` : peerNote,
        ratio: peer ? `${round(our.perSecond / peer.perSecond, 2)}×` : '',
        note: `${REGISTER_USERS} users back to back, median of ${RUNS} × ${REGISTER_SECONDS} s; failures ${our.failures}${peer ? ` (peer ${peer.failures})` : ''}; the Node client shares the 2 cores; ${load}`,
      });
      if (our.cpuUs !== undefined) {
        rows.push({
          benchmark: NAME,
          metric: 'server CPU per authenticated REGISTER (401 round trip included)',
          value: round(our.cpuUs, 0),
          unit: 'µs',
          peer: peer?.cpuUs !== undefined ? `Kamailio: ${round(peer.cpuUs, 0)} µs` : peerNote,
          ratio: peer?.cpuUs !== undefined ? `${round(our.cpuUs / peer.cpuUs, 1)}×` : '',
          note: `utime + stime from /proc over the measured window (10 ms ticks), Kamailio with its workers; ${load}`,
        });
      }
    } finally {
      await ours.stop();
      await kamailio?.stop();
    }
    rows.push(...(await inviteRows()));
    return rows;
  },
};
export default benchmark;
