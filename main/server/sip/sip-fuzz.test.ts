import { createSeededRandom } from '../../../shared/random/seeded-random.js';
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { ManualClock } from '../clock.js';
import type { SipFlow } from './flow.js';
import { parseSipMessage } from './parser.js';
import { Registrar } from './registrar.js';
import { UserAgentCore } from './user-agent-core.js';

const SEEDS = [
  'INVITE sip:12329@127.0.0.1:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-f1;rport\r\nMax-Forwards: 70\r\nFrom: "张敏" <sip:13800138000@127.0.0.1>;tag=a1\r\nTo: <sip:12329@127.0.0.1>\r\nCall-ID: fuzz-1@127.0.0.1\r\nCSeq: 1 INVITE\r\nContact: <sip:13800138000@127.0.0.1:5061>\r\nContent-Type: application/sdp\r\nContent-Length: 30\r\n\r\nv=0\r\nm=audio 4000 RTP/AVP 0\r\n\r\n',
  'REGISTER sip:127.0.0.1 SIP/2.0\r\nv: SIP/2.0/WS x.invalid;branch=z9hG4bK-r\r\nt: <sip:1001@127.0.0.1>\r\nf: <sip:1001@127.0.0.1>;tag=r\r\ni: reg\r\nCSeq: 2 REGISTER\r\nm: <sip:a@x.invalid;transport=ws>;expires=600\r\nAuthorization: Digest username="1001", realm="12329", nonce="abc.def", uri="sip:127.0.0.1", response="00", qop=auth, nc=00000001, cnonce="c"\r\nl: 0\r\n\r\n',
  'SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-x\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\nCall-ID: r\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n',
  'BYE sip:12329@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-b\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\nCall-ID: fuzz-1@127.0.0.1\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n',
];


function mutate(seed: Buffer, random: () => number): Buffer {
  const bytes = Buffer.from(seed);
  const pick = (n: number) => Math.floor(random() * n);
  switch (pick(6)) {
    case 0: return bytes.subarray(0, pick(bytes.length)); // truncated
    case 1: for (let i = 0; i < 1 + pick(8); i++) bytes[pick(bytes.length)] = pick(256); return bytes; // flipped bytes
    case 2: { const at = pick(bytes.length); return Buffer.concat([bytes.subarray(0, at), Buffer.from(':;<>"\\,\r\n =@'.charAt(pick(14)).repeat(1 + pick(40))), bytes.subarray(at)]); }
    case 3: { const lines = bytes.toString('latin1').split('\r\n'); lines.splice(pick(lines.length), 1); return Buffer.from(lines.join('\r\n'), 'latin1'); } // a line dropped
    case 4: { const lines = bytes.toString('latin1').split('\r\n'); const i = pick(lines.length); lines.splice(i, 0, lines[pick(lines.length)]!); return Buffer.from(lines.join('\r\n'), 'latin1'); } // a line repeated
    default: return Buffer.from(Array.from({ length: pick(300) }, () => pick(256))); // noise
  }
}

describe('fuzzing the parser and the user agent core', () => {
  it('5000 mutated, truncated and random messages never throw and leave a clear verdict', { timeout: 60_000 }, () => {
    const random = createSeededRandom(12329);
    const sent: string[] = [];
    const flow: SipFlow = { id: 'fuzz', transport: 'udp', reliable: false, remote: { address: '127.0.0.1', port: 5061 }, local: { host: '127.0.0.1', port: 5060, viaTransport: 'UDP' }, isOpen: () => true, send: (t) => sent.push(t) };
    const logger = pino({ level: 'silent' });
    const registrar = new Registrar({ credentials: () => undefined, clock: new ManualClock(0), logger });
    const core = new UserAgentCore({ logger, registrar, timers: { T1: 500, T2: 4000, T4: 5000 }, limits: { maxMessageBytes: 16384, maxHeaders: 128 }, serviceNumbers: ['12329'] });
    core.delegate = { onIncomingCall: (call) => (random() < 0.5 ? call.answer('v=0\r\n') : call.reject(486)) };
    let rejected = 0;
    for (let i = 0; i < 5000; i++) {
      const input = mutate(Buffer.from(SEEDS[i % SEEDS.length]!), random);
      const result = parseSipMessage(input);
      if (!result.ok) {
        rejected++;
        expect(result.reason).toMatch(/\w/);
        expect([400, 513]).toContain(result.status);
      }
      const before = sent.length;
      expect(() => core.receive(input, flow)).not.toThrow();
      // A reply to a well-formed request is itself well formed; any reply has a status line.
      for (const text of sent.slice(before)) {
        expect(text).toMatch(/^(SIP\/2\.0 [1-6]\d\d |[A-Z]+ sip:)/);
        if (result.ok) expect(parseSipMessage(text).ok).toBe(true);
      }
    }
    expect(rejected).toBeGreaterThan(1000);
    core.close();
    registrar.close();
  });
});
