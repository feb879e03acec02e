// The child's end of the feed: each turn, a center compares its days (center-day-source.ts) with
// the revisions it has produced and queues a new revision of each day that changed; then the
// outbox is sent to the parent. A parent that cannot be reached is tried again with backoff (the
// whole outbox waits); a day the parent refuses waits the longest backoff and is logged.
import type { Db } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../clock.js';
import type { NetworkDay, ResendRequest } from '../../../shared/api/network.js';
import type { CenterDaySource } from './center-day-source.js';
import type { NetworkOutbox, OutboxRow } from './network-outbox.js';

export interface FeederOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  outbox: NetworkOutbox;
  /** A center's own days; a province has none (it forwards what its centers send). */
  source?: CenterDaySource;
  /** This server's code: the code of the days a center produces. */
  code: string;
  parentUrl?: string;
  parentToken?: string;
  intervalMs: number;
  /** What a parent's resend request is answered with: this server's days (a center's own, a province's centers'). */
  daysFor?: (from: string, to: string) => NetworkDay[];
  /** A province: the centers registered here, told to the ministry whenever the list changes. */
  centers?: () => string[];
}

const BACKOFF_CAP = 64;
const SEND_TIMEOUT_MS = 10_000;
const BATCH = 500;

export class NetworkFeeder {
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private parentDownUntil = 0;
  private stopped = false;
  private turn: Promise<void> = Promise.resolve();
  /** The centers list the parent last accepted (in memory: after a restart it is told once again). */
  private centersSent: string | undefined;

  constructor(private readonly o: FeederOptions) {}

