// ITU-T G.711 μ-law (PCMU) and A-law (PCMA), the classic bit-manipulation algorithms
// (as in Sun's g711.c). Decoding and transcoding go through 256-entry tables built once.
import type { AudioCodec } from './media-engine.js';

const BIAS = 0x84;
const CLIP = 32635;

/** Encodes one 16-bit linear sample to μ-law. */
export function linearToUlaw(sample: number): number {
  let pcm = Math.max(-32768, Math.min(32767, Math.round(sample)));
  const sign = pcm < 0 ? 0x80 : 0;
  if (sign) pcm = -pcm;
  if (pcm > CLIP) pcm = CLIP;
  pcm += BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (pcm & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (pcm >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

/** Decodes one μ-law byte to a 16-bit linear sample. */
export function ulawToLinear(byte: number): number {
  const u = ~byte & 0xff;
  const exponent = (u >> 4) & 0x07;
  const magnitude = ((((u & 0x0f) << 3) + BIAS) << exponent) - BIAS;
  return u & 0x80 ? -magnitude : magnitude;
}

/** Encodes one 16-bit linear sample to A-law. */
export function linearToAlaw(sample: number): number {
  let pcm = Math.max(-32768, Math.min(32767, Math.round(sample)));
  let mask: number;
  if (pcm >= 0) {
    mask = 0xd5; // sign bit set for positive, even bits inverted
  } else {
    mask = 0x55;
    pcm = -pcm - 1;
  }
  pcm >>= 3; // A-law works on 13-bit magnitudes
  let segment = 0;
  for (let limit = 0x1f; pcm > limit && segment < 8; limit = (limit << 1) | 1) segment++;
  if (segment >= 8) return 0x7f ^ mask;
  const mantissa = segment < 2 ? (pcm >> 1) & 0x0f : (pcm >> segment) & 0x0f;
  return ((segment << 4) | mantissa) ^ mask;
}

/** Decodes one A-law byte to a 16-bit linear sample. */
export function alawToLinear(byte: number): number {
  const a = byte ^ 0x55;
  const segment = (a & 0x70) >> 4;
  let magnitude = (a & 0x0f) << 4;
  if (segment === 0) magnitude += 8;
  else if (segment === 1) magnitude += 0x108;
  else magnitude = (magnitude + 0x108) << (segment - 1);
  return a & 0x80 ? magnitude : -magnitude;
}

const ULAW_DECODE = Int16Array.from({ length: 256 }, (_, i) => ulawToLinear(i));
const ALAW_DECODE = Int16Array.from({ length: 256 }, (_, i) => alawToLinear(i));
const ULAW_TO_ALAW = Uint8Array.from({ length: 256 }, (_, i) => linearToAlaw(ULAW_DECODE[i]!));
const ALAW_TO_ULAW = Uint8Array.from({ length: 256 }, (_, i) => linearToUlaw(ALAW_DECODE[i]!));

/** The byte a codec uses for digital silence (decodes to 0 or ±8). */
export const SILENCE_BYTE: Record<AudioCodec, number> = { PCMU: 0xff, PCMA: 0xd5 };

// Encoding by table (64 KiB per codec, built on first use): the mixer encodes every frame it sends.
const ENCODE_TABLES: Partial<Record<AudioCodec, Uint8Array>> = {};

function encodeTable(codec: AudioCodec): Uint8Array {
  let table = ENCODE_TABLES[codec];
  if (!table) {
    const fn = codec === 'PCMU' ? linearToUlaw : linearToAlaw;
    table = Uint8Array.from({ length: 65536 }, (_, i) => fn(i - 32768));
    ENCODE_TABLES[codec] = table;
  }
  return table;
}

export function encode(codec: AudioCodec, samples: Int16Array): Buffer {
  const out = Buffer.allocUnsafe(samples.length);
  const table = encodeTable(codec);
  for (let i = 0; i < samples.length; i++) out[i] = table[samples[i]! + 32768]!;
  return out;
}

export function decode(codec: AudioCodec, payload: Uint8Array): Int16Array {
  const table = codec === 'PCMU' ? ULAW_DECODE : ALAW_DECODE;
  const out = new Int16Array(payload.length);
  for (let i = 0; i < payload.length; i++) out[i] = table[payload[i]!]!;
  return out;
}

/** Transcodes a G.711 payload byte by byte; returns the input itself when the codecs match. */
export function transcode(from: AudioCodec, to: AudioCodec, payload: Buffer): Buffer {
  if (from === to) return payload;
  const table = from === 'PCMU' ? ULAW_TO_ALAW : ALAW_TO_ULAW;
  const out = Buffer.allocUnsafe(payload.length);
  for (let i = 0; i < payload.length; i++) out[i] = table[payload[i]!]!;
  return out;
}

export const STATIC_PAYLOAD_TYPE: Record<AudioCodec, number> = { PCMU: 0, PCMA: 8 };
