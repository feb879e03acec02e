// CPU cost of the embedded media engine, per second of call time:
//  - a bridged pair of plain RTP legs, both far ends sending 20 ms PCMU frames (SIPp-like);
//  - a three-party conference of plain RTP legs in the mixer, every far end sending likewise;
//  - a monitored call: caller and agent in the mixer with a team lead whispering (voice/call-monitor.ts);
//  - a WebRTC leg playing a prompt to a werift "browser" (SRTP, DTLS connected).
// The far ends run in a child process so that only the engine's work is counted by
// process.cpuUsage() here. Figures are medians of several measuring windows.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { median, round, type Benchmark, type BenchRow } from './bench-kit.js';
import { createMediaEngine } from '../main/server/media/create-media-engine.js';
import type { MediaEngine, MediaLeg } from '../main/server/media/media-engine.js';
import { offerSdp, tempDir, writeToneWav } from '../main/server/media/media-test-kit.js';

const RTP_PAIRS = 10;
const CONFERENCES = 10;
const WEBRTC_LEGS = 10;
const WINDOW_MS = 3000;
const RUNS = 3;
// Pair and conference alternate this many times: their ratio is the figure the issue asks for.
const MIX_RUNS = 5;

const RTP_FAR_ENDS = `
import dgram from 'node:dgram';
import readline from 'node:readline';
const n = Number(process.env.FAR_COUNT);
const socks = await Promise.all(Array.from({ length: n }, () => new Promise((r) => { const s = dgram.createSocket('udp4'); s.bind(0, '127.0.0.1', () => r(s)); })));
let received = 0;
for (const s of socks) s.on('message', () => received++);
console.log(JSON.stringify({ ports: socks.map((s) => s.address().port) }));
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const msg = JSON.parse(line);
  if (msg.targets) start(msg.targets);
  if (msg.report) console.log(JSON.stringify({ received }));
});
function start(targets) {
  const t0 = performance.now();
  let k = 0;
  const tick = () => {
    const pkt = Buffer.alloc(172, 0x55);
    pkt[0] = 0x80; pkt[1] = 0; pkt.writeUInt16BE(k & 0xffff, 2); pkt.writeUInt32BE((k * 160) >>> 0, 4);
    socks.forEach((s, i) => { pkt.writeUInt32BE(1000 + i, 8); s.send(pkt, targets[i], '127.0.0.1'); });
    k++;
    setTimeout(tick, Math.max(0, t0 + k * 20 - performance.now()));
  };
  tick();
}
`;

const WEBRTC_FAR_ENDS = `
import readline from 'node:readline';
import { RTCPeerConnection, RTCRtpCodecParameters } from 'werift';
const n = Number(process.env.FAR_COUNT);
let received = 0;
const peers = [];
for (let i = 0; i < n; i++) {
  const pc = new RTCPeerConnection({ iceServers: [], iceAdditionalHostAddresses: ['127.0.0.1'], iceUseIpv6: false,
    codecs: { audio: [new RTCRtpCodecParameters({ mimeType: 'audio/PCMU', clockRate: 8000, channels: 1, payloadType: 0 })] } });
  pc.addTransceiver('audio', { direction: 'sendrecv' });
  pc.onTrack.subscribe((t) => t.onReceiveRtp.subscribe(() => received++));
  await pc.setLocalDescription(await pc.createOffer());
  if (pc.iceGatheringState !== 'complete') await new Promise((r) => pc.iceGatheringStateChange.subscribe((s) => s === 'complete' && r()));
  peers.push(pc);
}
console.log(JSON.stringify({ offers: peers.map((p) => p.localDescription.sdp) }));
readline.createInterface({ input: process.stdin }).on('line', async (line) => {
  const msg = JSON.parse(line);
  if (msg.answers) {
    await Promise.all(peers.map((p, i) => p.setRemoteDescription({ type: 'answer', sdp: msg.answers[i] })));
    while (peers.some((p) => p.connectionState !== 'connected')) await new Promise((r) => setTimeout(r, 20));
    console.log(JSON.stringify({ connected: true }));
  }
  if (msg.report) console.log(JSON.stringify({ received }));
});
`;

