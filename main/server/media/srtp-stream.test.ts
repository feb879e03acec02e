// The leg's own SRTP against RFC 3711's key-derivation vectors and against werift's SRTP (which
// talks to browsers), both ways, for both profiles; tampered packets and roll-over.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RtpHeader, SrtpSession } from 'werift';
import { deriveSrtpKeys, SRTP_AEAD_AES_128_GCM, SRTP_AES128_CM_HMAC_SHA1_80, srtpKeyLengths, SrtpStream, type SrtpProfile } from './srtp-stream.js';
import { parseRtp } from './rtp-packet.js';

const hex = (s: string): Buffer => Buffer.from(s, 'hex');

describe('deriveSrtpKeys', () => {
  it('gives RFC 3711 B.3 session keys', () => {
    const keys = deriveSrtpKeys(hex('E1F97A0D3E018BE0D64FA32C06DE4139'), hex('0EC675AD498AFEEBB6960B3AABE6'));
    expect(keys.key.toString('hex')).toBe('c61e7a93744f39ee10734afe3ff7a087');
    expect(keys.salt.toString('hex')).toBe('30cbbc08863d8c85d49db34a9ae1');
    expect(keys.auth.toString('hex')).toBe('cebe321f6ff7716b6fd4ab49af256a156d38baa4');
  });
});

function pair(profile: SrtpProfile): { ours: SrtpStream; ourReceiver: SrtpStream; werift: SrtpSession } {
  const { key, salt } = srtpKeyLengths(profile);
  const [k1, s1, k2, s2] = [randomBytes(key), randomBytes(salt), randomBytes(key), randomBytes(salt)];
  // werift's local context sends with k1/s1 and receives with k2/s2.
  const werift = new SrtpSession({ keys: { localMasterKey: k1, localMasterSalt: s1, remoteMasterKey: k2, remoteMasterSalt: s2 }, profile });
  return { ours: new SrtpStream(profile, k2, s2), ourReceiver: new SrtpStream(profile, k1, s1), werift };
}

describe.each([
  ['AES_CM_128_HMAC_SHA1_80', SRTP_AES128_CM_HMAC_SHA1_80],
  ['AEAD_AES_128_GCM', SRTP_AEAD_AES_128_GCM],
] as const)('SrtpStream %s', (_name, profile) => {
  it('is read by werift, and reads werift, across a sequence roll-over', () => {
    const { ours, ourReceiver, werift } = pair(profile);
    const ssrc = 0xdeadbeef;
    for (let i = 0; i < 6; i++) {
      const sequenceNumber = (0xfffd + i) & 0xffff; // 65533 … 2: the roll-over counter moves to 1
      const payload = randomBytes(160);
      const sent = ours.protect({ payloadType: 0, marker: i === 0, sequenceNumber, timestamp: i * 160, ssrc }, payload);
      const read = parseRtp(werift.decrypt(sent))!;
      expect(read).toMatchObject({ payloadType: 0, marker: i === 0, sequenceNumber, timestamp: i * 160, ssrc });
      expect(read.payload.equals(payload)).toBe(true);

      const back = randomBytes(160);
      const encrypted = werift.encrypt(back, new RtpHeader({ payloadType: 8, sequenceNumber, timestamp: 99, ssrc: 1234 }));
      const plain = parseRtp(ourReceiver.unprotect(encrypted)!)!;
      expect(plain).toMatchObject({ payloadType: 8, sequenceNumber, timestamp: 99, ssrc: 1234 });
      expect(plain.payload.equals(back)).toBe(true);
    }
  });

  it('refuses a tampered packet, a wrong key and a truncated one', () => {
    const { ours, ourReceiver, werift } = pair(profile);
    const encrypted = werift.encrypt(randomBytes(160), new RtpHeader({ payloadType: 0, sequenceNumber: 7, timestamp: 1, ssrc: 5 }));
    const tampered = Buffer.from(encrypted);
    tampered[20]! ^= 1;
    expect(ourReceiver.unprotect(tampered)).toBeUndefined();
    expect(ours.unprotect(encrypted)).toBeUndefined(); // the other direction's keys
    expect(ourReceiver.unprotect(encrypted.subarray(0, 14))).toBeUndefined();
    expect(ourReceiver.unprotect(encrypted)).toBeDefined();
  });
});
