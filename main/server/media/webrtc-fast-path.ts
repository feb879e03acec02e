// The WebRTC leg's RTP fast path, once werift's DTLS is connected. werift still does ICE (and
// consent), DTLS and RTCP; RTP goes around its media stack, which profiling showed costs several
// times the crypto per packet: a new AES and HMAC context per packet, the header parsed bit by bit
// through strings, three event hops each starting a promise, per-packet stats and a clone.
//  - out: SrtpStream encrypts our header and payload, the ICE connection sends it;
//  - in:  werift's transport asks its public `srtp` session to decrypt every SRTP packet; the
//         session we put there decrypts with SrtpStream, hands the plain packet to the leg, and
//         then throws werift's SrtpAuthenticationError (made once, no stack) so that werift
//         drops the packet quietly instead of parsing and routing it a second time.
import { SrtpAuthenticationError, SrtpSession, type RTCDtlsTransport } from 'werift';
import { srtpKeyLengths, SrtpStream, SRTP_AEAD_AES_128_GCM, SRTP_AES128_CM_HMAC_SHA1_80, type SrtpHeader, type SrtpProfile } from './srtp-stream.js';

const HANDED_OVER = new SrtpAuthenticationError('handed to the leg');
HANDED_OVER.stack = undefined;

class HandOverSrtpSession extends SrtpSession {
  constructor(
    config: ConstructorParameters<typeof SrtpSession>[0],
    private readonly inbound: SrtpStream,
    private readonly deliver: (packet: Buffer) => void,
  ) {
    super(config);
  }

  override decrypt = (packet: Buffer): Buffer => {
    const plain = this.inbound.unprotect(packet);
    if (plain) this.deliver(plain);
    throw HANDED_OVER;
  };
}

export class WebRtcFastPath {
  private constructor(
    readonly dtls: RTCDtlsTransport,
    private readonly outbound: SrtpStream,
  ) {}

  /** Takes over RTP on a connected transport; undefined (werift keeps it all) before SRTP started or for another profile. */
  static install(dtls: RTCDtlsTransport, deliver: (packet: Buffer) => void): WebRtcFastPath | undefined {
    const socket = dtls.dtls;
    const profile = socket?.srtp.srtpProfile as number | undefined;
    if (dtls.state !== 'connected' || !dtls.srtpStarted || !socket) return undefined;
    if (profile !== SRTP_AES128_CM_HMAC_SHA1_80 && profile !== SRTP_AEAD_AES_128_GCM) return undefined;
    const lengths = srtpKeyLengths(profile as SrtpProfile);
    const keys = socket.extractSessionKeys(lengths.key, lengths.salt) as Record<'localKey' | 'localSalt' | 'remoteKey' | 'remoteSalt', Buffer>;
    const inbound = new SrtpStream(profile as SrtpProfile, keys.remoteKey, keys.remoteSalt);
    const config = {
      keys: { localMasterKey: keys.localKey, localMasterSalt: keys.localSalt, remoteMasterKey: keys.remoteKey, remoteMasterSalt: keys.remoteSalt },
      profile: profile as SrtpProfile,
    };
    dtls.srtp = new HandOverSrtpSession(config, inbound, deliver);
    return new WebRtcFastPath(dtls, new SrtpStream(profile as SrtpProfile, keys.localKey, keys.localSalt));
  }

  send(header: SrtpHeader, payload: Buffer): void {
    const packet = this.outbound.protect(header, payload);
    this.dtls.iceTransport.connection.send(packet).catch(() => {});
  }
}
