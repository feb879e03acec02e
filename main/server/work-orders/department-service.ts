import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { AuditService } from '../audit/audit-service.js';
import type { Principal } from '../auth/principal.js';
import { assertCenter } from '../auth/principal.js';
import { HttpError } from '../http/http-app.js';
import type { CreateDepartmentRequest, Department, UpdateDepartmentRequest } from '../../../shared/api/departments.js';
import { DepartmentRepository, type DepartmentRow } from './department-repository.js';
import { checkDialledNumber, type DialPlan } from '../../../shared/sip/dial-plan.js';

/** Registered as ctx.services.get(SERVICES.departments). */
export type DepartmentService = ReturnType<typeof createDepartmentService>;

/** The demo center's departments (--demo): 3001 handles loans, 3002 the fund; 3101 leads both. */
export const DEMO_DEPARTMENTS = [
  { code: 'loan', name: '贷款科', leader: '3101', handlers: ['3001'] },
  { code: 'fund', name: '归集科', leader: '3101', handlers: ['3002'] },
] as const;

export function createDepartmentService(db: Db, clock: Clock, audit: AuditService, centerCode: string, dialPlan?: DialPlan) {
  const repo = new DepartmentRepository(db);
  const userStmt = db.prepare<[string], { id: number; role: string; center_code: string }>('SELECT id, role, center_code FROM users WHERE work_number = ?');

  /** A work number of this center with one of these roles, or a 400 naming the field. */
  const userId = (workNumber: string, roles: readonly string[], field: string): number => {
    const user = userStmt.get(workNumber);
    if (!user || user.center_code !== centerCode) throw new HttpError(400, 'unknown_user', `no user ${workNumber} in this center`, { field, workNumber });
    if (!roles.includes(user.role))
      throw new HttpError(400, 'wrong_role', `user ${workNumber} is a ${user.role}, not a ${roles.join(' or ')}`, { field, workNumber });
    return user.id;
  };
  const leaderId = (workNumber: string | null | undefined) => (workNumber ? userId(workNumber, ['department_leader'], 'leaderWorkNumber') : null);
  const handlerIds = (workNumbers: readonly string[]) => workNumbers.map((n) => userId(n, ['department_handler'], 'handlerWorkNumbers'));

  /** A department's extension goes out through the trunk: the dial plan that binds agents binds it too. */
  const phoneOk = (phone: string | null | undefined): string | null => {
    if (!phone) return null;
    const verdict = dialPlan ? checkDialledNumber(dialPlan, phone) : undefined;
    if (verdict && !verdict.allowed)
      throw new HttpError(400, 'phone_not_in_dial_plan', `${phone} is a ${verdict.reason} number, not in the dial plan`, {
        field: 'phone',
        reason: verdict.reason,
      });
    return phone;
  };

  const load = (principal: Principal, id: number): DepartmentRow => {
    const row = repo.get(id);
    if (!row) throw new HttpError(404, 'not_found', `no department ${id}`);
    assertCenter(principal, row.center_code);
    return row;
  };

  const unique = (name: string | undefined, code: string | undefined, except?: number) => {
    for (const key of [name, code]) {
      const clash = key ? repo.find(centerCode, key) : undefined;
      if (clash && clash.id !== except)
        throw new HttpError(409, 'department_exists', `a department named or coded ${key} exists`, { field: key === name ? 'name' : 'code' });
    }
  };

  return {
    list(principal: Principal): Department[] {
      assertCenter(principal, centerCode);
      return repo.list(centerCode).map((r) => repo.view(r));
    },

    /** The active department a dispatch names (by name or code), or a 400 the desk marks on the field. */
    resolve(nameOrCode: string): DepartmentRow {
      const row = repo.find(centerCode, nameOrCode.trim());
      if (!row || row.active !== 1) throw new HttpError(400, 'unknown_department', `no active department ${nameOrCode}`, { field: 'department' });
      return row;
    },

    /** An active department's extension for a transfer (voice module), or why not. */
    extension(id: number): { id: number; name: string; phone: string | null } | undefined {
      const row = repo.get(id);
      if (!row || row.center_code !== centerCode || row.active !== 1) return undefined;
      return { id: row.id, name: row.name, phone: row.phone };
    },

    /** The department a user leads, if any (for supervision notices). */
    ledBy(name: string): number | null {
      return repo.find(centerCode, name)?.leader_user_id ?? null;
    },

    create(principal: Principal, body: CreateDepartmentRequest): Department {
      assertCenter(principal, centerCode);
      unique(body.name, body.code);
      const leader = leaderId(body.leaderWorkNumber);
      const handlers = handlerIds(body.handlerWorkNumbers ?? []);
      const phone = phoneOk(body.phone);
      const row = db.transaction(() => {
        const row = repo.insert({ center_code: centerCode, code: body.code, name: body.name, leader_user_id: leader, phone }, clock.now());
        if (handlers.length) repo.setHandlers(row, handlers);
        audit.record({ actorUserId: principal.userId, action: 'department.create', entityType: 'department', entityId: row.id, detail: { ...body } });
        return row;
      })();
      return repo.view(row);
    },

    update(principal: Principal, id: number, body: UpdateDepartmentRequest): Department {
      const row = load(principal, id);
      unique(body.name, undefined, row.id);
      const changes: Partial<Pick<DepartmentRow, 'name' | 'leader_user_id' | 'active' | 'phone'>> = {};
      if (body.phone !== undefined) changes.phone = phoneOk(body.phone);
      if (body.name !== undefined) changes.name = body.name;
      if (body.leaderWorkNumber !== undefined) changes.leader_user_id = leaderId(body.leaderWorkNumber);
      if (body.active !== undefined) changes.active = body.active ? 1 : 0;
      const handlers = body.handlerWorkNumbers ? handlerIds(body.handlerWorkNumbers) : undefined;
      const updated = db.transaction(() => {
        const updated = repo.update(row, changes, clock.now());
        if (handlers) repo.setHandlers(updated, handlers);
        audit.record({ actorUserId: principal.userId, action: 'department.update', entityType: 'department', entityId: row.id, detail: { ...body } });
        return updated;
      })();
      return repo.view(updated);
    },

    /** --demo: the demo departments, once. */
    seedDemo(): void {
      const now = clock.now();
      db.transaction(() => {
        for (const d of DEMO_DEPARTMENTS) {
          if (repo.find(centerCode, d.code)) continue;
          const leader = userStmt.get(d.leader);
          const row = repo.insert({ center_code: centerCode, code: d.code, name: d.name, leader_user_id: leader?.id ?? null }, now);
          const handlers = d.handlers.map((n) => userStmt.get(n)?.id).filter((x): x is number => x !== undefined);
          repo.setHandlers(row, handlers);
        }
      })();
    },
  };
}
