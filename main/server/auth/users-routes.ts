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

/** User administration for the center admin, within the admin's own center. */
export function registerUsersRoutes(app: FastifyInstance, auth: AuthService, audit: AuditService, clock: Clock): void {
  const guard = { preHandler: auth.requireRole('center_admin') };
  const { users } = auth;

  const loadOwn = (request: Parameters<typeof principalOf>[0], id: number): UserRow => {
    const principal = principalOf(request);
    const row = users.get(id);
    if (!row) throw new HttpError(404, 'not_found', `no user ${id}`);
    assertCenter(principal, row.center_code);
    return row;
  };

  registerRoute(app, routes.list, guard, (_, request) => ({ users: users.listByCenter(principalOf(request).centerCode).map(toAdminUser) }));

  registerRoute(app, routes.create, guard, async ({ body }, request) => {
    const principal = principalOf(request);
    if (users.findByWorkNumber(body.workNumber)) throw new HttpError(409, 'work_number_taken', `work number ${body.workNumber} is already in use`);
    const row = users.insert(
      {
        workNumber: body.workNumber,
        displayName: body.displayName,
        role: body.role,
        centerCode: principal.centerCode,
        department: body.department ?? null,
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
    return toAdminUser(row);
  });

  registerRoute(app, routes.update, guard, ({ params, body }, request) => {
    const principal = principalOf(request);
    const row = loadOwn(request, params.id);
    const role = body.role ?? row.role;
    const department = body.department === undefined ? row.department : body.department;
    if (role === 'department_handler' && !department) throw new HttpError(400, 'invalid_request', 'a department handler needs a department');
    if (row.id === principal.userId && (body.active === false || (body.role && body.role !== 'center_admin'))) {
      throw new HttpError(409, 'cannot_demote_self', 'an admin cannot deactivate or demote their own account');
    }
    const updated = users.update(row, body, clock.now());
    if (body.active === false) auth.logoutUser(row.id);
    audit.record({ actorUserId: principal.userId, action: 'user.update', entityType: 'user', entityId: row.id, detail: { changes: body } });
    return toAdminUser(updated);
  });

  registerRoute(app, routes.setPassword, guard, async ({ params, body }, request) => {
    const principal = principalOf(request);
    const row = loadOwn(request, params.id);
    await auth.setPassword(row.id, body.password);
    audit.record({ actorUserId: principal.userId, action: 'user.set_password', entityType: 'user', entityId: row.id });
  });
}
