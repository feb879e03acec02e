// Tests only: an agent's desk phone on loopback — SIP over UDP (REGISTER with digest, answering
// the server's INVITEs as a UAS, BYE either way) and plain RTP that can send tones and keeps what
// it hears. Real packets both ways; only the human is scripted.
import { digestAuthorization, parseDigestCredentials } from '../sip/digest.js';
import type { IncomingMessage, IncomingRequest } from '../sip/message.js';
import { TestPeer } from '../sip/sip-peer-test-kit.js';
import { RtpFarEnd } from '../media/media-test-kit.js';

export interface DeskPhoneCall {
  readonly invite: IncomingRequest;
  /** The X-12329-Call-Id the server put on the INVITE. */
  readonly callId: string;
  /** Resolves when the server hangs this call up (its BYE, answered 200). */
  readonly ended: Promise<void>;
  /** The phone hangs up. */
  bye(): Promise<void>;
}

let tagSeq = 0;

export class DeskPhone {
  private readonly byes = new Map<string, () => void>();
  /** INVITEs rung and not yet answered or declined, by Call-ID: a CANCEL gets them a 487. */
  private readonly pending = new Map<string, IncomingRequest>();
  /** Call-IDs the server cancelled while they rang. */
  readonly cancelled: string[] = [];
  private cseq = 1;
  private closed = false;

  private constructor(
    readonly workNumber: string,
    readonly peer: TestPeer,
    readonly rtp: RtpFarEnd,
    private readonly serverPort: number,
  ) {
    peer.onMessage = (m) => {
      if (m.kind !== 'request') return;
      // The server's liveness probe (sip/desk-probe.ts): a phone that is there answers it.
      if (m.method === 'OPTIONS') return this.reply(m, 200, 'OK', undefined, `phone${++tagSeq}`);
      if (m.method === 'BYE' || m.method === 'CANCEL') {
        this.reply(m, 200, 'OK');
        this.byes.get(m.callId)?.();
      }
      const invite = m.method === 'CANCEL' ? this.pending.get(m.callId) : undefined;
      if (invite) {
        this.pending.delete(m.callId);
        this.cancelled.push(m.callId);
        this.reply(invite, 487, 'Request Terminated', undefined, `phone${++tagSeq}`);
      }
    };
  }

  /** Registers `workNumber` (demo password demo<workNumber>) over UDP. */
  static async register(server: { sipUdpPort: number }, workNumber: string): Promise<DeskPhone> {
    const peer = await TestPeer.udp(server.sipUdpPort);
    const phone = new DeskPhone(workNumber, peer, await RtpFarEnd.open(), server.sipUdpPort);
    await phone.sendRegister();
    return phone;
  }

  private async sendRegister(): Promise<void> {
    const callId = `reg-${this.workNumber}-${this.peer.localPort}`;
    const uri = `sip:127.0.0.1:${this.serverPort}`;
    const register = (cseq: number, auth?: string) =>
      this.peer.send(`REGISTER ${uri} SIP/2.0
Via: SIP/2.0/UDP 127.0.0.1:${this.peer.localPort};branch=z9hG4bK-${callId}-${cseq};rport
Max-Forwards: 70
From: <sip:${this.workNumber}@127.0.0.1>;tag=reg${this.workNumber}
To: <sip:${this.workNumber}@127.0.0.1>
Call-ID: ${callId}
CSeq: ${cseq} REGISTER
Contact: <sip:${this.workNumber}@127.0.0.1:${this.peer.localPort}>
Expires: 600
${auth ? `Authorization: ${auth}\n` : ''}Content-Length: 0

`);
    register(1);
    const challenge = await this.peer.response(401, 'REGISTER');
    const c = parseDigestCredentials(challenge.headers.get('WWW-Authenticate')!)!;
    register(2, digestAuthorization({ username: this.workNumber, password: `demo${this.workNumber}`, challenge: c, method: 'REGISTER', uri }));
    await this.peer.response(200, 'REGISTER');
  }

  /** The next INVITE the server sends this phone. */
  async ringing(timeoutMs = 20_000): Promise<IncomingRequest> {
    const invite = (await this.peer.request('INVITE', timeoutMs)) as IncomingRequest;
    this.pending.set(invite.callId, invite);
    this.reply(invite, 180, 'Ringing');
    return invite;
  }

  /** Picks up after `afterMs` of ringing; the phone's RTP starts towards the server's leg. */
  async answer(invite: IncomingRequest, afterMs = 0): Promise<DeskPhoneCall> {
    if (afterMs) await new Promise((r) => setTimeout(r, afterMs));
    this.pending.delete(invite.callId);
    const body = invite.body.toString();
    this.rtp.sendTo(body);
    const tag = `phone${++tagSeq}`;
    const sdp = `v=0\no=phone 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\nm=audio ${this.rtp.port} RTP/AVP 0 101\na=rtpmap:0 PCMU/8000\na=rtpmap:101 telephone-event/8000\na=fmtp:101 0-15\na=sendrecv\n`;
    this.reply(invite, 200, 'OK', sdp, tag);
    await this.peer.request('ACK', 5000);
    let ended!: () => void;
    const endedPromise = new Promise<void>((resolve) => (ended = resolve));
    this.byes.set(invite.callId, ended);
    const contact = /<([^>]+)>/.exec(invite.headers.get('Contact') ?? '')?.[1] ?? `sip:127.0.0.1:${this.serverPort}`;
    return {
      invite,
      callId: invite.headers.get('X-12329-Call-Id') ?? '',
      ended: endedPromise,
      bye: async () => {
        this.peer.send(`BYE ${contact} SIP/2.0
Via: SIP/2.0/UDP 127.0.0.1:${this.peer.localPort};branch=z9hG4bK-bye-${++this.cseq}-${this.peer.localPort}-${tag}
Max-Forwards: 70
From: ${invite.headers.get('To')};tag=${tag}
To: ${invite.headers.get('From')}
Call-ID: ${invite.callId}
CSeq: ${this.cseq} BYE
Content-Length: 0

`);
        await this.peer.response(200, 'BYE');
        ended();
      },
    };
  }

  /** Declines the ring (486 Busy Here). */
  decline(invite: IncomingRequest): void {
    this.pending.delete(invite.callId);
    this.reply(invite, 486, 'Busy Here', undefined, `phone${++tagSeq}`);
  }

  /** Unplugged: the phone's SIP and RTP sockets close mid-whatever, no BYE, nothing answers any more. */
  unplug(): void {
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.peer.close();
    this.rtp.close();
  }

  private reply(request: IncomingMessage & { kind: 'request' }, status: number, reason: string, sdp?: string, tag?: string): void {
    const h = (name: string) =>
      request.headers
        .getAll(name)
        .map((v) => `${name}: ${v}\n`)
        .join('');
    const to = request.headers.get('To')!;
    const body = sdp ?? '';
    this.peer.send(`SIP/2.0 ${status} ${reason}
${h('Via')}${h('From')}To: ${tag && !/;tag=/.test(to) ? `${to};tag=${tag}` : to}
${h('Call-ID')}${h('CSeq')}Contact: <sip:${this.workNumber}@127.0.0.1:${this.peer.localPort}>
${sdp ? 'Content-Type: application/sdp\n' : ''}Content-Length: ${Buffer.byteLength(body.replace(/\r?\n/g, '\r\n'))}

${body}`);
  }
}
