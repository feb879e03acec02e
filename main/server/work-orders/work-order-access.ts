import type { Role } from '../../../shared/api/auth.js';
import { HttpError } from '../http/http-app.js';
import { assertCenter, type Principal } from '../auth/principal.js';
import type { WorkOrderRow } from './work-order-repository.js';

/** Everyone of a center who works with orders; province and ministry read indicators only. */
export const WORK_ORDER_ROLES: readonly Role[] = ['agent', 'team_lead', 'department_handler', 'department_leader', 'center_admin'];
/** Who may read orders: the workers, and 质检, who opens the order of a call it checks and changes nothing. */
export const WORK_ORDER_READ_ROLES: readonly Role[] = [...WORK_ORDER_ROLES, 'quality'];

/** Department handlers see only the orders now with their department; the hotline sees all. */
export function departmentScope(principal: Principal): string | null {
  if (principal.role !== 'department_handler') return null;
  // A handler without a department sees nothing: match a value no order has.
  return principal.department ?? '\u0000';
}

/** 403 for another center; 404 (not 403) for another department, so its orders stay unknown. */
export function assertCanSee(principal: Principal, row: WorkOrderRow): void {
  assertCenter(principal, row.center_code);
  const scope = departmentScope(principal);
  if (scope !== null && row.department !== scope) throw new HttpError(404, 'not_found', `no work order ${row.id}`);
}

/**
 * For the events socket's subscriber filter: department handlers hear only of orders with their
 * department (now or just before a return); supervisors and other centers hear nothing.
 */
export function workOrderEventVisibleTo(principal: Principal, event: { centerCode: string; department: string | null }): boolean {
  if (!WORK_ORDER_ROLES.includes(principal.role) || principal.centerCode !== event.centerCode) return false;
  const scope = departmentScope(principal);
  return scope === null || event.department === scope;
}
