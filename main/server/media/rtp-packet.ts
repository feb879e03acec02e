// Plain RTP (RFC 3550) header parsing and building for RTP/AVP legs. WebRTC legs use werift's.

export interface RtpPacket {
  payloadType: number;
  marker: boolean;
  sequenceNumber: number;
  timestamp: number;
  ssrc: number;
  payload: Buffer;
}

/** Returns undefined for anything that is not RTP version 2 (STUN, garbage, truncated packets). */
export function parseRtp(data: Buffer): RtpPacket | undefined {
  if (data.length < 12 || data[0]! >> 6 !== 2) return undefined;
  const csrcCount = data[0]! & 0x0f;
  let offset = 12 + 4 * csrcCount;
  if (data[0]! & 0x10) {
    if (data.length < offset + 4) return undefined;
    offset += 4 + 4 * data.readUInt16BE(offset + 2);
  }
  let end = data.length;
  if (data[0]! & 0x20) end -= data[data.length - 1]!; // padding count is the last byte
  if (offset > end) return undefined;
  return {
    payloadType: data[1]! & 0x7f,
    marker: (data[1]! & 0x80) !== 0,
    sequenceNumber: data.readUInt16BE(2),
    timestamp: data.readUInt32BE(4),
    ssrc: data.readUInt32BE(8),
    payload: data.subarray(offset, end),
  };
}

/** RTCP multiplexed on the RTP port has packet types 200-204 where the RTP payload type would be. */
export function looksLikeRtcp(data: Buffer): boolean {
  return data.length >= 2 && data[1]! >= 192 && data[1]! <= 223;
}

export function serializeRtp(packet: RtpPacket): Buffer {
  const out = Buffer.allocUnsafe(12 + packet.payload.length);
  out[0] = 0x80;
  out[1] = (packet.marker ? 0x80 : 0) | (packet.payloadType & 0x7f);
  out.writeUInt16BE(packet.sequenceNumber & 0xffff, 2);
  out.writeUInt32BE(packet.timestamp >>> 0, 4);
  out.writeUInt32BE(packet.ssrc >>> 0, 8);
  packet.payload.copy(out, 12);
  return out;
}
