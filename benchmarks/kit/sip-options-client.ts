// A microsecond-resolution SIP OPTIONS client over UDP (SIPp reports whole milliseconds): sends
// OPTIONS at a steady rate and times each 200 from send to receipt with process.hrtime.
import { createSocket } from 'node:dgram';
import { paced } from './paced.js';

export interface OptionsRun {
  /** Round trips in milliseconds, microsecond resolution. */
  rttMs: number[];
  lost: number;
}

export async function runOptions(target: { host: string; port: number }, rate: number, count: number): Promise<OptionsRun> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const local = socket.address().port;
  const sentAt = new Map<string, bigint>();
  const rttMs: number[] = [];
  socket.on('message', (data) => {
    const now = process.hrtime.bigint();
    const text = data.toString('latin1');
    if (!text.startsWith('SIP/2.0 200')) return;
    const callId = /\r\n(?:Call-ID|i)\s*:\s*([^\r]+)/i.exec(text)?.[1];
    const at = callId === undefined ? undefined : sentAt.get(callId);
    if (at === undefined) return;
    sentAt.delete(callId!);
    rttMs.push(Number(now - at) / 1e6);
  });
  const tag = Math.random().toString(36).slice(2, 10);
  await paced(rate, count, (i) => {
    const callId = `opt-${tag}-${i}@127.0.0.1`;
    const message =
      `OPTIONS sip:12329@${target.host}:${target.port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK-${tag}-${i};rport\r\n` +
      `Max-Forwards: 70\r\nFrom: <sip:bench@127.0.0.1>;tag=${tag}\r\nTo: <sip:12329@${target.host}>\r\nCall-ID: ${callId}\r\nCSeq: ${i + 1} OPTIONS\r\n` +
      `Accept: application/sdp\r\nContent-Length: 0\r\n\r\n`;
    sentAt.set(callId, process.hrtime.bigint());
    socket.send(message, target.port, target.host);
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
  socket.close();
  return { rttMs, lost: sentAt.size };
}
