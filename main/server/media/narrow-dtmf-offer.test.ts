import { describe, expect, it } from 'vitest';
import { keepNarrowbandTelephoneEvents } from './narrow-dtmf-offer.js';

const CHROMIUM_OFFER = [
  'v=0',
  'o=- 1 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'm=audio 50464 UDP/TLS/RTP/SAVPF 111 0 8 110 126',
  'c=IN IP4 127.0.0.1',
  'a=rtpmap:111 opus/48000/2',
  'a=fmtp:111 minptime=10;useinbandfec=1',
  'a=rtpmap:0 PCMU/8000',
  'a=rtpmap:8 PCMA/8000',
  'a=rtpmap:110 telephone-event/48000',
  'a=rtpmap:126 telephone-event/8000',
  'a=fmtp:110 0-15',
  'a=fmtp:126 0-15',
  '',
].join('\r\n');

describe('keepNarrowbandTelephoneEvents', () => {
  it('drops the 48 kHz telephone-event a browser offers and keeps the 8 kHz one', () => {
    const out = keepNarrowbandTelephoneEvents(CHROMIUM_OFFER);
    expect(out).toContain('m=audio 50464 UDP/TLS/RTP/SAVPF 111 0 8 126');
    expect(out).toContain('a=rtpmap:126 telephone-event/8000');
    expect(out).not.toContain('telephone-event/48000');
    expect(out).not.toContain('a=fmtp:110');
  });

  it('leaves an offer without wideband events untouched', () => {
    const sipp = CHROMIUM_OFFER.replace('a=rtpmap:110 telephone-event/48000\r\n', '').replace('a=fmtp:110 0-15\r\n', '').replace(' 110 126', ' 126');
    expect(keepNarrowbandTelephoneEvents(sipp)).toBe(sipp);
  });
});
