import { PHONE_ROLES, type Role } from '../../../shared/api/auth';
import type { NetworkMode } from '../../../shared/api/network';

/** Roles that take calls (shared/api/auth.ts): they get the softphone, agent states and the agent desk. */
export function usesPhone(role: Role | undefined, mode: NetworkMode = 'center'): boolean {
  // A province or ministry server runs no SIP: nobody takes calls there.
  return mode === 'center' && role !== undefined && (PHONE_ROLES as readonly Role[]).includes(role);
}

export type DeskView = 'desk' | 'workOrders' | 'wallboard' | 'indicators' | 'supervision' | 'recordings' | 'admin' | 'network';

/** The screens a role may open, its home first: department roles work from their work-order inbox. */
export function viewsFor(role: Role | undefined, mode: NetworkMode = 'center'): DeskView[] {
  // A province's or the ministry's server: its admin keeps the registry (系统管理) and the figures, everyone else the figures.
  if (mode !== 'center') return role === 'center_admin' ? ['admin', 'network'] : ['network'];
  switch (role) {
    case 'department_handler':
    case 'department_leader':
      return ['workOrders'];
    // Team leads watch the live board and switch to the desk to take calls on a busy day.
    case 'team_lead':
      return ['supervision', 'desk', 'workOrders', 'wallboard', 'indicators', 'recordings'];
    // The center's IT and management: the console first, the board and figures one click away; no phone.
    case 'center_admin':
      return ['admin', 'supervision', 'workOrders', 'wallboard', 'indicators', 'recordings'];
    // 质检: call records and their recordings, the work orders read-only; no phone.
    case 'quality':
      return ['recordings', 'workOrders'];
    case 'agent':
      return ['desk', 'workOrders'];
    // The province and the ministry supervise the centers below them (§3.1); they take no calls.
    case 'province':
    case 'ministry':
      return ['network'];
    default:
      return ['desk'];
  }
}

/** The screen shown: the one chosen if the role may open it, else the role's home. */
export function viewFor(role: Role | undefined, chosen: DeskView | undefined, mode: NetworkMode = 'center'): DeskView {
  const views = viewsFor(role, mode);
  return chosen !== undefined && views.includes(chosen) ? chosen : views[0]!;
}

/** What a role's inbox lists by default: the states in which it has work to do. */
export function inboxStates(role: Role | undefined): string | undefined {
  if (role === 'department_leader') return 'pending_approval,in_progress';
  if (role === 'department_handler') return 'dispatched,in_progress';
  return undefined;
}
