// Reads for attendance: the center's agents and teams, shift rules, and each agent's state log.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database.js';
import type { ShiftRule } from '../../../shared/metrics/shifts.js';
import type { StateChange } from '../../../shared/metrics/attendance.js';

export interface AttendanceAgentRow {
  agentId: number;
  workNumber: string;
  displayName: string;
  team: string | null;
}

export class AttendanceRepository {
  private readonly agents: Statement<[string, number, number], AttendanceAgentRow>;
  private readonly shifts: Statement<[string], ShiftRule>;
  private readonly lastBefore: Statement<[number, number], StateChange>;
  private readonly changes: Statement<[number, number, number], StateChange>;

  constructor(db: Db) {
    // Active agents, and inactive ones who still worked in the range (their history stays).
    this.agents = db.prepare(`
      SELECT u.id AS agentId, u.work_number AS workNumber, u.display_name AS displayName, t.team AS team
      FROM users u LEFT JOIN agent_teams t ON t.agent_id = u.id
      WHERE u.center_code = ? AND u.role = 'agent'
        AND (u.active = 1 OR EXISTS (SELECT 1 FROM agent_state_log l WHERE l.agent_id = u.id AND l.at >= ? AND l.at < ?))
      ORDER BY u.work_number`);
    this.shifts = db.prepare(`
      SELECT agent_id AS agentId, team, weekday, date, start_time AS startTime, end_time AS endTime
      FROM shifts WHERE center_code = ? ORDER BY id DESC`);
    // Both use the index agent_state_by_agent (agent_id, at) of migration 8.
    this.lastBefore = db.prepare('SELECT state, reason, at FROM agent_state_log WHERE agent_id = ? AND at < ? ORDER BY at DESC, id DESC LIMIT 1');
    this.changes = db.prepare('SELECT state, reason, at FROM agent_state_log WHERE agent_id = ? AND at >= ? AND at < ? ORDER BY at, id');
  }

  listAgents(centerCode: string, start: number, end: number): AttendanceAgentRow[] {
    return this.agents.all(centerCode, start, end);
  }

  /** Newest first, so that among equally specific rules the latest one wins. */
  listShiftRules(centerCode: string): ShiftRule[] {
    return this.shifts.all(centerCode);
  }

  stateBefore(agentId: number, at: number): StateChange | undefined {
    return this.lastBefore.get(agentId, at);
  }

  stateChanges(agentId: number, start: number, end: number): StateChange[] {
    return this.changes.all(agentId, start, end);
  }
}
