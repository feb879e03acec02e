// The far end of benchmarks/ivr-concurrency.bench.ts, run as its own process so that its CPU is
// not counted in the server's process.cpuUsage(). It places CALLS calls to 12329 over UDP at RATE
// per second (INVITE with PCMU SDP, ACK), sends 20 ms PCMU frames on each call's own RTP socket,
// and times every prompt packet it receives: RFC 3550 inter-arrival jitter and gaps inside a
// talkspurt, measured here at the receiver. Once all calls are up it holds HOLD_MS, then hangs
// up (BYE) and prints one JSON result line. Progress lines on stdout: {"event":"held"},
// {"event":"hold-end"}, then {"event":"result",...}.
import { createSocket, type Socket } from 'node:dgram';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const TARGET_HOST = process.env.SIP_HOST ?? '127.0.0.1';
const TARGET_PORT = Number(process.env.SIP_PORT);
const CALLS = Number(process.env.CALLS ?? 10);
const RATE = Number(process.env.RATE ?? 50);
const HOLD_MS = Number(process.env.HOLD_MS ?? 20_000);
const BYE_RATE = Number(process.env.BYE_RATE ?? 200);
const SETUP_TIMEOUT_MS = 15_000;
const GAP_MS = 60;
const FRAME_MS = 20;
const SUBTICKS = 4; // calls are spread over 4 phases of the 20 ms frame, as real calls are
const JITTER_BIN_MS = 0.1;

type CallState = 'inviting' | 'connecting' | 'up' | 'ending' | 'ended' | 'failed';

interface Call {
  index: number;
  callId: string;
  tag: string;
  toTag: string;
  state: CallState;
  rtp: Socket;
  rtpPort: number;
  serverRtpPort: number;
  invite: string;
  bye: string;
  retransmit: NodeJS.Timeout | undefined;
  invitedAt: number;
  setupMs: number;
  failure: string | undefined;
  // Receiver statistics (RFC 3550 §6.4.1 / A.8), in ms.
  received: number;
  lastArrival: number;
  lastTimestamp: number;
  lastSeq: number;
  jitter: number;
  jitterSum: number;
  gaps: number;
  maxGapMs: number;
  maxGapAt: string;
  lost: number;
  // Sender.
  seq: number;
  ts: number;
}

const sip = createSocket('udp4');
await new Promise<void>((r) => sip.bind(0, '127.0.0.1', r));
const sipPort = sip.address().port;
const byCallId = new Map<string, Call>();
const calls: Call[] = [];
const transitHistogram = new Uint32Array(2000); // |D| per packet in 0.1 ms bins, up to 200 ms
const payload = Buffer.alloc(160, 0xd5); // quiet μ-law noise-free frame
const out = (o: object): void => void process.stdout.write(JSON.stringify(o) + '\n');

function header(text: string, name: string): string | undefined {
  const m = new RegExp(`\\r\\n${name}\\s*:\\s*([^\\r]*)`, 'i').exec(text);
  return m?.[1];
}

function inviteFor(c: Call): string {
  const sdp =
    `v=0\r\no=caller ${c.index + 1} 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n` +
    `m=audio ${c.rtpPort} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=sendrecv\r\n`;
  return (
    `INVITE sip:12329@${TARGET_HOST}:${TARGET_PORT} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${sipPort};branch=z9hG4bK-${c.tag}-i;rport\r\n` +
    `Max-Forwards: 70\r\nFrom: <sip:1380013${String(c.index).padStart(4, '0')}@127.0.0.1>;tag=${c.tag}\r\nTo: <sip:12329@${TARGET_HOST}>\r\n` +
    `Call-ID: ${c.callId}\r\nCSeq: 1 INVITE\r\nContact: <sip:caller@127.0.0.1:${sipPort}>\r\nContent-Type: application/sdp\r\n` +
    `Content-Length: ${Buffer.byteLength(sdp)}\r\n\r\n${sdp}`
  );
}

