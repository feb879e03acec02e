// Counts of the SIP messages the stack received and sent, and of what went wrong, for the
// operations metrics (GET /metrics/prometheus). Kinds are a closed set so that garbage on the
// wire cannot create endless label values.

const METHODS = new Set([
  'INVITE',
  'ACK',
  'BYE',
  'CANCEL',
  'REGISTER',
  'OPTIONS',
  'INFO',
  'UPDATE',
  'PRACK',
  'SUBSCRIBE',
  'NOTIFY',
  'MESSAGE',
  'REFER',
  'PUBLISH',
]);

/** What can go wrong with a message, counted separately. */
export type SipErrorKind = 'malformed' | 'too_large' | 'oversized_datagram' | 'send_failed' | 'handler_failed';

export interface SipTrafficSnapshot {
  /** By method (INVITE, BYE, …), response class (1xx…6xx) or "other". */
  received: Record<string, number>;
  sent: Record<string, number>;
  errors: Record<SipErrorKind, number>;
}

/** "INVITE", "2xx" or "other" from a message's start line (keep-alive CRLFs are not messages). */
export function sipMessageKind(text: string): string {
  const response = /^SIP\/2\.0 ([1-6])\d\d/.exec(text);
  if (response) return `${response[1]}xx`;
  const method = /^([A-Za-z]+) /.exec(text)?.[1]?.toUpperCase();
  return method && METHODS.has(method) ? method : 'other';
}

export class SipTraffic {
  private readonly received = new Map<string, number>();
  private readonly sent = new Map<string, number>();
  private readonly errors: Record<SipErrorKind, number> = { malformed: 0, too_large: 0, oversized_datagram: 0, send_failed: 0, handler_failed: 0 };

  countReceived(data: Buffer): void {
    // Only the start line is read, so that counting costs nothing next to parsing.
    const head = data.subarray(0, 32).toString('latin1');
    if (head.trim() === '') return;
    bump(this.received, sipMessageKind(head));
  }

  countSent(text: string): void {
    // The start line only: trimming a whole message per send cost a copy of it.
    const head = text.length > 32 ? text.slice(0, 32) : text;
    if (head.trim() === '') return;
    bump(this.sent, sipMessageKind(head));
  }

  countError(kind: SipErrorKind): void {
    this.errors[kind] += 1;
  }

  snapshot(): SipTrafficSnapshot {
    return { received: Object.fromEntries(this.received), sent: Object.fromEntries(this.sent), errors: { ...this.errors } };
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
