// Tests only: a citizen's phone on loopback that rings 12329 over UDP (INVITE, ACK, BYE either
// way) with plain RTP that can key digits (RFC 4733), speak tones and keep what it hears: SIPp's
// caller, with ears (SIPp cannot tell what it received).
import { TestPeer } from '../sip/sip-peer-test-kit.js';
import type { IncomingMessage } from '../sip/message.js';
import { RtpFarEnd } from '../media/media-test-kit.js';

let seq = 0;

export class CallerPhone {
  /** Resolves when the call is over: the server's BYE (answered 200), or ours answered. */
  readonly ended: Promise<void>;
  private markEnded!: () => void;
  private cseq = 1;
  private toHeader = '';

  private constructor(
    readonly peer: TestPeer,
    readonly rtp: RtpFarEnd,
    private readonly serverPort: number,
    readonly number: string,
    readonly sipCallId: string,
    private readonly fromTag: string,
  ) {
    this.ended = new Promise((resolve) => (this.markEnded = resolve));
    peer.onMessage = (m) => {
      if (m.kind === 'request' && m.method === 'BYE') {
        this.reply(m, 200, 'OK');
        this.markEnded();
      }
    };
  }

  /** Dials 12329 and returns once the server answered (200) and was ACKed. */
  static async dial(server: { sipUdpPort: number }, number = '13900139000'): Promise<CallerPhone> {
    const n = ++seq;
    const peer = await TestPeer.udp(server.sipUdpPort);
    const rtp = await RtpFarEnd.open();
    const phone = new CallerPhone(peer, rtp, server.sipUdpPort, number, `caller-${n}-${peer.localPort}@127.0.0.1`, `c${n}`);
    const sdp = `v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio ${rtp.port} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=sendrecv\r\n`;
    peer.send(`INVITE sip:12329@127.0.0.1:${server.sipUdpPort} SIP/2.0
Via: SIP/2.0/UDP 127.0.0.1:${peer.localPort};branch=z9hG4bK-${phone.fromTag}-${peer.localPort}-1;rport
Max-Forwards: 70
From: <sip:${number}@127.0.0.1>;tag=${phone.fromTag}
To: <sip:12329@127.0.0.1>
Call-ID: ${phone.sipCallId}
CSeq: 1 INVITE
Contact: <sip:${number}@127.0.0.1:${peer.localPort}>
Content-Type: application/sdp
Content-Length: ${Buffer.byteLength(sdp)}

${sdp}`);
    const ok = await peer.finalOf(phone.sipCallId, 'INVITE', 200, 10_000);
    if (ok.status !== 200) throw new Error(`12329 answered ${ok.status}`);
    phone.toHeader = ok.headers.get('To')!;
    phone.send('ACK', 1);
    rtp.sendTo(ok.body.toString());
    return phone;
  }

  /** A key press, as phones send it (RFC 4733). */
  press(digit: string): Promise<void> {
    return this.rtp.sendDigit(digit);
  }

  /** The caller hangs up. */
  async hangUp(): Promise<void> {
    this.send('BYE', ++this.cseq);
    await this.peer.finalOf(this.sipCallId, 'BYE', 200, 5000);
    this.markEnded();
  }

  close(): void {
    this.peer.close();
    this.rtp.close();
  }

  private send(method: 'ACK' | 'BYE', cseq: number): void {
    this.peer.send(`${method} sip:12329@127.0.0.1:${this.serverPort} SIP/2.0
Via: SIP/2.0/UDP 127.0.0.1:${this.peer.localPort};branch=z9hG4bK-${this.fromTag}-${this.peer.localPort}-${method}-${cseq};rport
Max-Forwards: 70
From: <sip:${this.number}@127.0.0.1>;tag=${this.fromTag}
To: ${this.toHeader}
Call-ID: ${this.sipCallId}
CSeq: ${cseq} ${method}
Content-Length: 0

`);
  }

  private reply(request: IncomingMessage & { kind: 'request' }, status: number, reason: string): void {
    const h = (name: string) =>
      request.headers
        .getAll(name)
        .map((v) => `${name}: ${v}\n`)
        .join('');
    this.peer.send(`SIP/2.0 ${status} ${reason}
${h('Via')}${h('From')}${h('To')}${h('Call-ID')}${h('CSeq')}Content-Length: 0

`);
  }
}
