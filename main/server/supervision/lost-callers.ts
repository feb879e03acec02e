// Lost callers (§ issue 13 item 7): inbound callers who hung up in the queue or while an agent's
// phone rang. The list is read from the call records; only the call-back mark is stored here.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { LostCaller } from '../../../shared/api/supervision.js';
import { maskNumber } from '../../../shared/supervision/mask-number.js';

interface Row {
  callId: string;
  caller: string;
  arrivedAt: number;
  abandonedAt: number;
  stage: 'queue' | 'ringing';
  offeredAt: number | null;
  byUserId: number | null;
  byWorkNumber: string | null;
  byName: string | null;
  calledBackAt: number | null;
}

export class LostCallerError extends Error {
  override name = 'LostCallerError';
  constructor(
    readonly code: 'not_lost' | 'already_called_back',
    message: string,
  ) {
    super(message);
  }
}

const SELECT = `
  SELECT c.id AS callId, c.caller, c.arrived_at AS arrivedAt, c.abandoned_at AS abandonedAt, c.abandon_stage AS stage,
         COALESCE(c.offered_at, c.queued_at) AS offeredAt,
         b.by_user_id AS byUserId, u.work_number AS byWorkNumber, u.display_name AS byName, b.at AS calledBackAt
  FROM calls c LEFT JOIN lost_call_callbacks b ON b.call_id = c.id LEFT JOIN users u ON u.id = b.by_user_id
  WHERE c.center_code = @center AND c.direction = 'inbound' AND c.abandon_stage IN ('queue', 'ringing')`;

export class LostCallers {
  private readonly s: {
    range: Statement<{ center: string; start: number; end: number }, Row>;
    one: Statement<{ center: string; id: string }, Row>;
    mark: Statement<[string, number, number]>;
  };

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly centerCode: string,
  ) {
    this.s = {
      range: db.prepare(`${SELECT} AND c.arrived_at >= @start AND c.arrived_at < @end ORDER BY c.arrived_at DESC`),
      one: db.prepare(`${SELECT} AND c.id = @id`),
      mark: db.prepare('INSERT INTO lost_call_callbacks (call_id, by_user_id, at) VALUES (?, ?, ?)'),
    };
  }

  /** Lost callers who arrived in [start, end), newest first; `open` leaves out those called back. */
  list(start: number, end: number, open = false): LostCaller[] {
    return this.s.range
      .all({ center: this.centerCode, start, end })
      .filter((r) => !open || r.byUserId === null)
      .map(toLostCaller);
  }

  /** The caller's full number, for whoever calls back; undefined for a call that is no lost caller. */
  numberOf(callId: string): string | undefined {
    return this.s.one.get({ center: this.centerCode, id: callId })?.caller;
  }

  /** Marks the caller called back by `userId` now; once only. Returns the full number to dial. */
  markCalledBack(callId: string, userId: number): { number: string; caller: LostCaller } {
    return this.db.transaction(() => {
      const row = this.s.one.get({ center: this.centerCode, id: callId });
      if (!row) throw new LostCallerError('not_lost', `call ${callId} is no lost caller of this center`);
      if (row.byUserId !== null) throw new LostCallerError('already_called_back', `call ${callId} was called back by ${row.byWorkNumber ?? row.byUserId}`);
      this.s.mark.run(callId, userId, this.clock.now());
      return {
        number: row.caller,
        caller: toLostCaller(this.s.one.get({ center: this.centerCode, id: callId })!),
      };
    })();
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

function toLostCaller(r: Row): LostCaller {
  return {
    callId: r.callId,
    number: maskNumber(r.caller),
    arrivedAt: iso(r.arrivedAt),
    abandonedAt: iso(r.abandonedAt),
    stage: r.stage,
    waitSec: Math.max(0, Math.round((r.abandonedAt - (r.offeredAt ?? r.arrivedAt)) / 1000)),
    calledBack:
      r.byUserId === null
        ? null
        : {
            userId: r.byUserId,
            workNumber: r.byWorkNumber ?? '',
            displayName: r.byName ?? '',
            at: iso(r.calledBackAt!),
          },
  };
}
