import { parse } from 'sdp-transform';

export type SdpVerdict = { ok: true } | { ok: false; status: 400 | 488; reason: string };

const LINE = /^[a-z]=[^\r\n]*$/;

/**
 * Checks an INVITE's SDP offer before any call exists, so that a bad body is answered by SIP
 * rules instead of surfacing as a media failure: a body that is not SDP text (RFC 4566 §5: v=0
 * first, then type=value lines) is 400 Bad Request; SDP without an audio stream we could answer
 * (an active m=audio, RTP/AVP or a WebRTC profile, payload types, an address for plain RTP) is
 * 488 Not Acceptable Here (RFC 3261 §13.3.1.4). Codec choice stays with the media engine.
 */
export function checkSdpOffer(body: string): SdpVerdict {
  const lines = body.split(/\r?\n/).filter((l) => l.length > 0);
  if (lines[0] !== 'v=0') return { ok: false, status: 400, reason: 'Bad Request (SDP does not start with v=0)' };
  const bad = lines.findIndex((l) => !LINE.test(l));
  if (bad >= 0) return { ok: false, status: 400, reason: `Bad Request (SDP line ${bad + 1} is not type=value)` };
  let session: ReturnType<typeof parse>;
  try {
    session = parse(body);
  } catch {
    return { ok: false, status: 400, reason: 'Bad Request (unparseable SDP)' };
  }
  const audio = (session.media ?? []).find((m) => m.type === 'audio' && m.port !== 0);
  if (!audio) return { ok: false, status: 488, reason: 'Not Acceptable Here (no active audio stream)' };
  const proto = String(audio.protocol ?? '').toUpperCase();
  const webrtc = proto.includes('SAVPF') || proto.includes('TLS') || Boolean(audio.fingerprint ?? session.fingerprint);
  if (!webrtc && proto !== 'RTP/AVP' && proto !== 'RTP/AVPF')
    return { ok: false, status: 488, reason: `Not Acceptable Here (audio transport ${audio.protocol} unsupported)` };
  const payloads = String(audio.payloads ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (payloads.length === 0 || payloads.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 127))
    return { ok: false, status: 488, reason: 'Not Acceptable Here (no valid payload types)' };
  if (!webrtc) {
    if (!(audio.connection?.ip ?? session.connection?.ip)) return { ok: false, status: 488, reason: 'Not Acceptable Here (no c= address for audio)' };
    if (!Number.isInteger(audio.port) || audio.port < 1 || audio.port > 65535)
      return { ok: false, status: 488, reason: 'Not Acceptable Here (bad audio port)' };
  }
  return { ok: true };
}
