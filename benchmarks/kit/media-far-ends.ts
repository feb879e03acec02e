// Far ends for the media benchmarks, in a child process so that process.cpuUsage() in the bench
// counts only the engine's work: plain RTP sockets, or werift "browsers" (DTLS-SRTP). Both can
// send 20 ms PCMU frames back, as a caller or a browser does. The child talks JSON lines.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export const RTP_FAR_ENDS = `
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

/**
 * werift browsers: offers with host candidates; on {answers} they connect and say {connected}
 * once every peer is connected (one after the other), or {failed} with each peer's connection
 * and ICE state when one is not connected after CONNECT_MS. On {talk} each sends PCMU frames through its track every 20 ms.
 */
export const WEBRTC_FAR_ENDS = `
import readline from 'node:readline';
import { RTCPeerConnection, RTCRtpCodecParameters, RtpHeader, RtpPacket } from 'werift';
const n = Number(process.env.FAR_COUNT);
const connectMs = Number(process.env.CONNECT_MS);
let received = 0;
const peers = [];
for (let i = 0; i < n; i++) {
  const pc = new RTCPeerConnection({ iceServers: [], iceAdditionalHostAddresses: ['127.0.0.1'], iceUseIpv6: false,
    codecs: { audio: [new RTCRtpCodecParameters({ mimeType: 'audio/PCMU', clockRate: 8000, channels: 1, payloadType: 0 })] } });
  const transceiver = pc.addTransceiver('audio', { direction: 'sendrecv' });
  pc.onTrack.subscribe((t) => t.onReceiveRtp.subscribe(() => received++));
  await pc.setLocalDescription(await pc.createOffer());
  if (pc.iceGatheringState !== 'complete') await new Promise((r) => pc.iceGatheringStateChange.subscribe((s) => s === 'complete' && r()));
  peers.push({ pc, transceiver });
}
console.log(JSON.stringify({ offers: peers.map((p) => p.pc.localDescription.sdp) }));
const states = () => peers.map(({ pc }) => pc.connectionState + '/ice ' + pc.iceConnectionState);
readline.createInterface({ input: process.stdin }).on('line', async (line) => {
  const msg = JSON.parse(line);
  if (msg.answers) {
    // One peer at a time: ten DTLS handshakes at once on a loaded machine let ICE checks time out.
    const t0 = performance.now();
    for (const [i, p] of peers.entries()) {
      await p.pc.setRemoteDescription({ type: 'answer', sdp: msg.answers[i] });
      const t1 = performance.now();
      while (p.pc.connectionState !== 'connected') {
        if (performance.now() - t1 > connectMs || p.pc.connectionState === 'failed') {
          console.log(JSON.stringify({ failed: states() }));
          return;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    console.log(JSON.stringify({ connected: Math.round(performance.now() - t0) }));
  }
  if (msg.talk) talk();
  if (msg.report) console.log(JSON.stringify({ received }));
});
function talk() {
  const t0 = performance.now();
  let k = 0;
  const tick = () => {
    for (const { transceiver } of peers) {
      const header = new RtpHeader({ payloadType: 0, sequenceNumber: k & 0xffff, timestamp: (k * 160) >>> 0, ssrc: transceiver.sender.ssrc });
      transceiver.sender.sendRtp(new RtpPacket(header, Buffer.alloc(160, 0x55))).catch(() => {});
    }
    k++;
    setTimeout(tick, Math.max(0, t0 + k * 20 - performance.now()));
  };
  tick();
}
`;

export class FarEnds {
  private readonly child: ChildProcess;
  private readonly lines: string[] = [];
  private waiting: ((line: string) => void) | undefined;

  constructor(script: string, count: number, env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, ...env, FAR_COUNT: String(count) },
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

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The child's next line; a child that never answers fails the row instead of hanging the bench. */
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

/** Answers werift browsers' offers with `answer` and waits until every one is connected; a clear error names the states otherwise. */
export async function connectBrowsers(far: FarEnds, answer: (offer: string, i: number) => Promise<string>, connectMs: number): Promise<number> {
  const { offers } = await far.next<{ offers: string[] }>('offers', 60_000);
  const answers: string[] = [];
  for (const [i, sdp] of offers.entries()) answers.push(await answer(sdp, i));
  far.send({ answers });
  const result = await far.next<{ connected?: number; failed?: string[] }>('connection state', offers.length * connectMs + 10_000);
  if (result.failed) {
    const down = result.failed.filter((s) => !s.startsWith('connected/'));
    throw new Error(`${down.length} of ${offers.length} werift browsers not connected (one waited ${connectMs / 1000} s): ${[...new Set(down)].join(', ')}`);
  }
  return result.connected!;
}