function inDialog(c: Call, method: 'ACK' | 'BYE', cseq: number, branch: string): string {
  return (
    `${method} sip:12329@${TARGET_HOST}:${TARGET_PORT} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${sipPort};branch=z9hG4bK-${c.tag}-${branch};rport\r\n` +
    `Max-Forwards: 70\r\nFrom: <sip:1380013${String(c.index).padStart(4, '0')}@127.0.0.1>;tag=${c.tag}\r\nTo: <sip:12329@${TARGET_HOST}>;tag=${c.toTag}\r\n` +
    `Call-ID: ${c.callId}\r\nCSeq: ${cseq} ${method}\r\nContent-Length: 0\r\n\r\n`
  );
}

function sendSip(text: string): void {
  sip.send(text, TARGET_PORT, TARGET_HOST);
}

/** Retransmits a request T1-doubling (500 ms, 1 s, 2 s, 4 s …) until stopped. */
function retransmit(c: Call, text: string): void {
  clearTimeout(c.retransmit);
  let interval = 500;
  const again = (): void => {
    sendSip(text);
    interval = Math.min(interval * 2, 4000);
    c.retransmit = setTimeout(again, interval);
  };
  sendSip(text);
  c.retransmit = setTimeout(again, interval);
}

function fail(c: Call, why: string): void {
  if (c.state === 'failed' || c.state === 'ended') return;
  clearTimeout(c.retransmit);
  c.state = 'failed';
  c.failure = why;
}

