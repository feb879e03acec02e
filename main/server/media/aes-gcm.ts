// AES-128-GCM (NIST SP 800-38D, 96-bit IV, 128-bit tag) for SRTP packets, on one long-lived
// AES-ECB context: Node cannot give a GCM context a new IV, and a new context per packet (what
// werift does) was the largest single cost of a WebRTC leg's crypto. The counter blocks go
// through ECB in one call; GHASH is Shoup's 8-bit table method in 32-bit words (4 KiB per key).
import { createCipheriv, timingSafeEqual, type Cipher } from 'node:crypto';

/** One right shift of (w0…w3) by a bit, with GCM's reduction; the shifted words. */
function shiftRight(v0: number, v1: number, v2: number, v3: number): [number, number, number, number] {
  const carry = v3 & 1 ? 0xe1000000 : 0;
  return [((v0 >>> 1) ^ carry) >>> 0, ((v1 >>> 1) | (v0 << 31)) >>> 0, ((v2 >>> 1) | (v1 << 31)) >>> 0, ((v3 >>> 1) | (v2 << 31)) >>> 0];
}

/** What the 8 bits shifted out of the low word fold back into the high word. */
const REDUCE8 = Uint32Array.from({ length: 256 }, (_, r) => {
  let v: [number, number, number, number] = [0, 0, 0, r];
  for (let k = 0; k < 8; k++) v = shiftRight(...v);
  return v[0];
});

export class AesGcm {
  private readonly ecb: Cipher;
  /** b·H for every byte b, as four 32-bit words (m0 most significant). */
  private readonly m0 = new Uint32Array(256);
  private readonly m1 = new Uint32Array(256);
  private readonly m2 = new Uint32Array(256);
  private readonly m3 = new Uint32Array(256);
  /** The zero-padded tail of the data being absorbed (a 12-byte RTP header, say). */
  private readonly lastBlock = Buffer.alloc(16);
  private y0 = 0;
  private y1 = 0;
  private y2 = 0;
  private y3 = 0;

  constructor(key: Buffer) {
    this.ecb = createCipheriv('aes-128-ecb', key, null).setAutoPadding(false);
    const h = this.ecb.update(Buffer.alloc(16));
    let v: [number, number, number, number] = [h.readUInt32BE(0), h.readUInt32BE(4), h.readUInt32BE(8), h.readUInt32BE(12)];
    this.set(128, v);
    for (let i = 64; i > 0; i >>= 1) this.set(i, (v = shiftRight(...v)));
    for (let i = 2; i <= 128; i *= 2)
      for (let j = 1; j < i; j++) this.set(i + j, [this.m0[i]! ^ this.m0[j]!, this.m1[i]! ^ this.m1[j]!, this.m2[i]! ^ this.m2[j]!, this.m3[i]! ^ this.m3[j]!]);
  }

  /** Encrypts `plain` into dst at `offset` and writes the 16-byte tag right after it. */
  seal(iv: Buffer, aad: Buffer, plain: Buffer, dst: Buffer, offset: number): void {
    const stream = this.ecb.update(this.counterBlocks(iv, plain.length));
    for (let i = 0; i < plain.length; i++) dst[offset + i] = plain[i]! ^ stream[16 + i]!;
    this.tag(aad, dst.subarray(offset, offset + plain.length), stream).copy(dst, offset + plain.length);
  }

  /** Checks `tag`, then decrypts `encrypted` into dst at `offset`; false (dst untouched) when the tag is wrong. */
  open(iv: Buffer, aad: Buffer, encrypted: Buffer, tag: Buffer, dst: Buffer, offset: number): boolean {
    if (tag.length !== 16) return false;
    const stream = this.ecb.update(this.counterBlocks(iv, encrypted.length));
    if (!timingSafeEqual(this.tag(aad, encrypted, stream), tag)) return false;
    for (let i = 0; i < encrypted.length; i++) dst[offset + i] = encrypted[i]! ^ stream[16 + i]!;
    return true;
  }

