// A WebRTC leg (browsers through SIP.js): werift's RTCPeerConnection with G.711 and
// telephone-event only, ICE host candidates (loopback included, no STUN), DTLS-SRTP.
// SIP carries one SDP per direction, so localSdp is returned only once ICE gathering is complete.
//
// Packets are written with our own header (the sender's SSRC): werift's RTCRtpSender rewrites
// every payload type to the audio codec's, which would turn RFC 4733 events into noise. Once DTLS
// is connected RTP takes the fast path (webrtc-fast-path.ts: our SRTP, around werift's media
// stack); until then, and for an SRTP profile it does not know, werift's transport carries it.
import { RTCDtlsTransport, RTCPeerConnection, RTCRtpCodecParameters, RtpHeader, type RTCRtpTransceiver, type MediaStreamTrack } from 'werift';
import { MediaError } from './media-engine.js';
import { BaseLeg, type LegContext, type OutgoingPacket } from './base-leg.js';
import { readAudioSdp } from './sdp-offer.js';
import { keepNarrowbandTelephoneEvents } from './narrow-dtmf-offer.js';
import { WebRtcFastPath } from './webrtc-fast-path.js';
import { parseRtp } from './rtp-packet.js';

export interface WebRtcSettings {
  iceAdditionalHostAddresses: string[];
  /** RTP around werift's media stack once DTLS is up (webrtc-fast-path.ts). */
  fastPath: boolean;
}

const GATHER_TIMEOUT_MS = 5_000;
const DTMF_PAYLOAD_TYPE = 101;

export async function warmUpWebRtc(): Promise<void> {
  await RTCDtlsTransport.SetupCertificate();
}

function createPeer(settings: WebRtcSettings): RTCPeerConnection {
  return new RTCPeerConnection({
    iceServers: [],
    iceAdditionalHostAddresses: settings.iceAdditionalHostAddresses,
    iceUseIpv6: false,
    iceUseTcp: false,
    codecs: {
      audio: [
        new RTCRtpCodecParameters({ mimeType: 'audio/PCMU', clockRate: 8000, channels: 1, payloadType: 0 }),
        new RTCRtpCodecParameters({ mimeType: 'audio/PCMA', clockRate: 8000, channels: 1, payloadType: 8 }),
        new RTCRtpCodecParameters({ mimeType: 'audio/telephone-event', clockRate: 8000, channels: 1, payloadType: DTMF_PAYLOAD_TYPE, parameters: '0-16' }),
      ],
      video: [],
    },
    headerExtensions: { audio: [], video: [] },
  });
}

export class WebRtcLeg extends BaseLeg {
  readonly kind = 'webrtc' as const;
  private transceiver: RTCRtpTransceiver | undefined;
  private awaitingAnswer = false;
  private fastPath: WebRtcFastPath | undefined;

  private constructor(
    ctx: LegContext,
    callId: string,
    id: string,
    private readonly pc: RTCPeerConnection,
    private readonly fastPathAllowed: boolean,
  ) {
    super(ctx, callId, id);
    pc.onTrack.subscribe((track) => this.listen(track));
    pc.connectionStateChange.subscribe((state) => {
      // ICE or DTLS failed, or the far end closed: the leg is over (the glue sees leg.closed).
      if (state === 'failed' || state === 'closed') void this.close();
      if (state === 'connected') this.takeFastPath();
    });
  }

  static async answer(ctx: LegContext, settings: WebRtcSettings, callId: string, id: string, remoteSdp: string): Promise<WebRtcLeg> {
    const leg = new WebRtcLeg(ctx, callId, id, createPeer(settings), settings.fastPath);
    try {
      await leg.pc.setRemoteDescription({ type: 'offer', sdp: keepNarrowbandTelephoneEvents(remoteSdp) });
      leg.transceiver = leg.pc.getTransceivers().find((t) => t.kind === 'audio');
      if (!leg.transceiver) throw new MediaError('bad-sdp', 'WebRTC offer has no audio');
      leg.transceiver.setDirection('sendrecv');
      await leg.pc.setLocalDescription(await leg.pc.createAnswer());
      await leg.completeLocalSdp();
      return leg;
    } catch (error) {
      await leg.close();
      if (error instanceof MediaError) throw error;
      throw new MediaError('bad-sdp', `WebRTC offer rejected: ${(error as Error).message}`);
    }
  }