  start(): void {
    const loop = () => {
      if (this.stopped) return;
      this.turn = this.runOnce().finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, this.o.intervalMs);
      });
    };
    this.timer = setTimeout(loop, Math.min(this.o.intervalMs, 1000));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.turn;
  }

  async runOnce(): Promise<void> {
    try {
      this.produce();
      await this.flush();
      await this.sendCenters();
      if ((await this.collectResends()) > 0) await this.flush();
    } catch (error) {
      this.o.logger.error({ event: 'network_feed_error', err: error }, 'the feed turn failed');
    }
  }

  /** Queues a new revision of each of the center's days whose counts differ from the last one produced. */
  produce(): number {
    const source = this.o.source;
    if (!source) return 0;
    const days = source.days();
    const now = this.o.clock.now();
    const { db, code, outbox } = this.o;
    const get = db.prepare('SELECT revision, body FROM network_feed_days WHERE code = ? AND date = ?');
    const put = db.prepare('INSERT OR REPLACE INTO network_feed_days (code, date, revision, body, changed_at) VALUES (?, ?, ?, ?, ?)');
    let queued = 0;
    db.transaction(() => {
      for (const day of days) {
        const body = JSON.stringify({ counts: day.counts, attendance: day.attendance });
        const before = get.get(code, day.date) as { revision: number; body: string } | undefined;
        if (before?.body === body) continue;
        const revision = (before?.revision ?? 0) + 1;
        put.run(code, day.date, revision, body, now);
        if (this.o.parentUrl) outbox.enqueue(code, day.date, revision, body, now);
        queued++;
      }
    })();
    if (queued > 0) this.o.logger.info({ event: 'network_days_changed', days: queued }, 'days queued for the parent');
    return queued;
  }

  /** The days this server produced (a center) over [from, to], for a parent's pull. */
  producedDays(from: string, to: string): NetworkDay[] {
    const rows = this.o.db
      .prepare('SELECT code, date, revision, body FROM network_feed_days WHERE code = ? AND date >= ? AND date <= ? ORDER BY date')
      .all(this.o.code, from, to) as Array<{ code: string; date: string; revision: number; body: string }>;
    return rows.map((r) => ({ code: r.code, date: r.date, revision: r.revision, ...(JSON.parse(r.body) as Pick<NetworkDay, 'counts' | 'attendance'>) }));
  }

  async flush(): Promise<void> {
    const { parentUrl, parentToken, outbox, clock, logger } = this.o;
    if (!parentUrl || !parentToken) return;
    if (clock.now() < this.parentDownUntil) return;
    for (const row of outbox.due(clock.now(), BATCH)) {
      if (this.stopped) return;
      let response: Response;
      try {
        response = await fetch(`${parentUrl.replace(/\/$/, '')}/api/v1/network/days/${row.code}/${row.date}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${parentToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ revision: row.revision, ...(JSON.parse(row.body) as object) }),
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        });
      } catch (error) {
        this.parentDown(String((error as Error).cause ?? (error as Error).message));
        return;
      }
      const answer = (await response.json().catch(() => ({}))) as { result?: string; code?: string; message?: string; details?: { storedRevision?: number } };
      if (response.ok) {
        outbox.sent(row);
        this.failures = 0;
        logger.debug({ event: 'network_day_sent', code: row.code, date: row.date, revision: row.revision, result: answer.result }, 'day sent');
      } else if (response.status >= 500) {
        this.parentDown(`HTTP ${response.status} ${answer.code ?? ''}`);
        return;
      } else {
        this.refused(row, response.status, answer);
      }
    }
  }

  /** A province's registered centers to the ministry, when they changed since it last accepted them. */
  async sendCenters(): Promise<void> {
    const { parentUrl, parentToken, centers, clock, logger } = this.o;
    if (!parentUrl || !parentToken || !centers || clock.now() < this.parentDownUntil) return;
    const body = JSON.stringify({ centers: centers() });
    if (body === this.centersSent) return;
    try {
      const response = await fetch(`${parentUrl.replace(/\/$/, '')}/api/v1/network/centers`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${parentToken}`, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      // A refusal (an older ministry: 404) is said once per list, not every turn.
      if (response.status < 500) this.centersSent = body;
      if (!response.ok) logger.warn({ event: 'network_centers_refused', status: response.status }, 'the parent refused the list of centers');
    } catch {
      // The next flush notices a parent that went away; the list is sent on a later turn.
    }
  }

  /**
   * The parent's pull on demand: asks what it wants sent again, puts those days in the outbox (the
   * uploads are idempotent: a day the parent has answers 'unchanged') and says each request is done.
   */
  async collectResends(): Promise<number> {
    const { parentUrl, parentToken, daysFor, outbox, clock, logger } = this.o;
    if (!parentUrl || !parentToken || !daysFor || clock.now() < this.parentDownUntil) return 0;
    const base = parentUrl.replace(/\/$/, '');
    const headers = { authorization: `Bearer ${parentToken}` };
    let requests: ResendRequest[];
    try {
      const response = await fetch(`${base}/api/v1/network/resend-requests`, { headers, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
      // A parent without requests for us, or of an older version (404): nothing to do.
      if (!response.ok) return 0;
      requests = ((await response.json()) as { requests: ResendRequest[] }).requests;
    } catch {
      return 0; // the next flush notices a parent that went away
    }
    let queued = 0;
    for (const request of requests) {
      const days = daysFor(request.from, request.to).filter((d) => (d.code ?? this.o.code) === request.code);
      for (const day of days) {
        outbox.enqueue(request.code, day.date, day.revision, JSON.stringify({ counts: day.counts, attendance: day.attendance }), clock.now());
        queued++;
      }
      await fetch(`${base}/api/v1/network/resend-requests/${request.id}/done`, { method: 'POST', headers, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) }).catch(
        () => undefined,
      );
      logger.info(
        { event: 'network_resend', request: request.id, code: request.code, from: request.from, to: request.to, days: days.length },
        'the parent asked for days again',
      );
    }
    return queued;
  }

  private refused(row: OutboxRow, status: number, answer: { code?: string; message?: string; details?: { storedRevision?: number } }): void {
    const { outbox, clock, logger, db } = this.o;
    const stored = answer.details?.storedRevision;
    // The parent keeps a revision this center no longer knows (its database was restored): go past it.
    if (status === 409 && stored !== undefined && this.o.source && row.code === this.o.code) {
      const revision = stored + 1;
      db.prepare('UPDATE network_feed_days SET revision = ? WHERE code = ? AND date = ?').run(revision, row.code, row.date);
      outbox.sent(row);
      outbox.enqueue(row.code, row.date, revision, row.body, clock.now());
      logger.warn({ event: 'network_revision_raised', code: row.code, date: row.date, from: row.revision, to: revision }, 'the parent had a newer revision');
      return;
    }
    if (status === 409) {
      // A province forwarding an older revision than the ministry has: the newer one already went up.
      outbox.sent(row);
      logger.warn({ event: 'network_day_superseded', code: row.code, date: row.date, revision: row.revision, stored }, 'the parent has a newer revision');
      return;
    }
    logger.error(
      { event: 'network_day_refused', code: row.code, date: row.date, revision: row.revision, status, reason: answer.code, message: answer.message },
      `the parent refused the day: ${answer.code ?? status}`,
    );
    outbox.failed(row, `${status} ${answer.code ?? ''}`.trim(), clock.now() + this.o.intervalMs * BACKOFF_CAP);
  }

  private parentDown(error: string): void {
    this.failures++;
    const wait = this.o.intervalMs * Math.min(BACKOFF_CAP, 2 ** (this.failures - 1));
    this.parentDownUntil = this.o.clock.now() + wait;
    // The first failure and then every few: not a line per turn while a parent is down for hours.
    if (this.failures === 1 || Number.isInteger(Math.log2(this.failures))) {
      this.o.logger.warn(
        { event: 'network_parent_unreachable', error, failures: this.failures, retryInMs: wait, pending: this.o.outbox.pending() },
        'the parent cannot be reached',
      );
    }
  }
}
