// SRTP for one direction of a WebRTC leg's RTP (RFC 3711 AES_CM_128_HMAC_SHA1_80, RFC 7714
// AEAD_AES_128_GCM), on Node's crypto. werift's own SRTP makes a new cipher and HMAC per packet
// and its receive path parses, copies and routes every packet through several event hops; the
// leg's fast path (webrtc-fast-path.ts) uses this instead. AES-CM keystream comes from one long-lived
// AES-ECB context per stream (the counter blocks encrypted in one update call), not a new
// AES-CTR context per packet. RTCP stays with werift (a few packets a second).
import { createCipheriv, createDecipheriv, createHmac, timingSafeEqual, type Cipher } from 'node:crypto';

/** The DTLS-SRTP protection profiles (RFC 5764, RFC 7714), numbered as in the use_srtp extension. */
export const SRTP_AES128_CM_HMAC_SHA1_80 = 1;
export const SRTP_AEAD_AES_128_GCM = 7;
export type SrtpProfile = typeof SRTP_AES128_CM_HMAC_SHA1_80 | typeof SRTP_AEAD_AES_128_GCM;

const CM_TAG = 10;
const GCM_TAG = 16;
const HEADER = 12;

/** Master key and salt lengths the profile takes from the DTLS exporter. */
export function srtpKeyLengths(profile: SrtpProfile): { key: number; salt: number } {
  return profile === SRTP_AEAD_AES_128_GCM ? { key: 16, salt: 12 } : { key: 16, salt: 14 };
}

export interface SrtpHeader {
  payloadType: number;
  marker: boolean;
  sequenceNumber: number;
  timestamp: number;
  ssrc: number;
}

interface SsrcState {
  roc: number;
  /** Highest sequence number seen (s_l). */
  highest: number;
}

export class SrtpStream {
  private readonly sessionKey: Buffer;
  private readonly sessionSalt: Buffer;
  private readonly authKey: Buffer;
  /** AES-ECB with the session key: turns counter blocks into AES-CM keystream. */
  private readonly ecb: Cipher | undefined;
  private readonly states = new Map<number, SsrcState>();
  private readonly tagLength: number;
  private readonly iv = Buffer.alloc(12);

  constructor(
    readonly profile: SrtpProfile,
    masterKey: Buffer,
    masterSalt: Buffer,
  ) {
    ({ key: this.sessionKey, auth: this.authKey, salt: this.sessionSalt } = deriveSrtpKeys(masterKey, masterSalt));
    this.tagLength = profile === SRTP_AEAD_AES_128_GCM ? GCM_TAG : CM_TAG;
    if (profile === SRTP_AES128_CM_HMAC_SHA1_80) this.ecb = createCipheriv('aes-128-ecb', this.sessionKey, null).setAutoPadding(false);
  }

  /** An SRTP packet: our 12-byte header, the encrypted payload and the tag. */
  protect(header: SrtpHeader, payload: Buffer): Buffer {
    const state = this.state(header.ssrc, header.sequenceNumber);
    // Sender side: our sequence numbers only go up, so a wrap to a lower number is a new roll-over.
    if (header.sequenceNumber < state.highest && state.highest - header.sequenceNumber > 0x8000) state.roc = (state.roc + 1) >>> 0;
    state.highest = header.sequenceNumber;
    const out = Buffer.allocUnsafe(HEADER + payload.length + this.tagLength);
    out[0] = 0x80;
    out[1] = (header.marker ? 0x80 : 0) | (header.payloadType & 0x7f);
    out.writeUInt16BE(header.sequenceNumber & 0xffff, 2);
    out.writeUInt32BE(header.timestamp >>> 0, 4);
    out.writeUInt32BE(header.ssrc >>> 0, 8);
    if (this.ecb) {
      this.xorKeystream(payload, out, HEADER, header.ssrc, state.roc, header.sequenceNumber);
      this.cmTag(out.subarray(0, HEADER + payload.length), state.roc).copy(out, HEADER + payload.length, 0, CM_TAG);
    } else {
      const cipher = createCipheriv('aes-128-gcm', this.sessionKey, this.gcmIv(header.ssrc, state.roc, header.sequenceNumber));
      cipher.setAAD(out.subarray(0, HEADER));
      cipher.update(payload).copy(out, HEADER);
      cipher.final();
      cipher.getAuthTag().copy(out, HEADER + payload.length);
    }
    return out;
  }

  /** The plain RTP packet (header and payload) of an SRTP packet, or undefined when it does not authenticate. */
  unprotect(packet: Buffer): Buffer | undefined {
    const payloadOffset = rtpPayloadOffset(packet);
    if (payloadOffset === undefined || packet.length < payloadOffset + this.tagLength) return undefined;
    const ssrc = packet.readUInt32BE(8);
    const seq = packet.readUInt16BE(2);
    const state = this.state(ssrc, seq);
    const roc = estimateRoc(state, seq);
    const end = packet.length - this.tagLength;
    const out = Buffer.allocUnsafe(end);
    packet.copy(out, 0, 0, payloadOffset);
    const encrypted = packet.subarray(payloadOffset, end);
    if (this.ecb) {
      const expected = this.cmTag(packet.subarray(0, end), roc);
      if (!timingSafeEqual(expected.subarray(0, CM_TAG), packet.subarray(end))) return undefined;
      this.xorKeystream(encrypted, out, payloadOffset, ssrc, roc, seq);
    } else {
      const decipher = createDecipheriv('aes-128-gcm', this.sessionKey, this.gcmIv(ssrc, roc, seq));
      decipher.setAAD(packet.subarray(0, payloadOffset));
      decipher.setAuthTag(packet.subarray(end));
      decipher.update(encrypted).copy(out, payloadOffset);
      try {
        decipher.final();
      } catch {
        return undefined;
      }
    }
    // RFC 3711 §3.3.1: only an authenticated packet moves the roll-over counter and s_l.
    if (roc === state.roc + 1) {
      state.roc = roc;
      state.highest = seq;
    } else if (roc === state.roc && seq > state.highest) state.highest = seq;
    return out;
  }

