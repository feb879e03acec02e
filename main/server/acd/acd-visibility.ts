import type { EventVisibilityRule } from '../events/event-hub.js';

const SUPERVISORS = new Set(['team_lead', 'center_admin']);

/**
 * Agent states and call events: an agent sees their own, team leads and admins see all; the queue
 * is for call takers and supervisors. Other domains' events pass.
 */
export const acdVisibility: EventVisibilityRule = (principal, event) => {
  switch (event.type) {
    case 'acd.agent_state':
    case 'call.offered':
    case 'call.answered':
    case 'call.ended':
      return SUPERVISORS.has(principal.role) || event.agentId === principal.userId;
    case 'acd.queue':
      return SUPERVISORS.has(principal.role) || principal.role === 'agent';
    default:
      return true;
  }
};
