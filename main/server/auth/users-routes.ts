import type { FastifyInstance } from 'fastify';
import { userRoutes as routes } from '../../../shared/api/auth-routes.js';
import { registerRoute } from '../http/register-route.js';
import { HttpError } from '../http/http-app.js';
import type { AuditService } from '../audit/audit-service.js';
import type { Clock } from '../clock.js';
import type { AuthService } from './auth-service.js';
import { assertCenter, principalOf } from './principal.js';
import { hashPassword, sipHa1 } from './password-hash.js';
import { toAdminUser, type UserRow } from './user-repository.js';

/**
 * A user's department names an active department of the center (its canonical name is kept), or a
 * 400 `unknown_department` on the field. Undefined on a server without work orders (a test's subset).
 */
export type DepartmentCheck = (nameOrCode: string) => string;

/** User administration for the center admin, within the admin's own center. */
export function registerUsersRoutes(app: FastifyInstance, auth: AuthService, audit: AuditService, clock: Clock, department?: DepartmentCheck): void {
  const guard = { preHandler: auth.requireRole('center_admin') };
  const { users } = auth;

  const loadOwn = (request: Parameters<typeof principalOf>[0], id: number): UserRow => {
    const principal = principalOf(request);
    const row = users.get(id);
    if (!row) throw new HttpError(404, 'not_found', `no user ${id}`);
    assertCenter(principal, row.center_code);
    return row;
  };
  const lockedUntil = () => new Map(auth.lockouts().map((l) => [l.account, l.until]));
  const view = (row: UserRow) => toAdminUser(row, lockedUntil().get(row.work_number));
  const departmentOf = (value: string | null | undefined) => (value && department ? department(value) : value);

  registerRoute(app, routes.list, guard, (_, request) => {
    const locked = lockedUntil();
    return { users: users.listByCenter(principalOf(request).centerCode).map((row) => toAdminUser(row, locked.get(row.work_number))) };
  });

  registerRoute(app, routes.create, guard, async ({ body }, request) => {
    const principal = principalOf(request);
    if (users.findByWorkNumber(body.workNumber))
      throw new HttpError(409, 'work_number_taken', `work number ${body.workNumber} is already in use`, { field: 'workNumber' });
    const dept = departmentOf(body.department) ?? null;
    const row = users.insert(
      {
        workNumber: body.workNumber,
        displayName: body.displayName,
        role: body.role,
        centerCode: principal.centerCode,
        department: dept,
        passwordHash: await hashPassword(body.password),
        sipHa1: sipHa1(body.workNumber, body.password),
      },
      clock.now(),
    );
    audit.record({
      actorUserId: principal.userId,
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      detail: { workNumber: row.work_number, role: row.role, department: row.department },
    });
    return view(row);
  });

  registerRoute(app, routes.update, guard, ({ params, body }, request) => {
    const principal = principalOf(request);
    const row = loadOwn(request, params.id);
    const role = body.role ?? row.role;
    const department = body.department === undefined ? row.department : departmentOf(body.department);
    if (role === 'department_handler' && !department)
      throw new HttpError(400, 'invalid_request', 'a department handler needs a department', [
        { path: 'department', code: 'required', message: 'a department handler needs a department' },
      ]);
    if (row.id === principal.userId && (body.active === false || (body.role && body.role !== 'center_admin'))) {
      throw new HttpError(409, 'cannot_demote_self', 'an admin cannot deactivate or demote their own account');
    }
    const changes = body.department === undefined ? body : { ...body, department };
    const updated = users.update(row, changes, clock.now());
    if (body.active === false) auth.logoutUser(row.id);
    audit.record({
      actorUserId: principal.userId,
      action: 'user.update',
      entityType: 'user',
      entityId: row.id,
      detail: { workNumber: row.work_number, changes },
    });
    return view(updated);
  });

  registerRoute(app, routes.setPassword, guard, async ({ params, body }, request) => {
    const principal = principalOf(request);
    const row = loadOwn(request, params.id);
    await auth.setPassword(row.id, body.password);
    audit.record({ actorUserId: principal.userId, action: 'user.set_password', entityType: 'user', entityId: row.id, detail: { workNumber: row.work_number } });
  });

  registerRoute(app, routes.lockouts, guard, (_, request) => {
    const centerCode = principalOf(request).centerCode;
    const lockouts = auth.lockouts().flatMap((l) => {
      const row = users.findByWorkNumber(l.account);
      // Another center's user is not this admin's to see; a number nobody has is (someone guesses at it).
      if (row && row.center_code !== centerCode) return [];
      return [{ workNumber: l.account, userId: row?.id ?? null, failures: l.failures, lockedUntil: new Date(l.until).toISOString() }];
    });
    return { lockouts };
  });

  registerRoute(app, routes.unlock, guard, ({ params }, request) => {
    const principal = principalOf(request);
    const row = loadOwn(request, params.id);
    const hadFailures = auth.unlock(row.work_number);
    audit.record({
      actorUserId: principal.userId,
      action: 'user.unlock',
      entityType: 'user',
      entityId: row.id,
      detail: { workNumber: row.work_number, hadFailures },
    });
  });
}
