import type { Clock } from '../clock.js';

/** Failures of one account from one address before that pair is refused for the window. */
export const PAIR_LIMIT = 10;
/**
 * Failures from one address, whatever the accounts, before the address is refused (spraying).
 * High enough that an office behind one NAT or a reverse proxy is not locked out by typos.
 */
export const ADDRESS_LIMIT = 100;
/**
 * Failures of one account before it is locked for everyone, each address counting at most
 * PAIR_LIMIT — so it takes at least three addresses: one guesser alone cannot lock the real user out.
 */
export const ACCOUNT_LIMIT = 30;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** What password checks (HTTP sign-in and SIP digests alike) need of the throttle. */
export interface CredentialThrottle {
  /** 0 when a try is allowed; otherwise how long until the oldest counted failure leaves the window. */
  retryAfterMs(account: string, address: string): number;
  recordFailure(account: string, address: string): void;
  /** A right password from an address clears that address's failures for the account. */
  reset(account: string, address: string): void;
}

/** An account refused right now, from one address at least (what the admin sees and may lift). */
export interface Lockout {
  account: string;
  /** Failures in the window, from every address. */
  failures: number;
  /** When the last refusal ends by itself, epoch ms. */
  until: number;
}

interface Failure {
  at: number;
  address: string;
}

/**
 * Failed password checks in a sliding 15-minute window, by account, by address and by both; one
 * instance is shared by HTTP sign-in and SIP digest authentication (the auth service owns it), so
 * guesses over either count for both. In memory: one server per center, and a restart costs an
 * attacker a restart, not a bypass.
 */
export class LoginThrottle implements CredentialThrottle {
  private readonly byAccount = new Map<string, Failure[]>();
  private readonly byAddress = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  retryAfterMs(account: string, address: string): number {
    const fromAddress = this.recentFrom(address);
    return Math.max(this.accountWait(account, address), fromAddress.length >= ADDRESS_LIMIT ? this.until(fromAddress, ADDRESS_LIMIT) : 0);
  }

  /** The wait this account has from this address: the pair's limit or the account's, not the address-wide one. */
  private accountWait(account: string, address: string): number {
    const fromAccount = this.recentOf(account);
    const pair = fromAccount.filter((f) => f.address === address).map((f) => f.at);
    const perAddress = new Map<string, number>();
    for (const f of fromAccount) perAddress.set(f.address, Math.min(PAIR_LIMIT, (perAddress.get(f.address) ?? 0) + 1));
    const accountTotal = [...perAddress.values()].reduce((a, b) => a + b, 0);
    const waits = [
      pair.length >= PAIR_LIMIT ? this.until(pair, PAIR_LIMIT) : 0,
      accountTotal >= ACCOUNT_LIMIT
        ? this.until(
            fromAccount.map((f) => f.at),
            fromAccount.length,
          )
        : 0,
    ];
    return Math.max(...waits);
  }

  recordFailure(account: string, address: string): void {
    const now = this.clock.now();
    const list = this.recentOf(account);
    list.push({ at: now, address });
    this.byAccount.set(account, list);
    const fromAddress = this.recentFrom(address);
    fromAddress.push(now);
    this.byAddress.set(address, fromAddress);
    if (this.byAccount.size + this.byAddress.size > 20_000) this.prune();
  }

  reset(account: string, address: string): void {
    const rest = this.recentOf(account).filter((f) => f.address !== address);
    if (rest.length > 0) this.byAccount.set(account, rest);
    else this.byAccount.delete(account);
  }

  /**
   * Accounts refused from at least one address: a pair over PAIR_LIMIT or the account over
   * ACCOUNT_LIMIT. Address-wide (spraying) refusals are not one account's and are left out.
   */
  lockouts(): Lockout[] {
    const found: Lockout[] = [];
    for (const account of this.byAccount.keys()) {
      const recent = this.recentOf(account);
      const waits = [...new Set(recent.map((f) => f.address))].map((address) => this.accountWait(account, address));
      const wait = Math.max(0, ...waits);
      if (wait > 0) found.push({ account, failures: recent.length, until: this.clock.now() + wait });
    }
    return found.sort((a, b) => a.account.localeCompare(b.account));
  }

  /** The admin lifts an account's refusal: its failures from every address are forgotten. True if it had any. */
  unlock(account: string): boolean {
    return this.byAccount.delete(account);
  }

  /** Time until enough of the newest `limit` failures leave the window to allow a try again. */
  private until(times: number[], limit: number): number {
    const sorted = [...times].sort((a, b) => a - b);
    const oldestCounted = sorted[sorted.length - limit]!;
    return Math.max(1, oldestCounted + FAILURE_WINDOW_MS - this.clock.now() + 1);
  }

  private recentOf(account: string): Failure[] {
    const since = this.clock.now() - FAILURE_WINDOW_MS;
    return (this.byAccount.get(account) ?? []).filter((f) => f.at > since);
  }

  private recentFrom(address: string): number[] {
    const since = this.clock.now() - FAILURE_WINDOW_MS;
    return (this.byAddress.get(address) ?? []).filter((at) => at > since);
  }

  private prune(): void {
    for (const key of [...this.byAccount.keys()]) if (this.recentOf(key).length === 0) this.byAccount.delete(key);
    for (const key of [...this.byAddress.keys()]) if (this.recentFrom(key).length === 0) this.byAddress.delete(key);
  }
}
