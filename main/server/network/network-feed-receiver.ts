// The parent's end of the feed (PUT /api/v1/network/days/:code/:date): who may send which
// center's day, what is refused and why, and what is kept. Every refusal is logged and audited
// here; the child logs it too (network-feeder.ts).
import type { Logger } from '../logger.js';
import type { AuditService } from '../audit/audit-service.js';
import type { FeedDayRequest, FeedDayResult } from '../../../shared/api/network.js';
import { HttpError } from '../http/http-app.js';
import { regionLevel, regionName } from '../../../shared/regions/gbt2260.js';
import { addDays, type LocalDate } from '../../../shared/time/local-date.js';
import type { NetworkRegistry } from './network-registry.js';
import type { NetworkDayStore } from './network-day-store.js';
import { impossibleCounts } from './impossible-counts.js';

export interface FeedReceiverOptions {
  mode: 'center' | 'province' | 'ministry';
  registry: NetworkRegistry;
  store: NetworkDayStore;
  audit: AuditService;
  logger: Logger;
  today: () => LocalDate;
  /** A province forwards what it keeps to the ministry. */
  forward?: (code: string, date: string, day: FeedDayRequest) => void;
}

export class FeedReceiver {
  constructor(private readonly o: FeedReceiverOptions) {}

  receive(token: string | undefined, code: string, date: string, day: FeedDayRequest, now: number): FeedDayResult {
    const child = this.o.registry.childOfToken(token);
    const refuse = (status: number, reason: string, message: string, details?: Record<string, unknown>): never => {
      this.o.logger.warn({ event: 'network_feed_refused', reason, from: child?.code ?? null, code, date, revision: day.revision, ...details }, message);
      this.o.audit.record({
        actorUserId: null,
        action: 'network.feed_refused',
        entityType: 'network_day',
        entityId: `${code}/${date}`,
        detail: { reason, from: child?.code ?? null, revision: day.revision, ...details },
      });
      throw new HttpError(status, reason, message, details);
    };
    if (this.o.mode === 'center') refuse(404, 'not_a_parent', 'this server is a center: it receives no feed');
    if (!child) return refuse(401, 'bad_token', 'the bearer token is not one this server issued (or it was revoked)');
    if (this.o.mode === 'province') {
      if (!this.o.registry.get(code)) refuse(404, 'unknown_center', `${code} is not a center registered here`);
      if (code !== child.code) refuse(403, 'not_your_center', `the token of ${child.code} may send only its own days, not ${code}'s`);
    } else {
      if (regionLevel(code) !== 'center' || !regionName(code)) refuse(404, 'unknown_center', `${code} is not a center of GB/T 2260`);
      if (code.slice(0, 2) !== child.code.slice(0, 2))
        refuse(403, 'not_your_center', `the province ${child.code} may forward only its own centers, not ${code}`);
    }
    // A day a whole day ahead of the parent's is a child with a wrong clock or a wrong zone.
    if (date > addDays(this.o.today(), 1)) refuse(422, 'future_day', `${date} has not begun in China Standard Time`);
    const broken = impossibleCounts(day.counts);
    if (broken.length > 0) refuse(422, 'impossible_counts', `impossible counts: ${broken.join('; ')}`, { broken });

    const outcome = this.o.store.put(
      code,
      { date, revision: day.revision, counts: day.counts, ...(day.attendance ? { attendance: day.attendance } : {}) },
      now,
    );
    if (outcome.result === 'stale') {
      refuse(409, 'stale_revision', `revision ${day.revision} is older than the kept ${outcome.storedRevision}`, { storedRevision: outcome.storedRevision });
    }
    if (outcome.result === 'conflict') {
      refuse(409, 'revision_conflict', `revision ${day.revision} was already kept with other counts: send a higher revision`, {
        storedRevision: outcome.storedRevision,
      });
    }
    const result = outcome.result as FeedDayResult;
    this.o.registry.markReported(child.code, now);
    this.o.logger.debug({ event: 'network_feed_kept', from: child.code, code, date, revision: day.revision, result }, 'day kept');
    if (result !== 'unchanged') this.o.forward?.(code, date, day);
    return result;
  }
}
