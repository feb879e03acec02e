import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import { CallRecord, CallRecordStatements, type ArrivedCall } from './call-record.js';

export * from './call-record.js';

/** server_meta key: the last instant the server was known to be running (the heartbeat). */
const ALIVE_KEY = 'alive_at';

export interface RecoveryResult {
  /** Calls a crash left open, now closed. */
  calls: number;
}

/**
 * The calls table of this center: opens a CallRecord per new call (owned by that call's object)
 * and, at start, closes what a crash left open. Between the two it only keeps a heartbeat, so that
 * a crash's cut can be dated.
 */
export class CallRecords {
  private readonly st: CallRecordStatements;
  private readonly s: Record<string, Statement>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly centerCode: string,
    /** After-call work is over by this limit at the latest (for ACW cut by a crash). */
    private readonly acwLimitMs = 30_000,
  ) {
    this.st = new CallRecordStatements(db);
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      openCalls: p(`SELECT c.id, c.arrived_at AS arrivedAt, c.answered_at AS answeredAt, c.talk_ended_at AS talkEndedAt, c.offered_to_agent AS offered,
                           (SELECT MAX(at) FROM call_events e WHERE e.call_id = c.id) AS lastEventAt,
                           EXISTS (SELECT 1 FROM call_ring_attempts r WHERE r.call_id = c.id AND r.ended_at IS NULL) AS ringing
                    FROM calls c WHERE c.ended_at IS NULL AND c.center_code = ?`),
      openAcw: p(`SELECT t.id, t.call_id AS callId, t.acw_started_at AS startedAt FROM call_agent_turns t JOIN calls c ON c.id = t.call_id
                  WHERE c.center_code = ? AND t.acw_started_at IS NOT NULL AND t.acw_ended_at IS NULL`),
      alive: p('SELECT value FROM server_meta WHERE key = ?').pluck(),
      setAlive: p('INSERT INTO server_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
  }

  /** A new call's row; the returned writer is the only one for that call. */
  arrive(call: ArrivedCall): CallRecord {
    return CallRecord.arrive(this.st, this.clock, this.centerCode, call);
  }

  /** The writer of a call a crash left open (recovery) or of a call owned elsewhere in a test. */
  existing(callId: string): CallRecord {
    return new CallRecord(this.st, this.clock, callId);
  }

  /** Written every few seconds while the server runs: a crash's calls are cut at the last beat. */
  heartbeat(): void {
    this.s.setAlive!.run(ALIVE_KEY, String(this.clock.now()));
  }

  /**
   * At server start: every call still open was cut by a crash. Each is closed at the cut (its
   * last event, or the last heartbeat after it) with hang-up side 'system' and `reason`: cut in
   * the IVR, queue or while ringing it counts as abandoned there; cut while talking it keeps its
   * answer and its talk up to the cut; after-call work cut short ends at the cut (at most the
   * ACW limit). So no fault flatters the figures.
   */
  recoverAfterRestart(reason = 'server_restart'): RecoveryResult {
    return this.db.transaction(() => {
      const aliveRaw = this.s.alive!.get(ALIVE_KEY) as string | undefined;
      const alive = aliveRaw === undefined ? null : Number(aliveRaw);
      const open = this.s.openCalls!.all(this.centerCode) as {
        id: string;
        arrivedAt: number;
        answeredAt: number | null;
        talkEndedAt: number | null;
        offered: number;
        lastEventAt: number | null;
        ringing: number;
      }[];
      const cutOf = (from: number) => Math.max(from, alive ?? from);
      for (const call of open) {
        const cut = cutOf(call.lastEventAt ?? call.arrivedAt);
        const rec = new CallRecord(this.st, { now: () => cut }, call.id);
        if (call.answeredAt === null) rec.abandoned(call.offered ? (call.ringing ? 'ringing' : 'queue') : 'ivr');
        else if (call.talkEndedAt === null) rec.talkEnded();
        this.db
          .prepare('UPDATE call_agent_turns SET ended_at = ?, end_reason = ? WHERE call_id = ? AND ended_at IS NULL AND started_at <= ?')
          .run(cut, reason, call.id, cut);
        rec.hungUp('system');
        rec.ended(reason);
      }
      for (const acw of this.s.openAcw!.all(this.centerCode) as { id: number; callId: string; startedAt: number }[]) {
        const end = Math.min(Math.max(cutOf(acw.startedAt), acw.startedAt), acw.startedAt + this.acwLimitMs);
        this.db.prepare('UPDATE call_agent_turns SET acw_ended_at = ? WHERE id = ?').run(end, acw.id);
        this.db.prepare('UPDATE calls SET acw_ms = acw_ms + ?, acw_count = acw_count + 1 WHERE id = ?').run(end - acw.startedAt, acw.callId);
      }
      return { calls: open.length };
    })();
  }
}
