import { HttpError } from '../http/http-app.js';
import type { Principal } from '../auth/principal.js';
import { APPROVAL_ACTIONS, TRANSITIONS, type WorkOrderAction, type WorkOrderTransition } from '../../../shared/work-orders/state-machine.js';
import type { WorkOrderRow } from './work-order-repository.js';

export interface PermissionSettings {
  /** The center lets team leads confirm orders too (§2.5-2; DESIGN.md). */
  teamLeadsConfirm: boolean;
}

/**
 * Why this principal may not take this transition on this order now, or null if they may. One
 * place for every rule, so that the buttons the desk shows are exactly the calls that succeed.
 */
export function denial(principal: Principal, row: WorkOrderRow, t: WorkOrderTransition, settings: PermissionSettings): HttpError | null {
  const admin = principal.role === 'center_admin';
  if (!t.roles.includes(principal.role))
    return new HttpError(403, 'forbidden_role', `the role ${principal.role} may not ${t.action} a work order`, { role: principal.role, action: t.action });
  if (t.ownDepartment && !admin && row.department !== principal.department)
    return new HttpError(403, 'other_department', 'this work order is with another department');
  if ((t.action === 'submit' || t.action === 'void') && principal.role === 'agent' && row.created_by !== principal.userId) {
    return new HttpError(403, 'not_own_draft', 'agents submit or void only their own drafts');
  }
  if (APPROVAL_ACTIONS.includes(t.action)) {
    if (row.created_by === principal.userId) return new HttpError(403, 'own_order', 'nobody confirms an order they created');
    if (principal.role === 'team_lead' && !settings.teamLeadsConfirm)
      return new HttpError(403, 'team_lead_cannot_confirm', 'this center lets only the department leader confirm orders');
  }
  if ((t.action === 'grant_extension' || t.action === 'deny_extension') && row.extension_days === null) {
    return new HttpError(409, 'no_extension_request', 'no extension has been asked for');
  }
  if (t.action === 'request_extension' && row.extension_days !== null)
    return new HttpError(409, 'extension_pending', 'an extension request is already waiting for the leader');
  return null;
}

/** The actions the desk offers this principal on this order. */
export function allowedActions(principal: Principal, row: WorkOrderRow, settings: PermissionSettings): WorkOrderAction[] {
  return TRANSITIONS.filter((t) => t.from === row.state && denial(principal, row, t, settings) === null).map((t) => t.action);
}

/** A draft is edited by its creator, or by a lead or the admin. */
export function canEdit(principal: Principal, row: WorkOrderRow): boolean {
  if (row.state !== 'draft') return false;
  if (principal.role === 'agent') return row.created_by === principal.userId;
  return principal.role === 'team_lead' || principal.role === 'center_admin';
}
