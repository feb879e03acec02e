// Reading the far end's SDP (sdp-transform) and writing plain RTP/AVP SDP. WebRTC SDP is written
// by werift; this file only decides the kind of an offer and the codec and DTMF payload types.
import { parse, type MediaDescription } from 'sdp-transform';
import { MediaError, type AudioCodec, type MediaKind } from './media-engine.js';
import { STATIC_PAYLOAD_TYPE } from './g711.js';

export type Direction = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

export interface AudioOffer {
  kind: MediaKind;
  /** Remote RTP address and port (plain RTP); for WebRTC the candidates decide. */
  address: string;
  port: number;
  /** Every G.711 codec the far end accepts, in its order of preference, with its payload type. */
  codecs: { codec: AudioCodec; payloadType: number }[];
  /** telephone-event/8000 payload type, if offered. */
  dtmfPayloadType?: number;
  direction: Direction;
}

/** Parses an offer or answer; throws MediaError 'bad-sdp' / 'no-common-codec' with the reason. */
export function readAudioSdp(sdp: string): AudioOffer {
  if (typeof sdp !== 'string' || !/^v=0\r?$/m.test(sdp)) throw new MediaError('bad-sdp', 'SDP has no v=0 line');
  const session = parse(sdp);
  const audio = (session.media ?? []).find((m) => m.type === 'audio' && m.port !== 0);
  if (!audio) throw new MediaError('bad-sdp', 'SDP has no active audio m= line');
  const proto = audio.protocol.toUpperCase();
  let kind: MediaKind;
  if (proto.includes('SAVPF') || proto.includes('TLS') || audio.fingerprint || session.fingerprint) kind = 'webrtc';
  else if (proto === 'RTP/AVP' || proto === 'RTP/AVPF') kind = 'rtp';
  else throw new MediaError('bad-sdp', `unsupported audio transport ${audio.protocol} (plain RTP/AVP or WebRTC only)`);

  const address = audio.connection?.ip ?? session.connection?.ip;
  if (kind === 'rtp' && !address) throw new MediaError('bad-sdp', 'SDP has no c= address for audio');
  if (kind === 'rtp' && (!Number.isInteger(audio.port) || audio.port < 1 || audio.port > 65535))
    throw new MediaError('bad-sdp', `bad audio port ${audio.port}`);

  const payloads = String(audio.payloads ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  if (payloads.length === 0 || payloads.some((p) => !Number.isInteger(p) || p < 0 || p > 127))
    throw new MediaError('bad-sdp', 'audio m= line has no valid payload types');
  const codecs: AudioOffer['codecs'] = [];
  let dtmfPayloadType: number | undefined;
  for (const pt of payloads) {
    const name = codecName(audio, pt);
    if ((name === 'PCMU' || name === 'PCMA') && !codecs.some((c) => c.codec === name)) codecs.push({ codec: name, payloadType: pt });
    if (name === 'TELEPHONE-EVENT' && dtmfPayloadType === undefined && rate(audio, pt) === 8000) dtmfPayloadType = pt;
  }
  if (codecs.length === 0) throw new MediaError('no-common-codec', `the offer has neither PCMU nor PCMA (payload types ${payloads.join(' ')})`);
  return {
    kind,
    address: address ?? '0.0.0.0',
    port: audio.port,
    codecs,
    dtmfPayloadType,
    direction: (audio.direction ?? session.direction ?? 'sendrecv') as Direction,
  };
}

function codecName(audio: MediaDescription, pt: number): string | undefined {
  const rtp = audio.rtp.find((r) => r.payload === pt);
  if (rtp) return rtp.codec.toUpperCase();
  // Static payload types may come without a=rtpmap (RFC 3551).
  if (pt === STATIC_PAYLOAD_TYPE.PCMU) return 'PCMU';
  if (pt === STATIC_PAYLOAD_TYPE.PCMA) return 'PCMA';
  return undefined;
}

function rate(audio: MediaDescription, pt: number): number {
  return audio.rtp.find((r) => r.payload === pt)?.rate ?? 8000;
}

/** Our direction in an answer to the far end's direction. */
export function answerDirection(remote: Direction): Direction {
  return remote === 'sendonly' ? 'recvonly' : remote === 'recvonly' ? 'sendonly' : remote;
}

export interface RtpSdpOptions {
  address: string;
  port: number;
  sessionId: number;
  version: number;
  /** Payload types in the order written on the m= line. */
  codecs: { codec: AudioCodec; payloadType: number }[];
  dtmfPayloadType?: number;
  direction: Direction;
}

/** Plain RTP/AVP SDP for an answer (one codec) or an offer (PCMU and PCMA). */
export function writeRtpSdp(o: RtpSdpOptions): string {
  const pts = [...o.codecs.map((c) => c.payloadType), ...(o.dtmfPayloadType !== undefined ? [o.dtmfPayloadType] : [])];
  const lines = [
    'v=0',
    `o=12329 ${o.sessionId} ${o.version} IN IP4 ${o.address}`,
    's=12329',
    `c=IN IP4 ${o.address}`,
    't=0 0',
    `m=audio ${o.port} RTP/AVP ${pts.join(' ')}`,
    ...o.codecs.map((c) => `a=rtpmap:${c.payloadType} ${c.codec}/8000`),
    ...(o.dtmfPayloadType !== undefined ? [`a=rtpmap:${o.dtmfPayloadType} telephone-event/8000`, `a=fmtp:${o.dtmfPayloadType} 0-16`] : []),
    'a=ptime:20',
    `a=${o.direction}`,
  ];
  return lines.join('\r\n') + '\r\n';
}
