import { randomBytes } from 'node:crypto';

interface Ticket {
  sessionToken: string;
  callId: string;
  expiresAt: number;
}

/**
 * An <audio> element fetches its source without headers, so it cannot carry the session's bearer
 * token. The desk asks for a ticket (with the token) and gives the element a URL with it: the
 * ticket names one call, lives for `ttlMs`, and stands for the session that asked, whose rights
 * are checked again on every request (a signed-out session's tickets stop working). Kept in
 * memory only: a restart ends them, the desk asks again.
 */
export class PlayTickets {
  private readonly tickets = new Map<string, Ticket>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs: number,
  ) {}

  issue(sessionToken: string, callId: string): { ticket: string; expiresAt: number } {
    this.sweep();
    const ticket = randomBytes(24).toString('base64url');
    const expiresAt = this.now() + this.ttlMs;
    this.tickets.set(ticket, { sessionToken, callId, expiresAt });
    return { ticket, expiresAt };
  }

  /** The session token behind a live ticket for this call, else undefined. */
  redeem(ticket: string, callId: string): string | undefined {
    const found = this.tickets.get(ticket);
    if (!found || found.callId !== callId) return undefined;
    if (found.expiresAt <= this.now()) {
      this.tickets.delete(ticket);
      return undefined;
    }
    return found.sessionToken;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, t] of this.tickets) if (t.expiresAt <= now) this.tickets.delete(key);
  }
}
