// Holds N WebRTC (or plain RTP) legs playing a prompt, their far ends talking back, for a while,
// and prints CPU per leg-second: run under `node --cpu-prof` to see where a leg's CPU goes.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx benchmarks/kit/webrtc-legs-profile.ts
// Env: LEGS (10), SECONDS (10), KIND (webrtc | rtp), TALK (1: far ends send audio back), FAST (0: RTP in werift).
import { readdirSync, readFileSync } from 'node:fs';
import { createMediaEngine } from '../../main/server/media/create-media-engine.js';
import type { MediaLeg } from '../../main/server/media/media-engine.js';
import { offerSdp, tempDir, writeToneWav } from '../../main/server/media/media-test-kit.js';
import { connectBrowsers, FarEnds, RTP_FAR_ENDS, WEBRTC_FAR_ENDS } from './media-far-ends.js';

const legsWanted = Number(process.env.LEGS ?? 10);
const seconds = Number(process.env.SECONDS ?? 10);
const kind = process.env.KIND ?? 'webrtc';
const talk = process.env.TALK !== '0';

/** CPU ms per thread of this process (Linux /proc; 10 ms ticks), summed by thread name. */
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const text = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      out.set(
        tid === String(process.pid) ? `main` : name,
        (out.get(tid === String(process.pid) ? `main` : name) ?? 0) + (Number(fields[11]) + Number(fields[12])) * 10,
      );
    } catch {
      // the thread ended
    }
  }
  return out;
}

const engine = await createMediaEngine({ host: '127.0.0.1', webrtcFastPath: process.env.FAST !== '0' });
const prompt = writeToneWav(tempDir('media-prof-'), 'prompt.wav', { ms: (seconds + 30) * 1000 });
const far = new FarEnds(kind === 'rtp' ? RTP_FAR_ENDS : WEBRTC_FAR_ENDS, legsWanted, { CONNECT_MS: '60000' });
const legs: MediaLeg[] = [];
try {
  if (kind === 'rtp') {
    const { ports } = await far.next<{ ports: number[] }>('ports');
    for (const port of ports) legs.push(await engine.answer({ callId: `prof-${port}`, remoteSdp: offerSdp({ port }) }));
    if (talk) far.send({ targets: legs.map((l) => Number(/^m=audio (\d+)/m.exec(l.localSdp)![1])) });
  } else {
    const ms = await connectBrowsers(
      far,
      async (sdp, i) => {
        const leg = await engine.answer({ callId: `prof-w${i}`, remoteSdp: sdp });
        legs.push(leg);
        return leg.localSdp;
      },
      60_000,
    );
    console.error(`connected in ${ms} ms`);
    if (talk) far.send({ talk: true });
  }
  for (const leg of legs) void leg.play([prompt]);
  await new Promise((r) => setTimeout(r, 1000));
  const threads0 = threadCpu();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const cpu = process.cpuUsage(cpu0);
  const wall = (performance.now() - t0) / 1000;
  const threads = threadCpu();
  console.log(
    'CPU ms by thread: ' +
      [...threads]
        .map(([name, ms]) => [name, ms - (threads0.get(name) ?? 0)] as const)
        .filter(([, ms]) => ms > 0)
        .map(([name, ms]) => `${name} ${ms}`)
        .join(', '),
  );
  const received = legs.reduce((n, l) => n + l.stats().packetsReceived, 0);
  far.send({ report: true });
  const report = await far.next<{ received: number }>('packet count');
  console.log(
    `${kind}: ${((cpu.user + cpu.system) / 1000 / wall / legs.length).toFixed(2)} CPU ms per leg-second ` +
      `(user ${(cpu.user / 1000 / wall / legs.length).toFixed(2)}, system ${(cpu.system / 1000 / wall / legs.length).toFixed(2)}); ` +
      `${legs.length} legs, ${wall.toFixed(1)} s; engine got ${received}, far ends got ${report.received} packets`,
  );
} finally {
  far.stop();
  await engine.close();
}
