// The whole inbound path under load: SIPp callers over UDP dial 12329, hear the IVR (RTP paced
// prompts, echoed back by SIPp), key 0 (RFC 2833), wait in the queue with its prompts, and hang
// up. The server is the real one (every module) in this process, so process.cpuUsage() is its CPU.
import { percentile, round, type Benchmark, type BenchRow } from './bench-kit.js';
import { startTestServer } from '../main/server/auth/server-test-kit.js';
import { SERVER_MODULES } from '../main/server/modules.js';
import { runSipp } from '../main/server/sip/sipp-test-kit.js';

const CALLS = 40;
const CONCURRENT = 20;
const RATE = 4;
const QUEUE_MS = 8_000;

const benchmark: Benchmark = {
  name: 'voice-ivr-queue',
  async run(): Promise<BenchRow[]> {
    const server = await startTestServer(SERVER_MODULES, { config: { serviceHours: 'always', logLevel: 'silent' } });
    try {
      const cpu = process.cpuUsage();
      const started = Date.now();
      const run = await runSipp(
        'caller-to-queue-load.xml',
        server.sipUdpPort,
        [
          '-r',
          String(RATE),
          '-l',
          String(CONCURRENT),
          '-m',
          String(CALLS),
          '-d',
          String(QUEUE_MS),
          '-rtp_echo',
          '-trace_rtt',
          '-rtt_freq',
          '1',
          '-timeout',
          '180s',
        ],
        240_000,
      );
      const used = process.cpuUsage(cpu);
      const wallS = (Date.now() - started) / 1000;
      const setup = run.rtt
        .slice(1)
        .map((line) => Number(line.split(';')[1]))
        .filter((v) => Number.isFinite(v));
      const failed = Number(/Failed call\s*\|\s*(\d+)/.exec(run.stdout)?.[1] ?? (run.code === 0 ? 0 : Number.NaN));
      const rows = server.db
        .prepare("SELECT count(*) AS calls, sum(queued_at IS NOT NULL) AS queued, sum(abandon_stage = 'queue') AS abandoned FROM calls")
        .get() as { calls: number; queued: number; abandoned: number };
      const cpuMs = (used.user + used.system) / 1000;
      const note = `${CALLS} calls, ${RATE}/s, ≤${CONCURRENT} concurrent, IVR then ${QUEUE_MS / 1000} s queued, RTP echoed`;
      return [
        { benchmark: 'voice-ivr-queue', metric: 'setup p50 (INVITE→200)', value: round(percentile(setup, 50), 2), unit: 'ms', note },
        { benchmark: 'voice-ivr-queue', metric: 'setup p99 (INVITE→200)', value: round(percentile(setup, 99), 2), unit: 'ms' },
        { benchmark: 'voice-ivr-queue', metric: 'failed calls (SIPp)', value: failed, unit: 'calls' },
        { benchmark: 'voice-ivr-queue', metric: 'calls recorded / reached the queue', value: `${rows.calls} / ${rows.queued}`, unit: 'calls' },
        { benchmark: 'voice-ivr-queue', metric: 'CPU per call (whole call)', value: round(cpuMs / CALLS, 1), unit: 'ms' },
        { benchmark: 'voice-ivr-queue', metric: 'CPU load during the run', value: round((cpuMs / 1000 / wallS) * 100, 1), unit: '% of one core' },
      ];
    } finally {
      await server.stop();
    }
  },
};

export default benchmark;