  static async offer(ctx: LegContext, settings: WebRtcSettings, callId: string, id: string): Promise<WebRtcLeg> {
    const leg = new WebRtcLeg(ctx, callId, id, createPeer(settings), settings.fastPath);
    try {
      leg.transceiver = leg.pc.addTransceiver('audio', { direction: 'sendrecv' });
      await leg.pc.setLocalDescription(await leg.pc.createOffer());
      await leg.completeLocalSdp();
      leg.awaitingAnswer = true;
      return leg;
    } catch (error) {
      await leg.close();
      throw error;
    }
  }

  async setRemoteAnswer(sdp: string): Promise<void> {
    if (!this.awaitingAnswer) throw new MediaError('state', `leg ${this.id} is not waiting for an answer`);
    readAudioSdp(sdp); // clear errors for SDP werift would fail on obscurely
    try {
      await this.pc.setRemoteDescription({ type: 'answer', sdp });
    } catch (error) {
      throw new MediaError('bad-sdp', `WebRTC answer rejected: ${(error as Error).message}`);
    }
    this.awaitingAnswer = false;
    this.adoptNegotiated(sdp);
  }

  async updateRemote(sdp: string): Promise<string> {
    const offer = readAudioSdp(sdp);
    if (offer.kind !== 'webrtc') throw new MediaError('bad-sdp', 'a re-INVITE cannot change a WebRTC leg to plain RTP');
    try {
      await this.pc.setRemoteDescription({ type: 'offer', sdp: keepNarrowbandTelephoneEvents(sdp) });
      await this.pc.setLocalDescription(await this.pc.createAnswer());
      await this.completeLocalSdp();
    } catch (error) {
      throw new MediaError('bad-sdp', `WebRTC re-offer rejected: ${(error as Error).message}`);
    }
    this.remoteReceives = offer.direction === 'sendrecv' || offer.direction === 'recvonly';
    return this.localSdp;
  }

  /** Non-trickle: wait for every host candidate, then take the SDP with candidates in it. */
  private async completeLocalSdp(): Promise<void> {
    if (this.pc.iceGatheringState !== 'complete') {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new MediaError('state', 'ICE gathering did not complete')), GATHER_TIMEOUT_MS);
        const { unSubscribe } = this.pc.iceGatheringStateChange.subscribe((state) => {
          if (state !== 'complete') return;
          clearTimeout(timer);
          unSubscribe();
          resolve();
        });
        if (this.pc.iceGatheringState === 'complete') {
          clearTimeout(timer);
          unSubscribe();
          resolve();
        }
      });
    }
    this.localSdp = this.pc.localDescription!.sdp;
    if (!this.awaitingAnswer) this.adoptNegotiated(this.localSdp);
  }

  /** Codec and telephone-event payload types as finally agreed, read from the SDP. */
  private adoptNegotiated(sdp: string): void {
    const agreed = readAudioSdp(sdp);
    const chosen = agreed.codecs[0]!;
    this.codec = chosen.codec;
    this.audioPayloadType = chosen.payloadType;
    this.dtmfPayloadType = agreed.dtmfPayloadType;
  }

  private listen(track: MediaStreamTrack): void {
    track.onReceiveRtp.subscribe((rtp) => this.receive(rtp.header.payloadType, rtp.header.ssrc, rtp.header.timestamp, rtp.payload));
  }

  /** RTP around werift's media stack on the transport now connected (again after an ICE restart). */
  private takeFastPath(): WebRtcFastPath | undefined {
    const dtls = this.transceiver?.sender.dtlsTransport;
    if (!this.fastPathAllowed) return undefined;
    if (dtls && this.fastPath?.dtls !== dtls) this.fastPath = WebRtcFastPath.install(dtls, (plain) => this.receivePlain(plain));
    return this.fastPath?.dtls === dtls ? this.fastPath : undefined;
  }

  private receivePlain(data: Buffer): void {
    const rtp = parseRtp(data);
    if (rtp) this.receive(rtp.payloadType, rtp.ssrc, rtp.timestamp, rtp.payload);
  }

  protected transmit(packet: OutgoingPacket): void {
    const sender = this.transceiver?.sender;
    const dtls = sender?.dtlsTransport;
    if (!sender || !dtls || dtls.state !== 'connected' || this.awaitingAnswer) return;
    const header = {
      payloadType: packet.payloadType,
      marker: packet.marker,
      sequenceNumber: packet.sequenceNumber,
      timestamp: packet.timestamp,
      ssrc: sender.ssrc,
    };
    const fast = this.fastPath?.dtls === dtls ? this.fastPath : this.takeFastPath();
    if (fast) fast.send(header, packet.payload);
    else void dtls.sendRtp(packet.payload, new RtpHeader(header));
  }

  protected async shutdown(): Promise<void> {
    await this.pc.close();
  }
}