  private state(ssrc: number, seq: number): SsrcState {
    let state = this.states.get(ssrc);
    if (!state) {
      state = { roc: 0, highest: seq };
      this.states.set(ssrc, state);
    }
    return state;
  }

  /** dst[offset…] = data XOR AES-CM keystream for (ssrc, roc, seq) (RFC 3711 §4.1.1). */
  private xorKeystream(data: Buffer, dst: Buffer, offset: number, ssrc: number, roc: number, seq: number): void {
    const blocks = Buffer.allocUnsafe(Math.ceil(data.length / 16) * 16); // every byte written below
    const salt = this.sessionSalt;
    for (let b = 0; b < blocks.length; b += 16) {
      salt.copy(blocks, b, 0, 14);
      blocks[b + 4]! ^= ssrc >>> 24;
      blocks[b + 5]! ^= (ssrc >>> 16) & 0xff;
      blocks[b + 6]! ^= (ssrc >>> 8) & 0xff;
      blocks[b + 7]! ^= ssrc & 0xff;
      blocks[b + 8]! ^= roc >>> 24;
      blocks[b + 9]! ^= (roc >>> 16) & 0xff;
      blocks[b + 10]! ^= (roc >>> 8) & 0xff;
      blocks[b + 11]! ^= roc & 0xff;
      blocks[b + 12]! ^= seq >>> 8;
      blocks[b + 13]! ^= seq & 0xff;
      blocks.writeUInt16BE(b / 16, b + 14);
    }
    const keystream = this.ecb!.update(blocks);
    for (let i = 0; i < data.length; i++) dst[offset + i] = data[i]! ^ keystream[i]!;
  }

  private cmTag(authenticated: Buffer, roc: number): Buffer {
    const rocBytes = Buffer.allocUnsafe(4);
    rocBytes.writeUInt32BE(roc >>> 0);
    return createHmac('sha1', this.authKey).update(authenticated).update(rocBytes).digest();
  }

  /** RFC 7714 §8.1: 00 00 ‖ SSRC ‖ ROC ‖ SEQ, XOR the 96-bit session salt. */
  private gcmIv(ssrc: number, roc: number, seq: number): Buffer {
    const iv = this.iv; // used at once by the caller: one buffer per stream, no allocation per packet
    iv[0] = 0;
    iv[1] = 0;
    iv.writeUInt32BE(ssrc >>> 0, 2);
    iv.writeUInt32BE(roc >>> 0, 6);
    iv.writeUInt16BE(seq, 10);
    for (let i = 0; i < 12; i++) iv[i]! ^= this.sessionSalt[i]!;
    return iv;
  }
}

/**
 * RFC 3711 §4.3.1 SRTP session keys (key derivation rate 0) from the master key and salt; a
 * 96-bit GCM master salt is padded to 112 bits, as werift and libsrtp do.
 */
export function deriveSrtpKeys(masterKey: Buffer, masterSalt: Buffer): { key: Buffer; auth: Buffer; salt: Buffer } {
  const salt = Buffer.alloc(14);
  masterSalt.copy(salt);
  const prf = createCipheriv('aes-128-ecb', masterKey, null).setAutoPadding(false);
  const derive = (label: number, length: number): Buffer => {
    const blocks = Buffer.alloc(Math.ceil(length / 16) * 16);
    for (let b = 0; b < blocks.length; b += 16) {
      salt.copy(blocks, b);
      blocks[b + 7]! ^= label;
      blocks.writeUInt16BE(b / 16, b + 14);
    }
    return prf.update(blocks).subarray(0, length);
  };
  return { key: derive(0, 16), auth: derive(1, 20), salt: derive(2, 14) };
}

/** RFC 3711 Appendix A: the roll-over counter a received sequence number most likely belongs to. */
function estimateRoc(state: SsrcState, seq: number): number {
  if (state.highest < 0x8000) return seq - state.highest > 0x8000 ? (state.roc - 1) >>> 0 : state.roc;
  return state.highest - 0x8000 > seq ? (state.roc + 1) >>> 0 : state.roc;
}

/** Where an RTP packet's payload starts (after CSRCs and a header extension), or undefined if it is not RTP. */
function rtpPayloadOffset(packet: Buffer): number | undefined {
  if (packet.length < HEADER || packet[0]! >> 6 !== 2) return undefined;
  let offset = HEADER + 4 * (packet[0]! & 0x0f);
  if (packet[0]! & 0x10) {
    if (packet.length < offset + 4) return undefined;
    offset += 4 + 4 * packet.readUInt16BE(offset + 2);
  }
  return offset <= packet.length ? offset : undefined;
}
