import type { Db } from '../db/database.js';
import type { Department, DepartmentMember } from '../../../shared/api/departments.js';

export interface DepartmentRow {
  id: number;
  center_code: string;
  code: string;
  name: string;
  leader_user_id: number | null;
  active: 0 | 1;
  phone: string | null;
  created_at: number;
  updated_at: number;
}

interface MemberRow {
  id: number;
  work_number: string;
  display_name: string;
}

const member = (u: MemberRow): DepartmentMember => ({ id: u.id, workNumber: u.work_number, displayName: u.display_name });

/** Departments of a center; handlers are the department_handler users whose department is its name. */
export class DepartmentRepository {
  private readonly listStmt;
  private readonly byId;
  private readonly byName;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly handlersStmt;
  private readonly userStmt;

  constructor(private readonly db: Db) {
    this.listStmt = db.prepare<[string], DepartmentRow>('SELECT * FROM departments WHERE center_code = ? ORDER BY code');
    this.byId = db.prepare<[number], DepartmentRow>('SELECT * FROM departments WHERE id = ?');
    this.byName = db.prepare<{ center: string; key: string }, DepartmentRow>(
      'SELECT * FROM departments WHERE center_code = @center AND (name = @key OR code = @key)',
    );
    this.insertStmt = db.prepare(
      'INSERT INTO departments (center_code, code, name, leader_user_id, phone, active, created_at, updated_at) VALUES (@center_code, @code, @name, @leader_user_id, @phone, 1, @now, @now)',
    );
    this.updateStmt = db.prepare(
      'UPDATE departments SET name = @name, leader_user_id = @leader_user_id, active = @active, phone = @phone, updated_at = @now WHERE id = @id',
    );
    this.handlersStmt = db.prepare<[string, string], MemberRow>(
      "SELECT id, work_number, display_name FROM users WHERE center_code = ? AND department = ? AND role = 'department_handler' AND active = 1 ORDER BY work_number",
    );
    this.userStmt = db.prepare<[number], MemberRow>('SELECT id, work_number, display_name FROM users WHERE id = ?');
  }

  list(centerCode: string): DepartmentRow[] {
    return this.listStmt.all(centerCode);
  }

  get(id: number): DepartmentRow | undefined {
    return this.byId.get(id);
  }

  /** By name or by code: the desk sends either. */
  find(centerCode: string, nameOrCode: string): DepartmentRow | undefined {
    return this.byName.get({ center: centerCode, key: nameOrCode });
  }

  insert(row: Pick<DepartmentRow, 'center_code' | 'code' | 'name' | 'leader_user_id'> & { phone?: string | null }, now: number): DepartmentRow {
    const id = Number(this.insertStmt.run({ ...row, phone: row.phone ?? null, now }).lastInsertRowid);
    return this.get(id)!;
  }

  /** A rename carries its handlers and its open orders along: both name the department. */
  update(row: DepartmentRow, changes: Partial<Pick<DepartmentRow, 'name' | 'leader_user_id' | 'active' | 'phone'>>, now: number): DepartmentRow {
    const next = { ...row, ...changes };
    this.updateStmt.run({ id: row.id, name: next.name, leader_user_id: next.leader_user_id, active: next.active, phone: next.phone, now });
    if (next.name !== row.name) {
      this.db.prepare('UPDATE users SET department = ? WHERE center_code = ? AND department = ?').run(next.name, row.center_code, row.name);
      this.db.prepare('UPDATE work_orders SET department = ? WHERE center_code = ? AND department = ?').run(next.name, row.center_code, row.name);
    }
    return this.get(row.id)!;
  }

  /** Puts these users in the department (as its handlers); the department's other handlers leave it. */
  setHandlers(row: DepartmentRow, userIds: readonly number[]): void {
    this.db
      .prepare(
        `UPDATE users SET department = NULL WHERE center_code = ? AND department = ? AND role = 'department_handler' AND id NOT IN (SELECT value FROM json_each(?))`,
      )
      .run(row.center_code, row.name, JSON.stringify(userIds));
    const put = this.db.prepare('UPDATE users SET department = ? WHERE id = ?');
    for (const id of userIds) put.run(row.name, id);
  }

  view(row: DepartmentRow): Department {
    const leader = row.leader_user_id === null ? undefined : this.userStmt.get(row.leader_user_id);
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      active: row.active === 1,
      leader: leader ? member(leader) : null,
      handlers: this.handlersStmt.all(row.center_code, row.name).map(member),
      phone: row.phone,
    };
  }
}
