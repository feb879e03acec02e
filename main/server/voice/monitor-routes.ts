import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../auth/auth-service.js';
import type { SipService } from '../sip/sip-service.js';
import type { Acd } from '../acd/acd.js';
import { principalOf } from '../auth/principal.js';
import { HttpError } from '../http/http-app.js';
import { registerRoute } from '../http/register-route.js';
import { routes } from '../../../shared/api/routes.js';
import type { MonitorResponse } from '../../../shared/api/calls.js';
import { MonitorRefused, type CallSession } from './call-session.js';
import type { CallMonitor } from './call-monitor.js';

export interface MonitorRouteDeps {
  auth: AuthService;
  acd: Acd;
  sip: SipService;
  sessions: Map<string, CallSession>;
}

/** ACD states in which a lead's softphone may be rung by the queue or is on a call: no monitoring then. */
const BUSY_STATES = new Set(['ready', 'ringing', 'talking', 'after_call_work']);

/**
 * A team lead (or center admin) listens, whispers or barges on an agent's call from their own
 * softphone; the call's owner holds the monitor leg, these routes only ask it.
 */
export function registerMonitorRoutes(app: FastifyInstance, deps: MonitorRouteDeps): void {
  const guard = { preHandler: deps.auth.requireRole('team_lead', 'center_admin') };

  const sessionOf = (callId: string): CallSession => {
    const session = deps.sessions.get(callId);
    if (!session) throw new HttpError(404, 'call_not_found', `no call ${callId} in progress`);
    return session;
  };
  const ownMonitor = (session: CallSession, userId: number): CallMonitor => {
    const monitor = session.monitor;
    if (!monitor || monitor.lead.id !== userId) throw new HttpError(404, 'monitor_not_found', 'you are not monitoring this call');
    return monitor;
  };
  const answer = (session: CallSession, monitor: CallMonitor): MonitorResponse => ({
    callId: session.callId,
    mode: monitor.mode,
    stage: monitor.state === 'active' ? 'active' : 'ringing',
  });

  registerRoute(app, routes.calls.startMonitor, guard, ({ params: { callId }, body: { mode } }, request) => {
    const principal = principalOf(request);
    const session = sessionOf(callId);
    if (!deps.sip.isRegistered(principal.workNumber)) throw new HttpError(409, 'monitor_lead_not_registered', 'your softphone is not registered');
    const state = deps.acd.agents().find((a) => a.agentId === principal.userId)?.state;
    if (state && BUSY_STATES.has(state)) throw new HttpError(409, 'monitor_lead_busy', `you are ${state} in the queue: 示忙 or sign out of it first`);
    for (const other of deps.sessions.values()) {
      if (other.monitor?.lead.id === principal.userId) throw new HttpError(409, 'monitor_lead_busy', `you are monitoring call ${other.callId} already`);
    }
    try {
      return answer(session, session.startMonitor({ id: principal.userId, workNumber: principal.workNumber }, mode));
    } catch (error) {
      if (error instanceof MonitorRefused) throw new HttpError(409, `monitor_${error.code}`, error.message);
      throw error;
    }
  });

  registerRoute(app, routes.calls.switchMonitor, guard, ({ params: { callId }, body: { mode } }, request) => {
    const session = sessionOf(callId);
    const monitor = ownMonitor(session, principalOf(request).userId);
    monitor.switchTo(mode);
    return answer(session, monitor);
  });

  registerRoute(app, routes.calls.stopMonitor, guard, async ({ params: { callId } }, request) => {
    const session = sessionOf(callId);
    await ownMonitor(session, principalOf(request).userId).end('stopped');
    return { stopped: true as const };
  });
}