class FarEnds {
  private readonly child: ChildProcess;
  private readonly lines: string[] = [];
  private waiting: ((line: string) => void) | undefined;

  constructor(script: string, count: number) {
    this.child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, FAR_COUNT: String(count) },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = undefined;
        w(line);
      } else this.lines.push(line);
    });
  }

  /** The child's next line; a child that never answers (a peer that never connects) fails the row instead of hanging the bench. */
  next<T>(what: string, timeoutMs = 30_000): Promise<T> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(JSON.parse(line) as T);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        reject(new Error(`far ends: no ${what} within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.waiting = (l) => {
        clearTimeout(timer);
        resolve(JSON.parse(l) as T);
      };
    });
  }

  send(message: object): void {
    this.child.stdin!.write(JSON.stringify(message) + '\n');
  }

  stop(): void {
    this.child.kill();
  }
}

/** CPU ms of this process per wall-clock second, divided by `units`, median of `windows` windows. */
async function cpuPerSecond(units: number, windows = RUNS): Promise<number> {
  const results: number[] = [];
  for (let i = 0; i < windows; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, WINDOW_MS));
    const cpu = process.cpuUsage(cpu0);
    const wallS = (performance.now() - t0) / 1000;
    results.push((cpu.user + cpu.system) / 1000 / wallS / units);
  }
  return median(results);
}

/** Opens groups × size plain RTP legs whose far ends all send PCMU, joins each group, measures CPU per group-second in one window. */
async function rtpGroups(size: number, groups: number, join: (engine: MediaEngine, legs: MediaLeg[]) => void): Promise<{ perGroup: number; received: number }> {
  const engine = await createMediaEngine({ host: '127.0.0.1' });
  const far = new FarEnds(RTP_FAR_ENDS, size * groups);
  try {
    const { ports } = await far.next<{ ports: number[] }>('ports');
    const legs: MediaLeg[] = [];
    for (const port of ports) legs.push(await engine.answer({ callId: `bench-${port}`, remoteSdp: offerSdp({ port }) }));
    for (let i = 0; i < legs.length; i += size) join(engine, legs.slice(i, i + size));
    far.send({ targets: legs.map((l) => Number(/^m=audio (\d+)/m.exec(l.localSdp)![1])) });
    await new Promise((r) => setTimeout(r, 500));
    const perGroup = await cpuPerSecond(groups, 1);
    far.send({ report: true });
    const { received } = await far.next<{ received: number }>('packet count');
    return { perGroup, received };
  } finally {
    far.stop();
    await engine.close();
  }
}

/**
 * A bridged pair next to a three-party conference through the mixer, and what the mix costs
 * more. The two alternate run by run (MIX_RUNS times), so that load from other processes on the
 * shared machine weighs on both alike; the ratio is the median of each run's ratio.
 */
async function rtpPairsAndConferences(): Promise<BenchRow[]> {
  const pairs: number[] = [];
  const conferences: number[] = [];
  const monitored: number[] = [];
  const ratios: number[] = [];
  const monitorRatios: number[] = [];
  const received = { pairs: 0, conferences: 0, monitored: 0 };
  for (let i = 0; i < MIX_RUNS; i++) {
    const pair = await rtpGroups(2, RTP_PAIRS, (engine, [a, b]) => engine.bridge(a!, b!));
    const conference = await rtpGroups(3, CONFERENCES, (engine, legs) => {
      const mixer = engine.mixer();
      for (const leg of legs) mixer.add(leg);
    });
    // What a monitored call runs as: caller and agent speak to all, the lead (whisper) to the agent only.
    const monitor = await rtpGroups(3, CONFERENCES, (engine, [caller, agent, lead]) => {
      const mixer = engine.mixer();
      mixer.add(caller!);
      mixer.add(agent!);
      mixer.add(lead!, { speaksTo: [agent!] });
    });
    pairs.push(pair.perGroup);
    conferences.push(conference.perGroup);
    monitored.push(monitor.perGroup);
    ratios.push(conference.perGroup / pair.perGroup);
    monitorRatios.push(monitor.perGroup / pair.perGroup);
    received.pairs += pair.received;
    received.conferences += conference.received;
    received.monitored += monitor.received;
  }
  const window = `median of ${MIX_RUNS} runs × ${WINDOW_MS / 1000} s`;
  return [
    {
      benchmark: 'media CPU',
      metric: 'RTP leg pair bridged (PCMU, 50 pps each way)',
      value: round(median(pairs), 2),
      unit: 'CPU ms/s',
      note: `per bridged pair-second; ${RTP_PAIRS} pairs, ${window}; far ends got ${received.pairs} packets`,
    },
    {
      benchmark: 'media CPU',
      metric: 'three-party conference in the mixer (PCMU, 50 pps each way)',
      value: round(median(conferences), 2),
      unit: 'CPU ms/s',
      note: `per conference-second; ${CONFERENCES} conferences of 3 RTP legs, ${window}; far ends got ${received.conferences} packets`,
    },
    {
      benchmark: 'media CPU',
      metric: 'conference ÷ bridged pair',
      value: round(median(ratios), 2),
      unit: '×',
      note: `median of the ${MIX_RUNS} runs' ratios (${ratios.map((r) => round(r, 2)).join(', ')}); a conference moves 3 legs' packets to a pair's 2, and decodes, sums and encodes every frame`,
    },
    {
      benchmark: 'media CPU',
      metric: 'monitored call (a lead whispering) in the mixer (PCMU, 50 pps each way)',
      value: round(median(monitored), 2),
      unit: 'CPU ms/s',
      note: `per monitored call-second; ${CONFERENCES} calls of caller + agent + lead, ${window}; far ends got ${received.monitored} packets`,
    },
    {
      benchmark: 'media CPU',
      metric: 'monitored call ÷ bridged pair',
      value: round(median(monitorRatios), 2),
      unit: '×',
      note: `median of the ${MIX_RUNS} runs' ratios (${monitorRatios.map((r) => round(r, 2)).join(', ')}); what a lead's monitoring adds to a plain call`,
    },
  ];
}

