import type { ServerModuleFactory } from '../context.js';
import { CallRecords } from '../calls/call-records.js';
import { Acd } from './acd.js';
import { AgentStateLog } from './agent-state-log.js';
import { registerAcdRoutes } from './acd-routes.js';
import { acdVisibility } from './acd-visibility.js';
import { systemTimers } from './timers.js';
import { SERVICES } from '../services.js';

/** Desks reconnect within 30 s (1, 2, 4, 8, 15 s back-off); two minutes leave room for a slow network. */
const COMEBACK_GRACE_MS = 120_000;
/** How precisely a crash's cut is known. */
const HEARTBEAT_MS = 5_000;

/**
 * The ACD and the call records: ctx.services 'acd' (Acd) and 'callRecords' (CallRecords). Calls
 * left open by a crash are closed first. The voice glue sets the AcdDelegate (acd.setDelegate).
 * Needs 'auth' before it; follows SIP registrations when 'sip' is there.
 */
export const acdModule: ServerModuleFactory = (ctx) => {
  const auth = ctx.services.get(SERVICES.auth);
  if (!auth) throw new Error('the acd module needs the auth module before it');
  const acwLimitMs = ctx.config.acwLimitSeconds * 1000;
  const records = new CallRecords(ctx.db, ctx.clock, ctx.config.centerCode, acwLimitMs);
  const stateLog = new AgentStateLog(ctx.db, ctx.clock);
  const recovered = { calls: records.recoverAfterRestart().calls, agents: stateLog.signOutAfterRestart() };
  if (recovered.calls || recovered.agents.length) {
    ctx.logger.warn(
      { event: 'calls_recovered', calls: recovered.calls, agents: recovered.agents.length },
      'calls and agent sessions left open by the last run closed as server_restart',
    );
  }

  const acd = new Acd({
    clock: ctx.clock,
    timers: systemTimers,
    stateLog,
    events: ctx.events,
    options: { ringTimeoutMs: ctx.config.ringTimeoutSeconds * 1000, acwLimitMs },
  });
  for (const user of auth.listAgents()) acd.addAgent({ id: user.id, workNumber: user.workNumber, displayName: user.displayName });
  // A restart must not cost agents their 就绪/示忙: it comes back when their desk re-registers.
  const known = new Set(acd.agents().map((a) => a.agentId));
  for (const agent of recovered.agents) if (known.has(agent.agentId)) acd.expectBack(agent.agentId, agent, COMEBACK_GRACE_MS);
  ctx.services.provide(SERVICES.callRecords, records);
  ctx.services.provide(SERVICES.acd, acd);
  ctx.events.addVisibilityRule(acdVisibility);

  let unsubscribe: (() => void) | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  return {
    name: 'acd',
    registerRoutes: (app) => registerAcdRoutes(app, acd, auth),
    start() {
      // A crash's calls are cut at the last beat (CallRecords.recoverAfterRestart).
      records.heartbeat();
      heartbeat = setInterval(() => records.heartbeat(), HEARTBEAT_MS);
      heartbeat.unref();
      const sip = ctx.services.get(SERVICES.sip);
      unsubscribe = sip?.onRegistration((e) => {
        acd.addAgent({ id: e.userId, workNumber: e.workNumber, displayName: e.displayName });
        acd.setRegistered(e.userId, e.type === 'registered');
      });
      for (const workNumber of sip?.registeredAgents() ?? []) {
        const agent = acd.agents().find((a) => a.workNumber === workNumber);
        if (agent) acd.setRegistered(agent.agentId, true);
      }
    },
    stop() {
      clearInterval(heartbeat);
      unsubscribe?.();
      acd.stop();
    },
  };
};
