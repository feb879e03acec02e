import type { Db } from '../db/database.js';
import type { WrapUpCode, WrapUpReportResponse } from '../../../shared/api/wrap-up.js';

interface CodeRow {
  id: number;
  code: string;
  label: string;
  active: number;
  sort_order: number;
}
const toCode = (r: CodeRow): WrapUpCode => ({ id: r.id, code: r.code, label: r.label, active: r.active === 1, sortOrder: r.sort_order });

/** The center's wrap-up codes, its setting, and the code each agent gave each call. */
export class WrapUpRepository {
  constructor(
    private readonly db: Db,
    private readonly centerCode: string,
  ) {}

  codes(activeOnly: boolean): WrapUpCode[] {
    const rows = this.db
      .prepare(
        `SELECT id, code, label, active, sort_order FROM wrap_up_codes WHERE center_code = ? ${activeOnly ? 'AND active = 1' : ''} ORDER BY sort_order, id`,
      )
      .all(this.centerCode) as CodeRow[];
    return rows.map(toCode);
  }

  code(id: number): WrapUpCode | undefined {
    const row = this.db.prepare('SELECT id, code, label, active, sort_order FROM wrap_up_codes WHERE id = ? AND center_code = ?').get(id, this.centerCode) as
      CodeRow | undefined;
    return row && toCode(row);
  }

  /** Undefined when the code is taken. */
  create(input: { code: string; label: string; sortOrder: number }, now: number): WrapUpCode | undefined {
    const taken = this.db.prepare('SELECT 1 FROM wrap_up_codes WHERE center_code = ? AND code = ?').get(this.centerCode, input.code);
    if (taken) return undefined;
    const id = this.db
      .prepare('INSERT INTO wrap_up_codes (center_code, code, label, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(this.centerCode, input.code, input.label, input.sortOrder, now, now).lastInsertRowid;
    return this.code(Number(id));
  }

  update(id: number, patch: { label?: string | undefined; active?: boolean | undefined; sortOrder?: number | undefined }, now: number): WrapUpCode | undefined {
    const current = this.code(id);
    if (!current) return undefined;
    this.db
      .prepare('UPDATE wrap_up_codes SET label = ?, active = ?, sort_order = ?, updated_at = ? WHERE id = ?')
      .run(patch.label ?? current.label, (patch.active ?? current.active) ? 1 : 0, patch.sortOrder ?? current.sortOrder, now, id);
    return this.code(id);
  }

  required(): boolean {
    return (this.db.prepare('SELECT required FROM wrap_up_settings WHERE center_code = ?').pluck().get(this.centerCode) as number | undefined) === 1;
  }

  setRequired(required: boolean, now: number): void {
    this.db
      .prepare(
        'INSERT INTO wrap_up_settings (center_code, required, updated_at) VALUES (?, ?, ?) ON CONFLICT (center_code) DO UPDATE SET required = excluded.required, updated_at = excluded.updated_at',
      )
      .run(this.centerCode, required ? 1 : 0, now);
  }

  /** Whether the agent took part in the call (answered, was handed it, consulted, or placed it). */
  tookPart(callId: string, agentId: number): boolean {
    return !!this.db.prepare('SELECT 1 FROM call_agent_turns WHERE call_id = ? AND agent_id = ? LIMIT 1').get(callId, agentId);
  }

  record(callId: string, agentId: number, codeId: number, now: number): void {
    this.db
      .prepare(
        'INSERT INTO call_wrap_ups (call_id, agent_id, code_id, at) VALUES (?, ?, ?, ?) ON CONFLICT (call_id, agent_id) DO UPDATE SET code_id = excluded.code_id, at = excluded.at',
      )
      .run(callId, agentId, codeId, now);
  }

  hasWrapUp(callId: string, agentId: number): boolean {
    return !!this.db.prepare('SELECT 1 FROM call_wrap_ups WHERE call_id = ? AND agent_id = ?').get(callId, agentId);
  }

  /** Calls coded between from and to (ms), per agent and code, and per code. */
  report(from: number, to: number): Pick<WrapUpReportResponse, 'rows' | 'byCode'> {
    const rows = this.db
      .prepare(
        `SELECT w.agent_id AS agentId, u.work_number AS workNumber, u.display_name AS displayName, c.id AS codeId, c.code, c.label, count(*) AS calls
         FROM call_wrap_ups w JOIN wrap_up_codes c ON c.id = w.code_id JOIN users u ON u.id = w.agent_id
         WHERE c.center_code = ? AND w.at >= ? AND w.at < ?
         GROUP BY w.agent_id, c.id ORDER BY u.work_number, c.sort_order, c.id`,
      )
      .all(this.centerCode, from, to) as WrapUpReportResponse['rows'];
    const byCode = new Map<number, WrapUpReportResponse['byCode'][number]>();
    for (const r of rows) {
      const entry = byCode.get(r.codeId) ?? { codeId: r.codeId, code: r.code, label: r.label, calls: 0 };
      entry.calls += r.calls;
      byCode.set(r.codeId, entry);
    }
    return { rows, byCode: [...byCode.values()] };
  }
}
