import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { SmsMessage, SmsSender } from '../self-service/sms-sender.js';
import { maskAccount } from '../../../shared/api/verification.js';
import type { HttpSmsPlatform } from './http-sms-platform.js';

export type SmsState = 'queued' | 'sent' | 'delivered' | 'undeliverable' | 'failed';

export interface SmsRow {
  id: string;
  fund_account: string;
  template: string;
  text: string;
  state: SmsState;
  created_at: number;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  provider_id: string | null;
  sent_at: number | null;
  reported_at: number | null;
}

export interface SmsOutboxOptions {
  /** First retry after this many ms, doubling each time up to maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Attempts before a message is given up ('failed'). */
  maxAttempts?: number;
}

/**
 * Texts to citizens, written to the outbox at once (the IVR never waits on the platform) and
 * delivered in the background: retries with exponential backoff (or the platform's Retry-After),
 * a permanent refusal ends it, and messages still queued at a restart are resumed. Only this
 * object writes sms_messages.
 */
export class SmsOutbox implements SmsSender {
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private stopped = false;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxAttempts: number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly centerCode: string,
    private readonly platform: HttpSmsPlatform,
    private readonly logger: Logger,
    options: SmsOutboxOptions = {},
  ) {
    this.baseBackoffMs = options.baseBackoffMs ?? 2000;
    this.maxBackoffMs = options.maxBackoffMs ?? 10 * 60_000;
    this.maxAttempts = options.maxAttempts ?? 8;
  }

  async send(message: SmsMessage): Promise<void> {
    const now = this.clock.now();
    this.db
      .prepare('INSERT INTO sms_messages (id, center_code, fund_account, template, text, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), this.centerCode, message.fundAccount, message.template, message.text, now, now);
    this.schedule(0);
  }

  /** Picks up what a previous run left queued. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.draining;
  }

  /** The platform's delivery report for a message it accepted; false when no such message was sent. */
  report(providerIdOrId: string, status: 'delivered' | 'undeliverable'): boolean {
    const changes = this.db
      .prepare("UPDATE sms_messages SET state = ?, reported_at = ? WHERE (provider_id = ? OR id = ?) AND state IN ('sent', 'delivered', 'undeliverable')")
      .run(status, this.clock.now(), providerIdOrId, providerIdOrId).changes;
    return changes > 0;
  }

  list(options: { state?: SmsState; limit: number }): SmsRow[] {
    const where = options.state ? 'WHERE state = ?' : '';
    const args = options.state ? [options.state, options.limit] : [options.limit];
    return this.db.prepare(`SELECT * FROM sms_messages ${where} ORDER BY created_at DESC, rowid DESC LIMIT ?`).all(...args) as SmsRow[];
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.kick(), Math.max(0, delayMs));
    this.timer.unref();
  }

  private kick(): void {
    if (this.draining) return;
    this.draining = this.drain()
      .catch((error: unknown) => this.logger.error({ err: error }, 'SMS outbox failed'))
      .finally(() => {
        this.draining = undefined;
        const next = this.db.prepare("SELECT MIN(next_attempt_at) FROM sms_messages WHERE state = 'queued'").pluck().get() as number | null;
        if (next !== null) this.schedule(next - this.clock.now());
      });
  }

  private async drain(): Promise<void> {
    const due = this.db.prepare("SELECT * FROM sms_messages WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT 50");
    for (let batch = due.all(this.clock.now()) as SmsRow[]; batch.length && !this.stopped; batch = due.all(this.clock.now()) as SmsRow[]) {
      for (const row of batch) {
        if (this.stopped) return;
        await this.attempt(row);
      }
    }
  }

  private async attempt(row: SmsRow): Promise<void> {
    const result = await this.platform.submit({ id: row.id, fundAccount: row.fund_account, template: row.template, text: row.text });
    const attempts = row.attempts + 1;
    const now = this.clock.now();
    const log = { event: 'sms', id: row.id, template: row.template, account: maskAccount(row.fund_account), attempts };
    if (result.outcome === 'accepted') {
      this.db
        .prepare("UPDATE sms_messages SET state = 'sent', attempts = ?, next_attempt_at = NULL, provider_id = ?, sent_at = ?, last_error = NULL WHERE id = ?")
        .run(attempts, result.providerId, now, row.id);
      this.logger.info({ ...log, outcome: 'sent' }, 'SMS accepted by the platform');
      return;
    }
    if (result.outcome === 'refused' || attempts >= this.maxAttempts) {
      this.db
        .prepare("UPDATE sms_messages SET state = 'failed', attempts = ?, next_attempt_at = NULL, last_error = ? WHERE id = ?")
        .run(attempts, result.error, row.id);
      this.logger.warn({ ...log, outcome: 'failed', error: result.error }, 'SMS given up');
      return;
    }
    const backoff = Math.min(this.maxBackoffMs, this.baseBackoffMs * 2 ** (attempts - 1));
    const wait = Math.min(this.maxBackoffMs, Math.max(backoff, result.retryAfterMs ?? 0));
    this.db.prepare('UPDATE sms_messages SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?').run(attempts, now + wait, result.error, row.id);
    this.logger.info({ ...log, outcome: 'retry', error: result.error, retryInMs: wait }, 'SMS will be retried');
  }
}
