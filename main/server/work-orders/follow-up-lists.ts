// Reminder-call lists (回访 as work, issue 11 §5): a lead creates and assigns, agents call and
// record each attempt, and a number is marked done with who and when. Tables: migration 18.
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { AuditService } from '../audit/audit-service.js';
import { assertCenter, type Principal } from '../auth/principal.js';
import { HttpError } from '../http/http-app.js';
import type {
  createFollowUpListRequestSchema,
  AssignEntriesRequest,
  FollowUpEntry,
  FollowUpListDetail,
  FollowUpListSummary,
  FollowUpReason,
  MarkDoneRequest,
  MyFollowUpsResponse,
  RecordAttemptRequest,
  AttemptOutcome,
} from '../../../shared/api/follow-up-lists.js';
import type { z } from 'zod';

type CreateRequest = z.output<typeof createFollowUpListRequestSchema>;

interface ListRow {
  id: number;
  title: string;
  reason: FollowUpReason;
  script: string;
  created_by: string;
  created_at: number;
  total: number;
  assigned: number;
  done: number;
}
interface EntryRow {
  id: number;
  list_id: number;
  number: string;
  name: string | null;
  assignee: number | null;
  assignee_number: string | null;
  assigned_at: number | null;
  done_at: number | null;
  done_by_number: string | null;
  result: string | null;
}
interface AttemptRow {
  entry_id: number;
  call_id: string;
  at: number;
  agent_number: string;
  outcome: AttemptOutcome;
  note: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const LEADS = new Set(['team_lead', 'center_admin']);

export function createFollowUpLists(db: Db, clock: Clock, audit: AuditService, centerCode: string) {
  const listSelect = `SELECT l.id, l.title, l.reason, l.script, u.work_number AS created_by, l.created_at,
      (SELECT COUNT(*) FROM follow_up_list_entries e WHERE e.list_id = l.id) AS total,
      (SELECT COUNT(*) FROM follow_up_list_entries e WHERE e.list_id = l.id AND e.assignee IS NOT NULL) AS assigned,
      (SELECT COUNT(*) FROM follow_up_list_entries e WHERE e.list_id = l.id AND e.done_at IS NOT NULL) AS done
    FROM follow_up_lists l JOIN users u ON u.id = l.created_by`;
  const entrySelect = `SELECT e.id, e.list_id, e.number, e.name, e.assignee, a.work_number AS assignee_number, e.assigned_at, e.done_at, d.work_number AS done_by_number, e.result
    FROM follow_up_list_entries e LEFT JOIN users a ON a.id = e.assignee LEFT JOIN users d ON d.id = e.done_by`;
  const s = {
    insertList: db.prepare('INSERT INTO follow_up_lists (center_code, title, reason, script, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    insertEntry: db.prepare('INSERT INTO follow_up_list_entries (list_id, number, name, assignee, assigned_at) VALUES (?, ?, ?, ?, ?)'),
    lists: db.prepare<[string], ListRow>(`${listSelect} WHERE l.center_code = ? ORDER BY l.created_at DESC, l.id DESC LIMIT 200`),
    list: db.prepare<[number, string], ListRow>(`${listSelect} WHERE l.id = ? AND l.center_code = ?`),
    entriesOf: db.prepare<[number], EntryRow>(`${entrySelect} WHERE e.list_id = ? ORDER BY e.id`),
    entry: db.prepare<[number], EntryRow & { center_code: string }>(
      `SELECT x.*, l.center_code FROM (${entrySelect}) x JOIN follow_up_lists l ON l.id = x.list_id WHERE x.id = ?`,
    ),
    mine: db.prepare<[number], EntryRow & { title: string; script: string; reason: FollowUpReason }>(
      `SELECT x.*, l.title, l.script, l.reason FROM (${entrySelect} WHERE e.assignee = ?) x JOIN follow_up_lists l ON l.id = x.list_id
       ORDER BY x.done_at IS NOT NULL, x.done_at DESC, x.id LIMIT 500`,
    ),
    attemptsOf: db.prepare<[string], AttemptRow>(
      `SELECT t.entry_id, t.call_id, t.at, u.work_number AS agent_number, t.outcome, t.note FROM follow_up_attempts t JOIN users u ON u.id = t.agent_id
       WHERE t.entry_id IN (SELECT value FROM json_each(?)) ORDER BY t.at, t.id`,
    ),
    agent: db.prepare<[string, string], { id: number }>("SELECT id FROM users WHERE work_number = ? AND center_code = ? AND role = 'agent' AND active = 1"),
    assign: db.prepare('UPDATE follow_up_list_entries SET assignee = ?, assigned_at = ? WHERE id = ? AND done_at IS NULL'),
    unassigned: db
      .prepare<[number], number>('SELECT id FROM follow_up_list_entries WHERE list_id = ? AND assignee IS NULL AND done_at IS NULL ORDER BY id')
      .pluck(),
    call: db.prepare<[string], { caller: string; callee: string; direction: string; center_code: string; answered_at: number | null; arrived_at: number }>(
      'SELECT caller, callee, direction, center_code, answered_at, arrived_at FROM calls WHERE id = ?',
    ),
    callUsed: db.prepare<[string], number>('SELECT COUNT(*) FROM follow_up_attempts WHERE call_id = ?').pluck(),
    insertAttempt: db.prepare('INSERT INTO follow_up_attempts (entry_id, call_id, agent_id, at, outcome, note) VALUES (?, ?, ?, ?, ?, ?)'),
    attemptCount: db.prepare<[number], number>('SELECT COUNT(*) FROM follow_up_attempts WHERE entry_id = ?').pluck(),
    done: db.prepare('UPDATE follow_up_list_entries SET done_at = ?, done_by = ?, result = ? WHERE id = ? AND done_at IS NULL'),
  };

  const summary = (r: ListRow): FollowUpListSummary => ({
    id: r.id,
    title: r.title,
    reason: r.reason,
    script: r.script,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
    total: r.total,
    assigned: r.assigned,
    done: r.done,
  });
  const entries = (rows: EntryRow[]): FollowUpEntry[] => {
    const attempts = s.attemptsOf.all(JSON.stringify(rows.map((r) => r.id)));
    return rows.map((r) => ({
      id: r.id,
      listId: r.list_id,
      number: r.number,
      name: r.name,
      assignee: r.assignee_number,
      assignedAt: r.assigned_at === null ? null : iso(r.assigned_at),
      done: r.done_at === null ? null : { at: iso(r.done_at), by: r.done_by_number!, result: r.result },
      attempts: attempts
        .filter((a) => a.entry_id === r.id)
        .map((a) => ({ callId: a.call_id, at: iso(a.at), agentWorkNumber: a.agent_number, outcome: a.outcome, note: a.note })),
    }));
  };
  const agentId = (workNumber: string): number => {
    const row = s.agent.get(workNumber, centerCode);
    if (!row) throw new HttpError(400, 'unknown_agent', `${workNumber} is not an active agent of this center`, { field: 'agent' });
    return row.id;
  };
  const detail = (id: number): FollowUpListDetail => {
    const row = s.list.get(id, centerCode);
    if (!row) throw new HttpError(404, 'not_found', `no follow-up list ${id}`);
    return { ...summary(row), entries: entries(s.entriesOf.all(id)) };
  };
  /** The entry, for its assignee (agents) or any lead of the center; another agent's is a 403. */
  const entryFor = (principal: Principal, id: number) => {
    const row = s.entry.get(id);
    if (!row || row.center_code !== centerCode) throw new HttpError(404, 'not_found', `no follow-up entry ${id}`);
    if (!LEADS.has(principal.role) && row.assignee !== principal.userId)
      throw new HttpError(403, 'not_your_entry', `entry ${id} is assigned to ${row.assignee_number ?? 'nobody'}`);
    return row;
  };
  const one = (id: number) => entries([s.entry.get(id)!])[0]!;

  return {
    create(principal: Principal, body: CreateRequest): FollowUpListDetail {
      assertCenter(principal, centerCode);
      const agents = (body.assignTo ?? []).map(agentId);
      const now = clock.now();
      const id = db.transaction(() => {
        const listId = Number(s.insertList.run(centerCode, body.title, body.reason, body.script, principal.userId, now).lastInsertRowid);
        body.entries.forEach((e, i) => {
          const agent = agents.length ? agents[i % agents.length]! : null;
          s.insertEntry.run(listId, e.number, e.name ?? null, agent, agent === null ? null : now);
        });
        audit.record({
          actorUserId: principal.userId,
          action: 'follow_up_list.create',
          entityType: 'follow_up_list',
          entityId: listId,
          detail: { title: body.title, reason: body.reason, entries: body.entries.length, assignTo: body.assignTo ?? [] },
        });
        return listId;
      })();
      return detail(id);
    },

    lists(principal: Principal): FollowUpListSummary[] {
      assertCenter(principal, centerCode);
      return s.lists.all(centerCode).map(summary);
    },

    get(principal: Principal, id: number): FollowUpListDetail {
      assertCenter(principal, centerCode);
      return detail(id);
    },

    /** Gives numbers to an agent (again: a lead may move an undone number to someone else). */
    assign(principal: Principal, listId: number, body: AssignEntriesRequest): FollowUpListDetail {
      assertCenter(principal, centerCode);
      const list = detail(listId);
      const agent = agentId(body.agent);
      const ids = body.entryIds ?? s.unassigned.all(listId);
      const foreign = ids.filter((id) => !list.entries.some((e) => e.id === id));
      if (foreign.length) throw new HttpError(400, 'unknown_entry', `entries ${foreign.join(', ')} are not on list ${listId}`, { field: 'entryIds' });
      const now = clock.now();
      db.transaction(() => {
        for (const id of ids) s.assign.run(agent, now, id);
        audit.record({
          actorUserId: principal.userId,
          action: 'follow_up_list.assign',
          entityType: 'follow_up_list',
          entityId: listId,
          detail: { agent: body.agent, entries: ids.length },
        });
      })();
      return detail(listId);
    },

    mine(principal: Principal): MyFollowUpsResponse {
      assertCenter(principal, centerCode);
      const rows = s.mine.all(principal.userId);
      const list = entries(rows);
      return { entries: list.map((e, i) => ({ ...e, listTitle: rows[i]!.title, script: rows[i]!.script, reason: rows[i]!.reason })) };
    },

    /** One call to the entry's number: a follow-up call this agent placed to it, each call once. */
    recordAttempt(principal: Principal, entryId: number, body: RecordAttemptRequest): FollowUpEntry {
      const entry = entryFor(principal, entryId);
      if (entry.done_at !== null) throw new HttpError(409, 'entry_done', `entry ${entryId} is done`);
      const call = s.call.get(body.callId);
      if (!call || call.center_code !== centerCode || call.direction !== 'outbound' || call.caller !== principal.workNumber || call.callee !== entry.number) {
        throw new HttpError(400, 'not_this_call', `call ${body.callId} is not your follow-up call to ${entry.number}`, { field: 'callId' });
      }
      if (s.callUsed.get(body.callId)) throw new HttpError(409, 'attempt_recorded', `call ${body.callId} is already recorded`);
      // The call record knows whether anyone answered; the agent says what came of it.
      if ((body.outcome === 'answered') !== (call.answered_at !== null) && body.outcome !== 'wrong_number') {
        throw new HttpError(400, 'outcome_mismatch', `call ${body.callId} was ${call.answered_at === null ? 'not ' : ''}answered`, { field: 'outcome' });
      }
      const now = clock.now();
      db.transaction(() => {
        s.insertAttempt.run(entryId, body.callId, principal.userId, now, body.outcome, body.note ?? null);
        audit.record({
          actorUserId: principal.userId,
          action: 'follow_up_list.attempt',
          entityType: 'follow_up_entry',
          entityId: entryId,
          callId: body.callId,
          detail: { outcome: body.outcome },
        });
      })();
      return one(entryId);
    },

    markDone(principal: Principal, entryId: number, body: MarkDoneRequest): FollowUpEntry {
      const entry = entryFor(principal, entryId);
      if (entry.done_at !== null) throw new HttpError(409, 'entry_done', `entry ${entryId} was done by ${entry.done_by_number} at ${iso(entry.done_at)}`);
      if (!LEADS.has(principal.role) && s.attemptCount.get(entryId) === 0)
        throw new HttpError(409, 'no_attempt', `call ${entry.number} before marking it done`);
      const now = clock.now();
      db.transaction(() => {
        if (s.done.run(now, principal.userId, body.result, entryId).changes !== 1) throw new HttpError(409, 'entry_done', `entry ${entryId} is done`);
        audit.record({
          actorUserId: principal.userId,
          action: 'follow_up_list.done',
          entityType: 'follow_up_entry',
          entityId: entryId,
          detail: { result: body.result },
        });
      })();
      return one(entryId);
    },
  };
}

export type FollowUpLists = ReturnType<typeof createFollowUpLists>;
