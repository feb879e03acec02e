import * as sdpTransform from 'sdp-transform';

/**
 * Browsers offer telephone-event at 48000 Hz (for Opus) and at 8000 Hz (for G.711). werift picks
 * the first telephone-event by name alone, so it would agree on the 48 kHz one, which a browser
 * never sends next to PCMU: no digit would ever arrive. Only G.711 is spoken here, so every
 * telephone-event that is not 8 kHz is removed from the offer before werift reads it.
 */
export function keepNarrowbandTelephoneEvents(sdp: string): string {
  const parsed = sdpTransform.parse(sdp);
  let changed = false;
  for (const media of parsed.media) {
    if (media.type !== 'audio') continue;
    const drop = new Set(media.rtp.filter((r) => r.codec.toLowerCase() === 'telephone-event' && r.rate !== 8000).map((r) => r.payload));
    if (drop.size === 0) continue;
    changed = true;
    media.rtp = media.rtp.filter((r) => !drop.has(r.payload));
    media.fmtp = media.fmtp.filter((f) => !drop.has(f.payload));
    if (media.rtcpFb) media.rtcpFb = media.rtcpFb.filter((f) => !drop.has(Number(f.payload)));
    media.payloads = String(media.payloads)
      .split(' ')
      .filter((p) => !drop.has(Number(p)))
      .join(' ');
  }
  return changed ? sdpTransform.write(parsed) : sdp;
}
