// Tests only: an agent's desk placing follow-up calls (回访) as SIP sees it — registered over
// WebSocket, INVITE with the digest answer to the 407, plain RTP media — and the offer it sends.
import type { TestServer } from '../auth/server-test-kit.js';
import { digestAuthorization, parseDigestCredentials } from '../sip/digest.js';
import type { IncomingMessage, IncomingResponse } from '../sip/message.js';
import { TestPeer } from '../sip/sip-peer-test-kit.js';

export const CALLEE = '13900000000';

/** An agent's desk as SIP sees it: registered over WebSocket, placing calls with plain RTP media. */
export class AgentPhone {
  private cseq = 0;
  private branch = 0;
  readonly callId = `follow-up-${Math.random().toString(36).slice(2)}`;
  private toTag = '';
  private remoteTarget = '';

  constructor(
    readonly peer: TestPeer,
    readonly workNumber: string,
    private readonly password: string,
  ) {}

  static async open(server: TestServer, workNumber = '1001'): Promise<AgentPhone> {
    return new AgentPhone(await TestPeer.ws(`${server.url.replace('http', 'ws')}/sip`), workNumber, `demo${workNumber}`);
  }

  /** INVITE with the digest answer to a 407, as SIP.js does; returns the final response. */
  async invite(number: string, sdp: string, headers: string[] = [], password = this.password): Promise<IncomingResponse> {
    const refused = await this.startInvite(number, sdp, headers, password);
    return refused ?? this.finalResponse(number);
  }

  /** Sends the INVITE and its authenticated retry; a final answer to the first one is returned. */
  async startInvite(number: string, sdp: string, headers: string[] = [], password = this.password): Promise<IncomingResponse | undefined> {
    this.send('INVITE', number, sdp, headers);
    const challenge = await this.final();
    if (challenge.status !== 407) return challenge;
    this.ack(number, challenge, false);
    const c = parseDigestCredentials(challenge.headers.get('Proxy-Authenticate')!)!;
    const auth = digestAuthorization({ username: this.workNumber, password, challenge: c, method: 'INVITE', uri: `sip:${number}@127.0.0.1` });
    this.send('INVITE', number, sdp, [...headers, `Proxy-Authorization: ${auth}`]);
    return undefined;
  }

  async finalResponse(number: string): Promise<IncomingResponse> {
    const final = await this.final(20_000);
    this.ack(number, final, final.status < 300);
    return final;
  }

  /** CANCEL of the pending INVITE: same branch and CSeq number (RFC 3261 §9.1). */
  cancel(number: string): void {
    this.peer.send(`CANCEL sip:${number}@127.0.0.1 SIP/2.0
Via: SIP/2.0/WS abc.invalid;branch=z9hG4bK-${this.callId}-${this.branch}
Max-Forwards: 70
From: "Agent" <sip:${this.workNumber}@127.0.0.1>;tag=agent
To: <sip:${number}@127.0.0.1>
Call-ID: ${this.callId}
CSeq: ${this.cseq} CANCEL
Content-Length: 0

`);
  }

  bye(): Promise<IncomingResponse> {
    this.cseq++;
    this.peer.send(`BYE ${this.remoteTarget} SIP/2.0
Via: SIP/2.0/WS abc.invalid;branch=z9hG4bK-${this.callId}-${++this.branch}
Max-Forwards: 70
From: <sip:${this.workNumber}@127.0.0.1>;tag=agent
To: <sip:${CALLEE}@127.0.0.1>;tag=${this.toTag}
Call-ID: ${this.callId}
CSeq: ${this.cseq} BYE
Content-Length: 0

`);
    return this.peer.response(200, 'BYE') as Promise<IncomingResponse>;
  }

  /** 200 OK to a request of the server's (its BYE). */
  ok(request: IncomingMessage): void {
    const h = (name: string) => `${name}: ${request.headers.getAll(name).join(', ')}\n`;
    this.peer.send(`SIP/2.0 200 OK\n${h('Via')}${h('From')}${h('To')}${h('Call-ID')}${h('CSeq')}Content-Length: 0\n\n`);
  }

  private final(timeoutMs = 5000): Promise<IncomingResponse> {
    return this.peer.next((m) => m.kind === 'response' && m.cseq.method === 'INVITE' && m.status >= 200, timeoutMs) as Promise<IncomingResponse>;
  }

  private send(method: string, number: string, body: string, headers: string[]): void {
    this.cseq++;
    const text = `${method} sip:${number}@127.0.0.1 SIP/2.0
Via: SIP/2.0/WS abc.invalid;branch=z9hG4bK-${this.callId}-${++this.branch}
Max-Forwards: 70
From: "Agent" <sip:${this.workNumber}@127.0.0.1>;tag=agent
To: <sip:${number}@127.0.0.1>
Call-ID: ${this.callId}
CSeq: ${this.cseq} ${method}
Contact: <sip:x${this.workNumber}@abc.invalid;transport=ws>
${headers.map((h) => `${h}\n`).join('')}Content-Type: application/sdp
Content-Length: ${Buffer.byteLength(body.replace(/\r?\n/g, '\r\n'))}

${body}`;
    this.peer.send(text);
  }

  private ack(number: string, response: IncomingResponse, success: boolean): void {
    const to = response.headers.get('To')!;
    this.toTag = /;tag=([^;>\s]+)/.exec(to)?.[1] ?? '';
    const contact = /<([^>]+)>/.exec(response.headers.get('Contact') ?? '')?.[1];
    if (success && contact) this.remoteTarget = contact;
    // A non-2xx ACK belongs to the INVITE's transaction (same branch); a 2xx ACK is new (RFC 3261 §17.1.1.3).
    const branch = success ? `${this.callId}-${++this.branch}` : `${this.callId}-${this.branch}`;
    const seq = response.cseq.seq;
    this.peer.send(`ACK ${success && contact ? contact : `sip:${number}@127.0.0.1`} SIP/2.0
Via: SIP/2.0/WS abc.invalid;branch=z9hG4bK-${branch}
Max-Forwards: 70
From: "Agent" <sip:${this.workNumber}@127.0.0.1>;tag=agent
To: ${to}
Call-ID: ${this.callId}
CSeq: ${seq} ACK
Content-Length: 0

`);
  }
}

export function rtpOffer(port: number): string {
  return `v=0\no=agent 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\nm=audio ${port} RTP/AVP 0 101\na=rtpmap:0 PCMU/8000\na=rtpmap:101 telephone-event/8000\na=fmtp:101 0-15\n`;
}
