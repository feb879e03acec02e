import type { Role } from '../../../shared/api/auth';

/** Roles that take calls: they get the softphone, agent states and the agent desk. */
const PHONE_ROLES: readonly Role[] = ['agent', 'team_lead', 'center_admin'];

export function usesPhone(role: Role | undefined): boolean {
  return role !== undefined && PHONE_ROLES.includes(role);
}

export type DeskView = 'desk' | 'workOrders' | 'wallboard' | 'indicators' | 'supervision' | 'recordings' | 'admin';

/** The screens a role may open, its home first: department roles work from their work-order inbox. */
export function viewsFor(role: Role | undefined): DeskView[] {
  switch (role) {
    case 'department_handler':
    case 'department_leader':
      return ['workOrders'];
    // Team leads watch the live board and switch to the desk to take calls on a busy day.
    case 'team_lead':
      return ['supervision', 'desk', 'workOrders', 'wallboard', 'indicators', 'recordings'];
    // The center's IT and management: the console first, everything a lead has one click away.
    case 'center_admin':
      return ['admin', 'supervision', 'desk', 'workOrders', 'wallboard', 'indicators', 'recordings'];
    // 质检: call records and their recordings, the work orders read-only; no phone.
    case 'quality':
      return ['recordings', 'workOrders'];
    case 'agent':
      return ['desk', 'workOrders'];
    // The province and the ministry read the indicators; they take no calls.
    case 'province':
    case 'ministry':
      return ['wallboard'];
    default:
      return ['desk'];
  }
}

/** The screen shown: the one chosen if the role may open it, else the role's home. */
export function viewFor(role: Role | undefined, chosen: DeskView | undefined): DeskView {
  const views = viewsFor(role);
  return chosen !== undefined && views.includes(chosen) ? chosen : views[0]!;
}

/** What a role's inbox lists by default: the states in which it has work to do. */
export function inboxStates(role: Role | undefined): string | undefined {
  if (role === 'department_leader') return 'pending_approval,in_progress';
  if (role === 'department_handler') return 'dispatched,in_progress';
  return undefined;
}
