// Digest REGISTERs at saturation over UDP: `concurrency` users each loop REGISTER → 401 →
// REGISTER with Authorization (qop=auth when offered) → 200, back to back. Counts the 200s of
// authenticated REGISTERs per second over the measured window (after a warm-up).
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { BENCH_USERS, benchHa1, md5 } from './bench-users.js';

export interface RegisterRun {
  perSecond: number;
  completed: number;
  failures: number;
  /** Server CPU per authenticated REGISTER (its 401 round trip included), when `cpuMs` was given. */
  cpuMsEach?: number;
}

interface Worker {
  user: string;
  callId: string;
  cseq: number;
  sentAt: number;
}

function challengeFields(header: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of header.matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]+))/g)) fields[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? '';
  return fields;
}

/** `cpuMs` reads the server's CPU time, sampled at the start and the end of the measured window. */
export async function runRegisters(
  target: { host: string; port: number },
  concurrency: number,
  warmupMs: number,
  measureMs: number,
  cpuMs?: () => number | undefined,
): Promise<RegisterRun> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const local = socket.address().port;
  const uri = `sip:${target.host}:${target.port}`;
  const tag = randomBytes(4).toString('hex');
  const workers = new Map<string, Worker>();
  let measuring = false;
  let stopped = false;
  let completed = 0;
  let failures = 0;

  const send = (w: Worker, authorization?: string) => {
    w.cseq++;
    w.sentAt = Date.now();
    socket.send(
      `REGISTER ${uri} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK-${tag}-${w.user}-${w.cseq};rport\r\nMax-Forwards: 70\r\n` +
        `From: <sip:${w.user}@${target.host}>;tag=${tag}${w.user}\r\nTo: <sip:${w.user}@${target.host}>\r\nCall-ID: ${w.callId}\r\nCSeq: ${w.cseq} REGISTER\r\n` +
        `Contact: <sip:${w.user}@127.0.0.1:${local}>;expires=600\r\n${authorization ? `Authorization: ${authorization}\r\n` : ''}Content-Length: 0\r\n\r\n`,
      target.port,
      target.host,
    );
  };

  socket.on('message', (data) => {
    const text = data.toString('latin1');
    const status = Number(text.slice(8, 11));
    const w = workers.get(/\r\n(?:Call-ID|i)\s*:\s*([^\r]+)/i.exec(text)?.[1] ?? '');
    if (!w || stopped) return;
    if (status === 401) {
      const c = challengeFields(/\r\nWWW-Authenticate\s*:\s*Digest ([^\r]+)/i.exec(text)?.[1] ?? '');
      const qop = c.qop
        ?.split(',')
        .map((q) => q.trim())
        .includes('auth')
        ? 'auth'
        : undefined;
      const cnonce = randomBytes(4).toString('hex');
      const ha2 = md5(`REGISTER:${uri}`);
      const ha1 = benchHa1(w.user, c.realm);
      const response = qop ? md5(`${ha1}:${c.nonce}:00000001:${cnonce}:auth:${ha2}`) : md5(`${ha1}:${c.nonce}:${ha2}`);
      send(
        w,
        `Digest username="${w.user}", realm="${c.realm}", nonce="${c.nonce}", uri="${uri}", response="${response}", algorithm=MD5` +
          `${qop ? `, qop=auth, nc=00000001, cnonce="${cnonce}"` : ''}${c.opaque !== undefined ? `, opaque="${c.opaque}"` : ''}`,
      );
    } else if (status === 200) {
      if (measuring) completed++;
      send(w);
    } else if (status >= 300) {
      if (measuring) failures++;
      send(w);
    }
  });
  for (const user of BENCH_USERS.slice(0, concurrency)) {
    const w: Worker = { user, callId: `reg-${tag}-${user}`, cseq: 0, sentAt: 0 };
    workers.set(w.callId, w);
    send(w);
  }
  // A lost datagram would stall its user: start it over after a second.
  const watchdog = setInterval(() => {
    for (const w of workers.values()) if (Date.now() - w.sentAt > 1000) send(w);
  }, 250);
  await new Promise((resolve) => setTimeout(resolve, warmupMs));
  measuring = true;
  const start = performance.now();
  const cpuStart = cpuMs?.();
  await new Promise((resolve) => setTimeout(resolve, measureMs));
  measuring = false;
  const cpuEnd = cpuMs?.();
  const seconds = (performance.now() - start) / 1000;
  stopped = true;
  clearInterval(watchdog);
  socket.close();
  const cpuMsEach = cpuStart !== undefined && cpuEnd !== undefined && completed > 0 ? (cpuEnd - cpuStart) / completed : undefined;
  return { perSecond: completed / seconds, completed, failures, ...(cpuMsEach !== undefined ? { cpuMsEach } : {}) };
}