sip.on('message', (data) => {
  const text = data.toString('latin1');
  const callId = header(text, '(?:Call-ID|i)');
  const c = callId === undefined ? undefined : byCallId.get(callId);
  if (!c) return;
  if (text.startsWith('SIP/2.0 ')) {
    const status = Number(text.slice(8, 11));
    const method = header(text, 'CSeq')?.split(/\s+/)[1];
    if (method === 'INVITE') {
      if (status < 200) {
        clearTimeout(c.retransmit); // a provisional stops INVITE retransmissions (RFC 3261 §17.1.1.2)
        return;
      }
      if (status >= 300) return fail(c, `INVITE ${text.slice(8, text.indexOf('\r\n'))}`);
      c.toTag = /;tag=([^;\s]+)/.exec(header(text, '(?:To|t)') ?? '')?.[1] ?? '';
      sendSip(inDialog(c, 'ACK', 1, 'a')); // also for each retransmitted 200
      if (c.state !== 'inviting') return;
      clearTimeout(c.retransmit);
      const port = /\r\nm=audio (\d+)/.exec(text)?.[1];
      if (!port) return fail(c, '200 without an audio port');
      c.serverRtpPort = Number(port);
      c.setupMs = performance.now() - c.invitedAt;
      // A connected socket sends without a per-packet address look-up: the callers share the
      // machine's two cores with the server, so they are kept as light as they can be.
      c.rtp.connect(c.serverRtpPort, TARGET_HOST, () => (c.state = c.state === 'connecting' ? 'up' : c.state));
      c.state = 'connecting';
    } else if (method === 'BYE' && status >= 200) {
      clearTimeout(c.retransmit);
      if (c.state === 'ending') c.state = status < 300 ? 'ended' : 'failed';
      if (c.state === 'failed') c.failure ??= `BYE ${status}`;
    }
    return;
  }
  // A request from the server: answer it; a BYE before ours is a failed call (the IVR gave up on it).
  const firstLine = text.slice(0, text.indexOf('\r\n'));
  const via = text.split('\r\n').filter((l) => /^(?:Via|v)\s*:/i.test(l));
  const response = [
    'SIP/2.0 200 OK',
    ...via,
    `From: ${header(text, '(?:From|f)')}`,
    `To: ${header(text, '(?:To|t)')}`,
    `Call-ID: ${callId}`,
    `CSeq: ${header(text, 'CSeq')}`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
  sendSip(response);
  if (firstLine.startsWith('BYE ') && c.state !== 'ending') fail(c, 'server hung up');
});

function onRtp(c: Call, data: Buffer): void {
  const now = performance.now();
  if (data.length < 12 || data[1]! & 0x7f) return; // PCMU only (RFC 4733 events are not prompts)
  const seq = data.readUInt16BE(2);
  const ts = data.readUInt32BE(4);
  if (c.received > 0) {
    const seqDelta = (seq - c.lastSeq) & 0xffff;
    const tsDelta = (ts - c.lastTimestamp) | 0;
    if (seqDelta > 1 && seqDelta < 1000) c.lost += seqDelta - 1;
    const arrivalDelta = now - c.lastArrival;
    // D(i,j) of RFC 3550: arrival spacing minus sending spacing (8 samples per ms).
    const d = arrivalDelta - tsDelta / 8;
    const abs = Math.abs(d);
    c.jitter += (abs - c.jitter) / 16;
    c.jitterSum += c.jitter;
    transitHistogram[Math.min(transitHistogram.length - 1, Math.floor(abs / JITTER_BIN_MS))]!++;
    // A gap inside a talkspurt: the next frame (by timestamp) arrived late. Pauses between
    // prompts carry a timestamp jump and are not gaps.
    if (tsDelta === 160 && arrivalDelta > GAP_MS) {
      c.gaps++;
      if (arrivalDelta > c.maxGapMs) {
        c.maxGapMs = arrivalDelta;
        c.maxGapAt = `${c.state}, ${Math.round(now - c.invitedAt)} ms into the call, ${Math.round(now - rampStart)} ms into the run`;
      }
    }
  }
  c.received++;
  c.lastArrival = now;
  c.lastTimestamp = ts;
  c.lastSeq = seq;
}

async function openCall(index: number): Promise<Call> {
  const rtp = createSocket('udp4');
  await new Promise<void>((r) => rtp.bind(0, '127.0.0.1', r));
  const tag = `${process.pid.toString(36)}${index.toString(36)}`;
  const c: Call = {
    index,
    callId: `ivrc-${tag}@127.0.0.1`,
    tag,
    toTag: '',
    state: 'inviting',
    rtp,
    rtpPort: rtp.address().port,
    serverRtpPort: 0,
    invite: '',
    bye: '',
    retransmit: undefined,
    invitedAt: 0,
    setupMs: 0,
    failure: undefined,
    received: 0,
    lastArrival: 0,
    lastTimestamp: 0,
    lastSeq: 0,
    jitter: 0,
    jitterSum: 0,
    gaps: 0,
    maxGapMs: 0,
    maxGapAt: '',
    lost: 0,
    seq: index * 7,
    ts: index * 1000,
  };
  rtp.on('message', (data) => onRtp(c, data));
  c.invite = inviteFor(c);
  byCallId.set(c.callId, c);
  calls.push(c);
  return c;
}

// The sender: every 5 ms a quarter of the calls send their next 20 ms frame (drift-free).
const frame = Buffer.alloc(12 + payload.length);
payload.copy(frame, 12);
const clockStart = performance.now();
let subtick = 0;
function sendTick(): void {
  const phase = subtick % SUBTICKS;
  for (let i = phase; i < calls.length; i += SUBTICKS) {
    const c = calls[i]!;
    if (c.state !== 'up') continue;
    const pkt = Buffer.allocUnsafe(frame.length);
    frame.copy(pkt);
    pkt[0] = 0x80;
    pkt[1] = 0;
    pkt.writeUInt16BE(c.seq & 0xffff, 2);
    pkt.writeUInt32BE(c.ts >>> 0, 4);
    pkt.writeUInt32BE(0x10000 + c.index, 8);
    c.seq++;
    c.ts += 160;
    c.rtp.send(pkt);
  }
  subtick++;
  sendTimer = setTimeout(sendTick, Math.max(0, clockStart + (subtick * FRAME_MS) / SUBTICKS - performance.now()));
}
let sendTimer = setTimeout(sendTick, 0);

// Ramp up at RATE calls per second.
const rampStart = performance.now();
for (let i = 0; i < CALLS; i++) {
  const wait = rampStart + (i * 1000) / RATE - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const c = await openCall(i);
  c.invitedAt = performance.now();
  retransmit(c, c.invite);
  const call = c;
  setTimeout(() => call.state === 'inviting' && fail(call, 'no answer to INVITE'), SETUP_TIMEOUT_MS);
}
while (calls.some((c) => c.state === 'inviting' || c.state === 'connecting')) await new Promise((r) => setTimeout(r, 50));
const upAtHold = calls.filter((c) => c.state === 'up').length;
out({ event: 'held', concurrent: upAtHold });
const cpu0 = process.cpuUsage();
// The receiver's own lateness: packets are timed when its event loop gets to them.
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const holdStart = performance.now();
await new Promise((r) => setTimeout(r, HOLD_MS));
const concurrentAtEnd = calls.filter((c) => c.state === 'up').length;
const cpuHold = process.cpuUsage(cpu0);
loop.disable();
const holdS = (performance.now() - holdStart) / 1000;
out({ event: 'hold-end', concurrent: concurrentAtEnd });

// Hang up at BYE_RATE per second.
const byeStart = performance.now();
let k = 0;
for (const c of calls) {
  if (c.state !== 'up') continue;
  const wait = byeStart + (k++ * 1000) / BYE_RATE - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  c.state = 'ending';
  retransmit(c, inDialog(c, 'BYE', 2, 'b'));
  const call = c;
  setTimeout(() => call.state === 'ending' && fail(call, 'no answer to BYE'), 10_000);
}
while (calls.some((c) => c.state === 'ending')) await new Promise((r) => setTimeout(r, 50));
clearTimeout(sendTimer);

const totalPackets = transitHistogram.reduce((a, b) => a + b, 0);
function transitPercentile(p: number): number {
  let seen = 0;
  for (let i = 0; i < transitHistogram.length; i++) {
    seen += transitHistogram[i]!;
    if (seen >= (p / 100) * totalPackets) return (i + 1) * JITTER_BIN_MS;
  }
  return Number.NaN;
}
const failures: Record<string, number> = {};
for (const c of calls) if (c.failure) failures[c.failure] = (failures[c.failure] ?? 0) + 1;
out({
  event: 'result',
  placed: calls.length,
  setUp: calls.filter((c) => c.setupMs > 0).length,
  failed: calls.filter((c) => c.state === 'failed').length,
  failures,
  concurrentAtHold: upAtHold,
  concurrentAtEnd,
  setupMs: calls.filter((c) => c.setupMs > 0).map((c) => Math.round(c.setupMs * 100) / 100),
  // Per call: the RFC 3550 jitter averaged over the call's packets.
  callJitterMs: calls.filter((c) => c.received > 1).map((c) => Math.round((c.jitterSum / (c.received - 1)) * 1000) / 1000),
  silentCalls: calls.filter((c) => c.received === 0).length,
  packetsReceived: calls.reduce((a, c) => a + c.received, 0),
  packetsLost: calls.reduce((a, c) => a + c.lost, 0),
  gaps: calls.reduce((a, c) => a + c.gaps, 0),
  maxGapMs: Math.round(Math.max(0, ...calls.map((c) => c.maxGapMs)) * 10) / 10,
  maxGapAt: calls.reduce((a, c) => (c.maxGapMs > a.maxGapMs ? c : a), calls[0]!).maxGapAt,
  transitP50Ms: transitPercentile(50),
  transitP99Ms: transitPercentile(99),
  callerLoopP99Ms: loop.percentile(99) / 1e6,
  callerCpuMsPerS: (cpuHold.user + cpuHold.system) / 1000 / holdS,
});
for (const c of calls) c.rtp.close();
sip.close();
