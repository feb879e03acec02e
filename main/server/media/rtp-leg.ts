// A plain RTP/AVP leg over one UDP socket (trunks, desk phones, SIPp).
import { createSocket, type Socket, type RemoteInfo } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { randomInt } from 'node:crypto';
import { MediaError } from './media-engine.js';
import { BaseLeg, type LegContext, type OutgoingPacket } from './base-leg.js';
import { looksLikeRtcp, parseRtp, serializeRtp } from './rtp-packet.js';
import { answerDirection, readAudioSdp, writeRtpSdp, type AudioOffer, type Direction } from './sdp-offer.js';
import { STATIC_PAYLOAD_TYPE } from './g711.js';

const OFFER_DTMF_PAYLOAD_TYPE = 101;

export class RtpLeg extends BaseLeg {
  readonly kind = 'rtp' as const;
  private remote: { address: string; port: number } | undefined;
  /** Symmetric RTP: once packets came from somewhere, we answer there (NAT, SIPp). */
  private latched = false;
  /**
   * The socket is connected to the latched address: sends skip the per-packet address look-up
   * (13 % of the server's CPU with 500 IVR calls, benchmarks/ivr-concurrency.bench.ts), and the
   * kernel drops packets from anyone else. Legal moves: unconnected → connecting (latched) →
   * connected; connecting | connected → unconnected (the SDP moved the far end: latch again),
   * through rebinding when the kernel let go of an OS-chosen port on disconnect.
   */
  private link: 'unconnected' | 'connecting' | 'connected' | 'rebinding' = 'unconnected';
  /** Set when the far end moved while connect() was in flight: undo it once it lands. */
  private relatch = false;
  private readonly sessionId = randomInt(1, 2 ** 31);
  private version = 1;
  private role: 'answer' | 'offer' | 'done';

  private constructor(
    ctx: LegContext,
    callId: string,
    id: string,
    private socket: Socket,
    private readonly advertised: string,
    role: 'answer' | 'offer',
  ) {
    super(ctx, callId, id);
    this.role = role;
    this.bound = socket.address();
    this.listen(socket);
  }

  /** Where the socket was bound (read once: a disconnected socket may have lost its port). */
  private readonly bound: AddressInfo;

  private listen(socket: Socket): void {
    socket.on('message', (data, from) => this.onMessage(data, from));
    socket.on('error', (error) => this.ctx.logger?.warn({ leg: this.id, err: error }, 'RTP socket error'));
  }

  static answer(ctx: LegContext, callId: string, id: string, socket: Socket, advertised: string, offer: AudioOffer): RtpLeg {
    const leg = new RtpLeg(ctx, callId, id, socket, advertised, 'answer');
    const chosen = offer.codecs[0]!; // the offerer's preference
    leg.codec = chosen.codec;
    leg.audioPayloadType = chosen.payloadType;
    leg.dtmfPayloadType = offer.dtmfPayloadType;
    leg.applyRemote(offer);
    leg.role = 'done';
    leg.localSdp = leg.writeSdp([chosen], answerDirection(offer.direction));
    return leg;
  }

  static offer(ctx: LegContext, callId: string, id: string, socket: Socket, advertised: string): RtpLeg {
    const leg = new RtpLeg(ctx, callId, id, socket, advertised, 'offer');
    leg.dtmfPayloadType = OFFER_DTMF_PAYLOAD_TYPE;
    leg.localSdp = leg.writeSdp(
      [
        { codec: 'PCMU', payloadType: STATIC_PAYLOAD_TYPE.PCMU },
        { codec: 'PCMA', payloadType: STATIC_PAYLOAD_TYPE.PCMA },
      ],
      'sendrecv',
    );
    return leg;
  }

  get localPort(): number {
    return this.bound.port;
  }

  async setRemoteAnswer(sdp: string): Promise<void> {
    if (this.role !== 'offer') throw new MediaError('state', `leg ${this.id} is not waiting for an answer`);
    const answer = readAudioSdp(sdp);
    if (answer.kind !== 'rtp') throw new MediaError('bad-sdp', 'answer to a plain RTP offer is not RTP/AVP');
    const chosen = answer.codecs[0]!; // answerers put the codec they use first
    this.codec = chosen.codec;
    this.audioPayloadType = chosen.payloadType;
    this.dtmfPayloadType = answer.dtmfPayloadType;
    this.applyRemote(answer);
    this.role = 'done';
  }