async function webrtcPrompts(): Promise<BenchRow[]> {
  const engine = await createMediaEngine({ host: '127.0.0.1' });
  const prompt = writeToneWav(tempDir('media-bench-'), 'prompt.wav', { ms: 60_000 });
  const far = new FarEnds(WEBRTC_FAR_ENDS, WEBRTC_LEGS);
  try {
    const { offers } = await far.next<{ offers: string[] }>('offers');
    const legs: MediaLeg[] = [];
    for (const [i, sdp] of offers.entries()) legs.push(await engine.answer({ callId: `bench-w${i}`, remoteSdp: sdp }));
    far.send({ answers: legs.map((l) => l.localSdp) });
    await far.next<{ connected: boolean }>('connected browsers');
    await new Promise((r) => setTimeout(r, 300));
    for (const leg of legs) void leg.play([prompt]);
    await new Promise((r) => setTimeout(r, 500));
    const perLeg = await cpuPerSecond(WEBRTC_LEGS);
    far.send({ report: true });
    const { received } = await far.next<{ received: number }>('packet count');
    return [
      {
        benchmark: 'media CPU',
        metric: 'WebRTC leg playing a prompt (PCMU, SRTP)',
        value: round(perLeg, 2),
        unit: 'CPU ms/s',
        note: `${WEBRTC_LEGS} legs, median of ${RUNS}×${WINDOW_MS / 1000} s; browsers got ${received} packets; the browsers send no audio back`,
      },
    ];
  } finally {
    far.stop();
    await engine.close();
  }
}

const benchmark: Benchmark = {
  name: 'media CPU',
  async run() {
    // One part failing (browsers that never connect on a loaded machine) keeps the other's rows.
    const rows: BenchRow[] = [];
    for (const part of [rtpPairsAndConferences, webrtcPrompts]) {
      try {
        rows.push(...(await part()));
      } catch (error) {
        rows.push({ benchmark: 'media CPU', metric: `error (${part.name})`, value: (error as Error).message, unit: '' });
      }
    }
    return rows;
  },
};
export default benchmark;