  /** J0 = IV ‖ 0³¹1, then J0+1 … for the data's blocks (J0 itself masks the tag). */
  private counterBlocks(iv: Buffer, length: number): Buffer {
    const count = 1 + Math.ceil(length / 16);
    const blocks = Buffer.allocUnsafe(count * 16);
    for (let b = 0, at = 0; b < count; b++, at += 16) {
      for (let i = 0; i < 12; i++) blocks[at + i] = iv[i]!;
      blocks[at + 12] = 0;
      blocks[at + 13] = 0;
      blocks[at + 14] = ((b + 1) >>> 8) & 0xff;
      blocks[at + 15] = (b + 1) & 0xff;
    }
    return blocks;
  }

  /** GHASH(A, C) XOR E(K, J0), J0's keystream being the first block of `stream`. */
  private tag(aad: Buffer, cipherText: Buffer, stream: Buffer): Buffer {
    this.y0 = this.y1 = this.y2 = this.y3 = 0;
    this.absorb(aad);
    this.absorb(cipherText);
    // The lengths block: bit lengths of A and C as 64-bit numbers (both < 2³² here).
    this.y1 ^= aad.length * 8;
    this.y3 ^= cipherText.length * 8;
    this.multiply();
    const out = Buffer.allocUnsafe(16);
    out.writeUInt32BE((this.y0 ^ stream.readUInt32BE(0)) >>> 0, 0);
    out.writeUInt32BE((this.y1 ^ stream.readUInt32BE(4)) >>> 0, 4);
    out.writeUInt32BE((this.y2 ^ stream.readUInt32BE(8)) >>> 0, 8);
    out.writeUInt32BE((this.y3 ^ stream.readUInt32BE(12)) >>> 0, 12);
    return out;
  }

  /** Folds data, zero-padded to whole blocks, into y. */
  private absorb(d: Buffer): void {
    const whole = d.length - (d.length % 16);
    for (let at = 0; at < whole; at += 16) {
      this.y0 ^= (d[at]! << 24) | (d[at + 1]! << 16) | (d[at + 2]! << 8) | d[at + 3]!;
      this.y1 ^= (d[at + 4]! << 24) | (d[at + 5]! << 16) | (d[at + 6]! << 8) | d[at + 7]!;
      this.y2 ^= (d[at + 8]! << 24) | (d[at + 9]! << 16) | (d[at + 10]! << 8) | d[at + 11]!;
      this.y3 ^= (d[at + 12]! << 24) | (d[at + 13]! << 16) | (d[at + 14]! << 8) | d[at + 15]!;
      this.multiply();
    }
    if (whole === d.length) return;
    const last = this.lastBlock.fill(0);
    d.copy(last, 0, whole);
    this.absorb(last);
  }

  /** y = y · H in GF(2¹²⁸), byte by byte from the last. */
  private multiply(): void {
    const { m0, m1, m2, m3 } = this;
    let z0 = 0;
    let z1 = 0;
    let z2 = 0;
    let z3 = 0;
    for (let w = 3; w >= 0; w--) {
      const word = w === 3 ? this.y3 : w === 2 ? this.y2 : w === 1 ? this.y1 : this.y0;
      for (let shift = 0; shift < 32; shift += 8) {
        if (w !== 3 || shift !== 0) {
          const rem = z3 & 0xff;
          z3 = (z3 >>> 8) | (z2 << 24);
          z2 = (z2 >>> 8) | (z1 << 24);
          z1 = (z1 >>> 8) | (z0 << 24);
          z0 = (z0 >>> 8) ^ REDUCE8[rem]!;
        }
        const b = (word >>> shift) & 0xff;
        z0 ^= m0[b]!;
        z1 ^= m1[b]!;
        z2 ^= m2[b]!;
        z3 ^= m3[b]!;
      }
    }
    this.y0 = z0 >>> 0;
    this.y1 = z1 >>> 0;
    this.y2 = z2 >>> 0;
    this.y3 = z3 >>> 0;
  }

  private set(i: number, [w0, w1, w2, w3]: [number, number, number, number]): void {
    this.m0[i] = w0;
    this.m1[i] = w1;
    this.m2[i] = w2;
    this.m3[i] = w3;
  }
}
