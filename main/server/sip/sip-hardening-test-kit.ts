import { digestHa1, digestResponse, parseDigestCredentials } from './digest.js';
import type { IncomingMessage } from './message.js';
import type { TestPeer } from './sip-peer-test-kit.js';

/** Tests only: raw UDP requests of an agent's phone and answers to our digest challenges. */
export const GOOD_SDP = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40010 RTP/AVP 0 8\r\n';

let counter = 0;
export function uniq(): number {
  return ++counter;
}

export interface DigestAnswer {
  user: string;
  password: string;
  method: string;
  uri: string;
  nc?: number;
  cnonce?: string;
}

/** The credentials answering a 401/407 challenge (its WWW- or Proxy-Authenticate header). */
export function answerChallenge(challenge: IncomingMessage, a: DigestAnswer): string {
  const header = challenge.headers.get('WWW-Authenticate') ?? challenge.headers.get('Proxy-Authenticate')!;
  const c = parseDigestCredentials(header)!;
  const nc = (a.nc ?? 1).toString(16).padStart(8, '0');
  const cnonce = a.cnonce ?? 'c0ffee';
  const response = digestResponse({ ha1: digestHa1(a.user, a.password), nonce: c.nonce!, method: a.method, uri: a.uri, qop: 'auth', nc, cnonce });
  return `Digest username="${a.user}", realm="12329", nonce="${c.nonce}", uri="${a.uri}", response="${response}", algorithm=MD5, qop=auth, nc=${nc}, cnonce="${cnonce}"`;
}

export function sendRegister(
  peer: TestPeer,
  serverPort: number,
  o: { user: string; contactPort: number; auth?: string; expires?: number; callId?: string },
): void {
  const n = uniq();
  peer.send(`REGISTER sip:127.0.0.1:${serverPort} SIP/2.0
Via: SIP/2.0/UDP 127.0.0.1:${peer.localPort};branch=z9hG4bK-reg-${n}
Max-Forwards: 70
To: <sip:${o.user}@127.0.0.1>
From: <sip:${o.user}@127.0.0.1>;tag=r${n}
Call-ID: ${o.callId ?? `reg-${o.user}-${peer.localPort}`}
CSeq: ${n} REGISTER
Contact: <sip:${o.user}@127.0.0.1:${o.contactPort}>;expires=${o.expires ?? 600}
${o.auth ? `Authorization: ${o.auth}\n` : ''}Content-Length: 0

`);
}

export function sendInvite(
  peer: TestPeer,
  serverPort: number,
  o: { from: string; to: string; callId: string; branch?: string; fromTag?: string; auth?: string; body?: string; cseq?: number },
): void {
  const body = o.body ?? GOOD_SDP;
  peer.send(`INVITE sip:${o.to}@127.0.0.1:${serverPort} SIP/2.0
Via: SIP/2.0/UDP 127.0.0.1:${peer.localPort};branch=${o.branch ?? `z9hG4bK-inv-${uniq()}`}
Max-Forwards: 70
From: <sip:${o.from}@127.0.0.1>;tag=${o.fromTag ?? `f${o.callId}`}
To: <sip:${o.to}@127.0.0.1>
Call-ID: ${o.callId}
CSeq: ${o.cseq ?? 1} INVITE
Contact: <sip:${o.from}@127.0.0.1:${peer.localPort}>
${o.auth ? `Proxy-Authorization: ${o.auth}\n` : ''}Content-Type: application/sdp
Content-Length: ${Buffer.byteLength(body)}

${body}`);
}
