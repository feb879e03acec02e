import { HttpError } from '../http/http-app.js';
import { checkDialledNumber, type DialPlan } from '../../../shared/sip/dial-plan.js';
import type { TransferTarget } from './consult-transfer.js';

export interface DepartmentTargetDeps {
  /** An active department of this center and its extension (the work-orders module's), or undefined. */
  extension(departmentId: number): { id: number; name: string; phone: string | null } | undefined;
  /** The center has a trunk to dial through. */
  hasTrunk: boolean;
  /** The same plan that binds agents' follow-up calls. */
  dialPlan: DialPlan;
}

/**
 * A transfer to a department's extension, or the refusal the desk translates, decided before
 * anything on the call changes: unknown department (404), no extension (409), no trunk (503), an
 * extension the dial plan no longer allows (403).
 */
export function departmentTarget(deps: DepartmentTargetDeps, departmentId: number, mode: 'blind' | 'consult'): Extract<TransferTarget, { kind: 'department' }> {
  const department = deps.extension(departmentId);
  if (!department) throw new HttpError(404, 'department_not_found', `no active department ${departmentId}`);
  if (!department.phone) throw new HttpError(409, 'department_no_phone', `${department.name} has no extension to transfer to`);
  if (!deps.hasTrunk) throw new HttpError(503, 'no_trunk', 'no trunk is configured to reach a department');
  const verdict = checkDialledNumber(deps.dialPlan, department.phone);
  if (!verdict.allowed)
    throw new HttpError(403, 'department_phone_not_allowed', `${department.name}'s extension is a ${verdict.reason} number, not in the dial plan`);
  return { kind: 'department', departmentId: department.id, name: department.name, phone: department.phone, mode };
}
