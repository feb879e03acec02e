// RFC 4733 telephone-events: the 4-byte payload, and the receiver rule that turns a burst of
// packets (start, updates, 3 redundant ends, retransmits) into one digit.

const DIGITS = '0123456789*#ABCD';

export function digitToEvent(digit: string): number {
  const index = DIGITS.indexOf(digit.toUpperCase());
  if (index < 0) throw new RangeError(`not a DTMF digit: ${JSON.stringify(digit)}`);
  return index;
}

export function eventToDigit(event: number): string | undefined {
  return DIGITS[event];
}

export function isDtmfDigit(value: string): boolean {
  return value.length === 1 && DIGITS.includes(value.toUpperCase());
}

export interface TelephoneEvent {
  event: number;
  end: boolean;
  volume: number;
  duration: number;
}

export function parseTelephoneEvent(payload: Buffer): TelephoneEvent | undefined {
  if (payload.length < 4) return undefined;
  return { event: payload[0]!, end: (payload[1]! & 0x80) !== 0, volume: payload[1]! & 0x3f, duration: payload.readUInt16BE(2) };
}

export function buildTelephoneEvent(e: TelephoneEvent): Buffer {
  const out = Buffer.alloc(4);
  out[0] = e.event;
  out[1] = (e.end ? 0x80 : 0) | (e.volume & 0x3f);
  out.writeUInt16BE(Math.min(0xffff, e.duration), 2);
  return out;
}

/**
 * One event = one RTP timestamp (RFC 4733 §2.5.1.2): the digit is reported on the first packet
 * seen with a new (ssrc, timestamp), whether that is the start, an update or (start lost) an end.
 * The last few keys are remembered so late or reordered end packets never repeat a digit.
 */
export class TelephoneEventReceiver {
  private readonly recent: string[] = [];

  /** Returns the digit if this packet starts a new event, otherwise undefined. */
  accept(ssrc: number, timestamp: number, payload: Buffer): string | undefined {
    const parsed = parseTelephoneEvent(payload);
    if (!parsed) return undefined;
    const digit = eventToDigit(parsed.event);
    if (digit === undefined) return undefined; // tones and flash hook events are not digits
    const key = `${ssrc}:${timestamp}`;
    if (this.recent.includes(key)) return undefined;
    this.recent.push(key);
    if (this.recent.length > 16) this.recent.shift();
    return digit;
  }
}
