import type { Db } from '../db/database.js';
import type { CallNoteCategory } from '../../../shared/call-notes/restatement.js';

export interface CallNoteRow {
  id: number;
  center_code: string;
  call_id: string | null;
  agent_id: number;
  category: CallNoteCategory;
  topic: string;
  description: string;
  caller_name: string | null;
  caller_number: string | null;
  callback_number: string | null;
  answered_on_call: 0 | 1 | null;
  restatement: string;
  confirmed_at: number;
  work_order_id: number | null;
  created_at: number;
  work_order_due_at: number | null;
  work_order_due_provisional: 0 | 1 | null;
}

export type NewCallNote = Omit<CallNoteRow, 'id' | 'work_order_due_at' | 'work_order_due_provisional'>;

const SELECT = `SELECT call_notes.*, work_orders.due_at AS work_order_due_at, work_orders.due_provisional AS work_order_due_provisional
  FROM call_notes LEFT JOIN work_orders ON work_orders.id = call_notes.work_order_id`;

export class CallNoteRepository {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly byCallStmt;
  private readonly byAgentStmt;
  private readonly byCallOfAgentStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO call_notes (center_code, call_id, agent_id, category, topic, description, caller_name, caller_number, callback_number, answered_on_call, restatement, confirmed_at, work_order_id, created_at)
       VALUES (@center_code, @call_id, @agent_id, @category, @topic, @description, @caller_name, @caller_number, @callback_number, @answered_on_call, @restatement, @confirmed_at, @work_order_id, @created_at)`,
    );
    this.getStmt = db.prepare<[number], CallNoteRow>(`${SELECT} WHERE call_notes.id = ?`);
    this.byCallStmt = db.prepare<[string, string, number], CallNoteRow>(
      `${SELECT} WHERE call_notes.center_code = ? AND call_notes.call_id = ? ORDER BY call_notes.id DESC LIMIT ?`,
    );
    this.byCallOfAgentStmt = db.prepare<[string, string, number, number], CallNoteRow>(
      `${SELECT} WHERE call_notes.center_code = ? AND call_notes.call_id = ? AND call_notes.agent_id = ? ORDER BY call_notes.id DESC LIMIT ?`,
    );
    this.byAgentStmt = db.prepare<[string, number, number], CallNoteRow>(
      `${SELECT} WHERE call_notes.center_code = ? AND call_notes.agent_id = ? ORDER BY call_notes.id DESC LIMIT ?`,
    );
  }

  insert(note: NewCallNote): number {
    return Number(this.insertStmt.run(note).lastInsertRowid);
  }
  get(id: number): CallNoteRow | undefined {
    return this.getStmt.get(id);
  }
  byCall(centerCode: string, callId: string, limit: number): CallNoteRow[] {
    return this.byCallStmt.all(centerCode, callId, limit);
  }
  byCallOfAgent(centerCode: string, callId: string, agentId: number, limit: number): CallNoteRow[] {
    return this.byCallOfAgentStmt.all(centerCode, callId, agentId, limit);
  }
  byAgent(centerCode: string, agentId: number, limit: number): CallNoteRow[] {
    return this.byAgentStmt.all(centerCode, agentId, limit);
  }
}
