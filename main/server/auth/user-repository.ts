import type { Db } from '../db/database.js';
import { PHONE_ROLES, type AdminUser, type Role, type User } from '../../../shared/api/auth.js';

export interface UserRow {
  id: number;
  work_number: string;
  display_name: string;
  role: Role;
  center_code: string;
  department: string | null;
  password_hash: string;
  active: number;
  created_at: number;
  sip_ha1: string | null;
}

export interface NewUser {
  workNumber: string;
  displayName: string;
  role: Role;
  centerCode: string;
  department: string | null;
  passwordHash: string;
  sipHa1: string;
}

export interface UserChanges {
  displayName?: string | undefined;
  role?: Role | undefined;
  department?: string | null | undefined;
  active?: boolean | undefined;
}

export function toUser(row: UserRow): User {
  return { id: row.id, workNumber: row.work_number, displayName: row.display_name, role: row.role, centerCode: row.center_code, department: row.department };
}

/** `lockedUntil`: when the account's refusal for failed sign-ins ends (epoch ms), if it has one. */
export function toAdminUser(row: UserRow, lockedUntil?: number): AdminUser {
  return {
    ...toUser(row),
    active: row.active === 1,
    createdAt: new Date(row.created_at).toISOString(),
    lockedUntil: lockedUntil === undefined ? null : new Date(lockedUntil).toISOString(),
  };
}

/** Every SQL statement on users, prepared once. */
export class UserRepository {
  private readonly byId;
  private readonly byWorkNumber;
  private readonly byCenter;
  private readonly activeByRoles;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly setPasswordStmt;
  private readonly countStmt;

  constructor(db: Db) {
    this.byId = db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?');
    this.byWorkNumber = db.prepare<[string], UserRow>('SELECT * FROM users WHERE work_number = ?');
    this.byCenter = db.prepare<[string], UserRow>('SELECT * FROM users WHERE center_code = ? ORDER BY work_number');
    this.activeByRoles = db.prepare<[], UserRow>(
      `SELECT * FROM users WHERE active = 1 AND role IN (${PHONE_ROLES.map((r) => `'${r}'`).join(', ')}) ORDER BY work_number`,
    );
    this.insertStmt = db.prepare(
      `INSERT INTO users (work_number, display_name, role, center_code, department, password_hash, sip_ha1, active, created_at, updated_at)
       VALUES (@workNumber, @displayName, @role, @centerCode, @department, @passwordHash, @sipHa1, 1, @now, @now)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE users SET display_name = @displayName, role = @role, department = @department, active = @active, updated_at = @now WHERE id = @id`,
    );
    this.setPasswordStmt = db.prepare('UPDATE users SET password_hash = ?, sip_ha1 = ?, updated_at = ? WHERE id = ?');
    this.countStmt = db.prepare<[], number>('SELECT count(*) FROM users').pluck();
  }

  get(id: number): UserRow | undefined {
    return this.byId.get(id);
  }
  findByWorkNumber(workNumber: string): UserRow | undefined {
    return this.byWorkNumber.get(workNumber);
  }
  listByCenter(centerCode: string): UserRow[] {
    return this.byCenter.all(centerCode);
  }
  /** Active users of the phone roles (agents, team leads): the people who take calls. */
  listActiveAgents(): UserRow[] {
    return this.activeByRoles.all();
  }
  count(): number {
    return this.countStmt.get() ?? 0;
  }
  insert(user: NewUser, now: number): UserRow {
    const id = Number(this.insertStmt.run({ ...user, now }).lastInsertRowid);
    return this.get(id)!;
  }
  update(row: UserRow, changes: UserChanges, now: number): UserRow {
    this.updateStmt.run({
      id: row.id,
      displayName: changes.displayName ?? row.display_name,
      role: changes.role ?? row.role,
      department: changes.department === undefined ? row.department : changes.department,
      active: changes.active === undefined ? row.active : changes.active ? 1 : 0,
      now,
    });
    return this.get(row.id)!;
  }
  setPassword(id: number, passwordHash: string, ha1: string, now: number): void {
    this.setPasswordStmt.run(passwordHash, ha1, now, id);
  }
}
