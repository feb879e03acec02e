import type { Role } from '../../../shared/api/auth';

/** Roles that take calls: they get the softphone, agent states and the agent desk. */
const PHONE_ROLES: readonly Role[] = ['agent', 'team_lead', 'center_admin'];

export function usesPhone(role: Role | undefined): boolean {
  return role !== undefined && PHONE_ROLES.includes(role);
}

export type DeskView = 'desk' | 'workOrders' | 'wallboard' | 'recordings';

/** The screens a role may open, its home first: department roles work from their work-order inbox. */
export function viewsFor(role: Role | undefined): DeskView[] {
  switch (role) {
    case 'department_handler':
    case 'department_leader':
      return ['workOrders'];
    case 'team_lead':
    case 'center_admin':
      return ['desk', 'workOrders', 'wallboard', 'recordings'];
    // 质检: call records and their recordings; no phone.
    case 'quality':
      return ['recordings'];
    case 'agent':
      return ['desk', 'workOrders'];
    default:
      return ['desk'];
  }
}

/** What a role's inbox lists by default: the states in which it has work to do. */
export function inboxStates(role: Role | undefined): string | undefined {
  if (role === 'department_leader') return 'pending_approval,in_progress';
  if (role === 'department_handler') return 'dispatched,in_progress';
  return undefined;
}
