// A microsecond-resolution SIP caller over UDP for INVITE 12329 → 200 from the IVR: sends INVITEs
// with an SDP offer at a steady rate, times each 200 from send to receipt with process.hrtime,
// then ACKs it and hangs up (BYE) at once, so that calls do not pile up. 1xx are ignored.
import { createSocket } from 'node:dgram';
import { paced } from './paced.js';

export interface InviteRun {
  /** INVITE → 200 in milliseconds, microsecond resolution. */
  rttMs: number[];
  /** INVITEs with no final answer, or answered with something other than 200. */
  failed: number;
  /** BYEs that got no 200 by the end of the run. */
  byesUnanswered: number;
}

interface Call {
  i: number;
  sentAt: bigint;
  answered: boolean;
}

export async function runInvites(target: { host: string; port: number }, rate: number, count: number): Promise<InviteRun> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const local = socket.address().port;
  const tag = Math.random().toString(36).slice(2, 10);
  const calls = new Map<string, Call>();
  const byes = new Set<string>();
  const rttMs: number[] = [];
  let failed = 0;
  const from = (i: number) => `<sip:1380013${String(i % 10_000).padStart(4, '0')}@127.0.0.1>;tag=${tag}${i}`;
  const ruri = `sip:12329@${target.host}:${target.port}`;
  socket.on('message', (data) => {
    const now = process.hrtime.bigint();
    const text = data.toString('latin1');
    const status = Number(text.slice(8, 11));
    if (!text.startsWith('SIP/2.0 ') || status < 200) return;
    const callId = /\r\n(?:Call-ID|i)\s*:\s*([^\r]+)/i.exec(text)?.[1] ?? '';
    const cseq = /\r\nCSeq\s*:\s*\d+\s+(\w+)/i.exec(text)?.[1];
    if (cseq === 'BYE') {
      byes.delete(callId);
      return;
    }
    const call = calls.get(callId);
    if (!call || call.answered) return;
    call.answered = true;
    calls.delete(callId);
    const to = /\r\n(?:To|t)\s*:\s*([^\r]+)/i.exec(text)?.[1] ?? '';
    if (status !== 200) {
      failed++; // the transaction layer ACKs a non-2xx for us only in a real UA; here it is counted
      return;
    }
    rttMs.push(Number(now - call.sentAt) / 1e6);
    const dialog = `From: ${from(call.i)}\r\nTo: ${to}\r\nCall-ID: ${callId}\r\n`;
    const via = (suffix: string) => `Via: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK-${tag}-${call.i}-${suffix};rport\r\n`;
    socket.send(`ACK ${ruri} SIP/2.0\r\n${via('ack')}Max-Forwards: 70\r\n${dialog}CSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n`, target.port, target.host);
    byes.add(callId);
    socket.send(`BYE ${ruri} SIP/2.0\r\n${via('bye')}Max-Forwards: 70\r\n${dialog}CSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n`, target.port, target.host);
  });
  await paced(rate, count, (i) => {
    const callId = `inv-${tag}-${i}@127.0.0.1`;
    const sdp =
      `v=0\r\no=bench ${i} 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio ${20_000 + (i % 10_000) * 2} RTP/AVP 0 101\r\n` +
      `a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=sendrecv\r\n`;
    const message =
      `INVITE ${ruri} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK-${tag}-${i};rport\r\nMax-Forwards: 70\r\n` +
      `From: ${from(i)}\r\nTo: <sip:12329@${target.host}>\r\nCall-ID: ${callId}\r\nCSeq: 1 INVITE\r\nContact: <sip:caller@127.0.0.1:${local}>\r\n` +
      `Content-Type: application/sdp\r\nContent-Length: ${Buffer.byteLength(sdp)}\r\n\r\n${sdp}`;
    calls.set(callId, { i, sentAt: process.hrtime.bigint(), answered: false });
    socket.send(message, target.port, target.host);
  });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  socket.close();
  return { rttMs, failed: failed + calls.size, byesUnanswered: byes.size };
}
