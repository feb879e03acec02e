// SIP over UDP under load: SIPp places calls at a steady rate against the stack, which answers
// each with a fixed SDP and hangs up after 1 s. Setup time is SIPp's INVITE → 200 round trip
// (-trace_rtt); CPU is this process's process.cpuUsage() delta divided by the calls placed.
import pino from 'pino';
import { percentile, round, type Benchmark, type BenchRow } from './bench-kit.js';
import { systemClock } from '../main/server/clock.js';
import { SipStack } from '../main/server/sip/sip-stack.js';
import { runSipp } from '../main/server/sip/sipp-test-kit.js';

const RATE = 20;
const CONCURRENT = 50;
const CALLS = 500;
const SDP = 'v=0\r\no=bench 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n';

const benchmark: Benchmark = {
  name: 'sip-udp',
  async run(): Promise<BenchRow[]> {
    const stack = new SipStack({ host: '127.0.0.1', logger: pino({ level: 'silent' }), clock: systemClock, credentials: () => undefined });
    const port = await stack.listenUdp(0);
    let answered = 0;
    stack.delegate = {
      onIncomingCall(call) {
        call.answer(SDP);
        answered++;
        setTimeout(() => void call.bye(), 1000);
      },
    };
    const cpu = process.cpuUsage();
    const run = await runSipp(
      'uac-call-server-bye.xml',
      port,
      ['-r', String(RATE), '-l', String(CONCURRENT), '-m', String(CALLS), '-trace_rtt', '-rtt_freq', '1', '-timeout', '120s'],
      180_000,
    );
    const used = process.cpuUsage(cpu);
    await stack.close();
    // rtt file: a header, then "date_ms;response_time_ms;rtd_name" per call (whole milliseconds)
    const setup = run.rtt
      .slice(1)
      .map((line) => Number(line.split(';')[1]))
      .filter((v) => Number.isFinite(v));
    const failed = Number(/Failed call\s*\|\s*(\d+)/.exec(run.stdout)?.[1] ?? (run.code === 0 ? 0 : Number.NaN));
    const cpuMsPerCall = (used.user + used.system) / 1000 / Math.max(1, answered);
    const note = `${CALLS} calls, ${RATE}/s, ≤${CONCURRENT} concurrent, 1 s each`;
    return [
      { benchmark: 'sip-udp', metric: 'setup p50 (INVITE→200)', value: round(percentile(setup, 50), 2), unit: 'ms', note },
      { benchmark: 'sip-udp', metric: 'setup p99 (INVITE→200)', value: round(percentile(setup, 99), 2), unit: 'ms' },
      { benchmark: 'sip-udp', metric: 'calls answered', value: answered, unit: 'calls' },
      { benchmark: 'sip-udp', metric: 'failed calls (SIPp)', value: failed, unit: 'calls' },
      { benchmark: 'sip-udp', metric: 'CPU per call', value: round(cpuMsPerCall, 3), unit: 'ms' },
    ];
  },
};

export default benchmark;
