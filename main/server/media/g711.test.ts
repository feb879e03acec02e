import { describe, expect, it } from 'vitest';
import { alawToLinear, decode, encode, linearToAlaw, linearToUlaw, transcode, ulawToLinear } from './g711.js';

describe('G.711', () => {
  it('encodes known μ-law values', () => {
    expect(linearToUlaw(0)).toBe(0xff);
    expect(linearToUlaw(-1)).toBe(0x7f);
    expect(linearToUlaw(32767)).toBe(0x80);
    expect(linearToUlaw(-32768)).toBe(0x00);
    expect(linearToUlaw(1000)).toBe(0xce);
  });

  it('decodes known μ-law values', () => {
    expect(ulawToLinear(0xff)).toBe(0);
    expect(ulawToLinear(0x80)).toBe(32124);
    expect(ulawToLinear(0x00)).toBe(-32124);
    expect(ulawToLinear(0xce)).toBe(988);
  });

  it('encodes and decodes known A-law values', () => {
    expect(linearToAlaw(0)).toBe(0xd5);
    expect(linearToAlaw(-1)).toBe(0x55);
    expect(linearToAlaw(32767)).toBe(0xaa);
    expect(linearToAlaw(-32768)).toBe(0x2a);
    expect(alawToLinear(0xd5)).toBe(8);
    expect(alawToLinear(0x55)).toBe(-8);
    expect(alawToLinear(0xaa)).toBe(32256);
    expect(alawToLinear(0x2a)).toBe(-32256);
  });

  it('round-trips every 16-bit value within the logarithmic quantisation error', () => {
    for (let x = -32768; x <= 32767; x += 7) {
      const u = ulawToLinear(linearToUlaw(x));
      const a = alawToLinear(linearToAlaw(x));
      const bound = Math.abs(x) / 16 + 36; // half a step of the segment, plus the clip region
      expect(Math.abs(u - x), `μ-law ${x}`).toBeLessThanOrEqual(Math.max(bound, Math.abs(x) > 32124 ? 700 : 0));
      expect(Math.abs(a - x), `A-law ${x}`).toBeLessThanOrEqual(Math.max(bound, Math.abs(x) > 32256 ? 600 : 0));
    }
  });

  it('re-encodes every decoded code word to itself', () => {
    for (let b = 0; b < 256; b++) {
      if (b !== 0x7f) expect(linearToUlaw(ulawToLinear(b))).toBe(b); // 0x7f and 0xff are both zero
      expect(linearToAlaw(alawToLinear(b))).toBe(b);
    }
  });

  it('transcodes PCMU ↔ PCMA close to the linear value', () => {
    const samples = Int16Array.from({ length: 160 }, (_, i) => Math.round(12000 * Math.sin((2 * Math.PI * 1000 * i) / 8000)));
    const ulaw = encode('PCMU', samples);
    const alaw = transcode('PCMU', 'PCMA', ulaw);
    expect(transcode('PCMU', 'PCMU', ulaw)).toBe(ulaw);
    const back = decode('PCMA', alaw);
    for (let i = 0; i < samples.length; i++) expect(Math.abs(back[i]! - samples[i]!)).toBeLessThanOrEqual(Math.abs(samples[i]!) / 8 + 40);
    const again = decode('PCMU', transcode('PCMA', 'PCMU', alaw));
    for (let i = 0; i < samples.length; i++) expect(Math.abs(again[i]! - samples[i]!)).toBeLessThanOrEqual(Math.abs(samples[i]!) / 8 + 40);
  });

  it('encodes by table exactly as the bit-manipulation encoders, over the whole 16-bit range', () => {
    const all = Int16Array.from({ length: 65536 }, (_, i) => i - 32768);
    const ulaw = encode('PCMU', all);
    const alaw = encode('PCMA', all);
    for (let i = 0; i < all.length; i++) {
      if (ulaw[i] !== linearToUlaw(all[i]!) || alaw[i] !== linearToAlaw(all[i]!)) throw new Error(`sample ${all[i]} encoded differently`);
    }
    expect(ulaw.length).toBe(65536);
  });
});
