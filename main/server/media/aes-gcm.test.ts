// The table-driven GCM against Node's own aes-128-gcm (OpenSSL), over every length an SRTP
// payload can take here, and with a wrong tag, key or header.
import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AesGcm } from './aes-gcm.js';

function openssl(key: Buffer, iv: Buffer, aad: Buffer, plain: Buffer): Buffer {
  const cipher = createCipheriv('aes-128-gcm', key, iv);
  cipher.setAAD(aad);
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

describe('AesGcm', () => {
  it('seals like OpenSSL and opens what OpenSSL sealed, for payloads of 0 to 300 bytes', () => {
    for (let length = 0; length <= 300; length++) {
      const [key, iv, aad, plain] = [randomBytes(16), randomBytes(12), randomBytes(length % 29), randomBytes(length)];
      const gcm = new AesGcm(key);
      const sealed = Buffer.alloc(length + 16);
      gcm.seal(iv, aad, plain, sealed, 0);
      const expected = openssl(key, iv, aad, plain);
      expect(sealed.toString('hex'), `length ${length}`).toBe(expected.toString('hex'));
      const opened = Buffer.alloc(length);
      expect(gcm.open(iv, aad, expected.subarray(0, length), expected.subarray(length), opened, 0)).toBe(true);
      expect(opened.equals(plain)).toBe(true);
    }
  });

  it('refuses a flipped bit in the data, the header or the tag, and another key', () => {
    const [key, iv, aad, plain] = [randomBytes(16), randomBytes(12), randomBytes(12), randomBytes(160)];
    const sealed = openssl(key, iv, aad, plain);
    const gcm = new AesGcm(key);
    const dst = Buffer.alloc(160);
    for (const at of [0, 80, 159, 160, 175]) {
      const bad = Buffer.from(sealed);
      bad[at]! ^= 0x01;
      expect(gcm.open(iv, aad, bad.subarray(0, 160), bad.subarray(160), dst, 0), `byte ${at}`).toBe(false);
    }
    const badAad = Buffer.from(aad);
    badAad[3]! ^= 0x80;
    expect(gcm.open(iv, badAad, sealed.subarray(0, 160), sealed.subarray(160), dst, 0)).toBe(false);
    expect(new AesGcm(randomBytes(16)).open(iv, aad, sealed.subarray(0, 160), sealed.subarray(160), dst, 0)).toBe(false);
    expect(dst.equals(Buffer.alloc(160))).toBe(true); // nothing decrypted into dst
  });
});
