import { resolve, sep } from 'node:path';
import type { Db } from '../db/database.js';
import { endOfLocalDay, startOfLocalDay } from '../../../shared/time/zoned.js';
import { maskPhone, type CallSearchQuery, type RecordedCall } from '../../../shared/api/recordings.js';

interface CallRow {
  id: string;
  arrived_at: number;
  answered_at: number | null;
  talk_ended_at: number | null;
  ended_at: number | null;
  direction: 'inbound' | 'outbound';
  caller: string;
  callee: string;
  recording_file: string | null;
  work_number: string | null;
  display_name: string | null;
  segments: number;
  work_orders: string | null;
}

/**
 * The center's calls as quality checking looks for them (dates, the caller's number, the agent's
 * work number), and where a call's recording segments are. A segment's file must lie under the
 * recordings folder: a row naming anything else is not served.
 */
export class RecordedCalls {
  constructor(
    private readonly db: Db,
    private readonly centerCode: string,
    private readonly timeZone: string,
    private readonly recordingsDir: string,
  ) {}

  search(q: CallSearchQuery): RecordedCall[] {
    const from = startOfLocalDay(q.from, this.timeZone);
    const to = endOfLocalDay(q.to, this.timeZone);
    const where = ['c.center_code = ?', 'c.arrived_at >= ?', 'c.arrived_at <= ?'];
    const args: (string | number)[] = [this.centerCode, from, to];
    // The citizen's number: the caller of an inbound call, the callee of a follow-up call.
    if (q.caller) {
      where.push("(CASE c.direction WHEN 'inbound' THEN c.caller ELSE c.callee END) LIKE ?");
      args.push(`%${q.caller}%`);
    }
    // Any agent who had the call (a transferred call has several), not only the first.
    if (q.agent) {
      where.push(
        '(u.work_number = ? OR EXISTS (SELECT 1 FROM call_agent_turns t JOIN users tu ON tu.id = t.agent_id WHERE t.call_id = c.id AND tu.work_number = ?))',
      );
      args.push(q.agent, q.agent);
    }
    const rows = this.db
      .prepare(
        `SELECT c.id, c.arrived_at, c.answered_at, c.talk_ended_at, c.ended_at, c.direction, c.caller, c.callee, c.recording_file,
                u.work_number, u.display_name,
                (c.recording_file IS NOT NULL) + (SELECT COUNT(*) FROM call_events e WHERE e.call_id = c.id AND e.kind = 'recording_segment') AS segments,
                (SELECT group_concat(w.id) FROM (SELECT id FROM work_orders WHERE call_id = c.id ORDER BY id) w) AS work_orders
         FROM calls c LEFT JOIN users u ON u.id = c.agent_id
         WHERE ${where.join(' AND ')} ORDER BY c.arrived_at DESC LIMIT ?`,
      )
      .all(...args, q.limit) as CallRow[];
    return rows.map((r) => ({
      id: r.id,
      arrivedAt: new Date(r.arrived_at).toISOString(),
      answeredAt: r.answered_at === null ? null : new Date(r.answered_at).toISOString(),
      endedAt: r.ended_at === null ? null : new Date(r.ended_at).toISOString(),
      direction: r.direction,
      callerMasked: maskPhone(r.direction === 'inbound' ? r.caller : r.callee),
      agentWorkNumber: r.work_number,
      agentName: r.display_name,
      talkSeconds: r.answered_at === null ? null : Math.round(((r.talk_ended_at ?? r.ended_at ?? r.answered_at) - r.answered_at) / 1000),
      segments: r.segments,
      workOrderIds: r.work_orders ? r.work_orders.split(',').map(Number) : [],
    }));
  }

  /** undefined: no such call in this center; otherwise its segment files, first to last (maybe none). */
  segmentsOf(callId: string): string[] | undefined {
    const call = this.db.prepare('SELECT recording_file FROM calls WHERE id = ? AND center_code = ?').get(callId, this.centerCode) as
      { recording_file: string | null } | undefined;
    if (!call) return undefined;
    if (call.recording_file === null) return [];
    const later = (
      this.db.prepare("SELECT data FROM call_events WHERE call_id = ? AND kind = 'recording_segment' ORDER BY at, id").pluck().all(callId) as string[]
    )
      .map((d) => JSON.parse(d) as { file: string; segment: number })
      .sort((a, b) => a.segment - b.segment)
      .map((d) => d.file);
    return [call.recording_file, ...later].filter((f) => this.inside(f));
  }

  private inside(file: string): boolean {
    return resolve(file).startsWith(resolve(this.recordingsDir) + sep);
  }
}