  async updateRemote(sdp: string): Promise<string> {
    const offer = readAudioSdp(sdp);
    if (offer.kind !== 'rtp') throw new MediaError('bad-sdp', 'a re-INVITE cannot change a plain RTP leg to WebRTC');
    const same = offer.codecs.find((c) => c.codec === this.codec);
    if (!same) throw new MediaError('no-common-codec', `re-INVITE drops ${this.codec}`);
    this.audioPayloadType = same.payloadType;
    if (offer.dtmfPayloadType !== undefined) this.dtmfPayloadType = offer.dtmfPayloadType;
    this.applyRemote(offer);
    this.version++;
    return this.writeSdp([same], answerDirection(offer.direction));
  }

  private applyRemote(offer: AudioOffer): void {
    const hold = offer.address === '0.0.0.0' || offer.direction === 'sendonly' || offer.direction === 'inactive';
    this.remoteReceives = !hold;
    if (offer.address !== '0.0.0.0') {
      const moved = !this.remote || this.remote.address !== offer.address || this.remote.port !== offer.port;
      this.remote = { address: offer.address, port: offer.port };
      if (moved) this.unlatch(); // a new address in SDP: latch again on its first packet
    }
  }

  private writeSdp(codecs: { codec: 'PCMU' | 'PCMA'; payloadType: number }[], direction: Direction): string {
    return writeRtpSdp({
      address: this.advertised,
      port: this.localPort,
      sessionId: this.sessionId,
      version: this.version,
      codecs,
      dtmfPayloadType: this.dtmfPayloadType,
      direction,
    });
  }

  private onMessage(data: Buffer, from: RemoteInfo): void {
    if (looksLikeRtcp(data)) return; // RTCP (rtcp-mux from some peers) is not used
    const packet = parseRtp(data);
    if (!packet) return;
    if (!this.latched) {
      this.remote = { address: from.address, port: from.port };
      this.latched = true;
      this.connectTo(from);
    }
    this.receive(packet.payloadType, packet.ssrc, packet.timestamp, packet.payload);
  }

  private connectTo(from: RemoteInfo): void {
    if (this.link !== 'unconnected') return;
    this.link = 'connecting';
    this.relatch = false;
    try {
      // An address that fails to connect emits 'error' (logged) and the leg keeps sending unconnected.
      this.socket.connect(from.port, from.address, () => {
        if (this.relatch) this.disconnect();
        else this.link = 'connected';
      });
    } catch {
      this.link = 'unconnected'; // closed meanwhile
    }
  }

  private unlatch(): void {
    this.latched = false;
    if (this.link === 'connected') this.disconnect();
    else if (this.link === 'connecting') this.relatch = true;
  }

  private disconnect(): void {
    this.link = 'unconnected';
    try {
      this.socket.disconnect();
    } catch {
      return; // closed already
    }
    // Linux lets go of an OS-chosen port on disconnect: take the same port on a fresh socket.
    if (this.socket.address().port !== this.bound.port) this.rebind();
  }

  private rebind(): void {
    const old = this.socket;
    old.removeAllListeners('message');
    old.close();
    const socket = createSocket({ type: this.bound.family === 'IPv6' ? 'udp6' : 'udp4' });
    this.socket = socket;
    this.link = 'rebinding';
    socket.once('error', (error) => this.ctx.logger?.warn({ leg: this.id, err: error }, 'RTP port lost on a re-INVITE'));
    socket.bind(this.bound.port, this.bound.address, () => {
      if (this.socket === socket && this.link === 'rebinding') this.link = 'unconnected';
    });
    this.listen(socket);
  }

  protected transmit(packet: OutgoingPacket): void {
    if (!this.remote || this.role === 'offer' || this.link === 'rebinding') return;
    if (this.link === 'connected') this.socket.send(serializeRtp(packet));
    else this.socket.send(serializeRtp(packet), this.remote.port, this.remote.address);
  }

  protected shutdown(): Promise<void> {
    return new Promise((resolve) => {
      try {
        this.socket.close(() => resolve());
      } catch {
        resolve();
      }
    });
  }
}
