import type { ServerModuleFactory } from '../context.js';
import type { Principal } from '../auth/principal.js';
import type { EventVisibilityRule } from '../events/event-hub.js';
import { SERVICES, type ServiceKey } from '../services.js';
import { BoardRepository } from './board-repository.js';
import { LostCallers } from './lost-callers.js';
import { SupervisionBoard } from './supervision-board.js';
import { registerSupervisionRoutes, SUPERVISOR_ROLES } from './supervision-routes.js';

const canSupervise = (principal: Principal | undefined) => principal !== undefined && (SUPERVISOR_ROLES as readonly string[]).includes(principal.role);

/** The board is for team leads and admins; a lost caller's notice for everyone who may call back. */
const supervisionVisibility: EventVisibilityRule = (principal, event) => {
  if (event.type === 'supervision.lost-caller') return canSupervise(principal) || principal.role === 'agent';
  if (event.type.startsWith('supervision.')) return canSupervise(principal);
  return true;
};

/**
 * Team-lead supervision (docs/supervision.md): the live board of agents and queue pushed on the
 * events socket (a snapshot as a lead's socket joins, then each change), forcing an agent's state,
 * taking a waiting caller to an agent, and the lost callers. Needs 'auth', 'audit' and 'acd'.
 */
export const supervisionModule: ServerModuleFactory = (ctx) => {
  const need = <T>(key: ServiceKey<T>) => ctx.services.require(key, 'supervision');
  const auth = need(SERVICES.auth);
  const audit = need(SERVICES.audit);
  const acd = need(SERVICES.acd);
  const publish = ctx.events.publish.bind(ctx.events);
  const repo = new BoardRepository(ctx.db, ctx.config.centerCode);
  const lost = new LostCallers(ctx.db, ctx.clock, ctx.config.centerCode);
  const board = new SupervisionBoard({
    acd,
    repo,
    clock: ctx.clock,
    timeZone: ctx.config.timeZone,
    acwLimitSec: ctx.config.acwLimitSeconds,
    publish,
  });
  ctx.events.addVisibilityRule(supervisionVisibility);

  const offs: Array<() => void> = [];
  return {
    name: 'supervision',
    registerRoutes: (app) =>
      registerSupervisionRoutes(app, {
        auth,
        audit,
        acd,
        lost,
        clock: ctx.clock,
        timeZone: ctx.config.timeZone,
        publish,
      }),
    start() {
      offs.push(
        ctx.events.subscribe((event) => {
          board.onEvent(event);
          // The record says abandoned before the ACD lets the call go: the list can reload now.
          if (event.type === 'call.ended' && event.outcome === 'abandoned')
            publish({
              type: 'supervision.lost-caller',
              callId: event.callId,
              change: 'lost',
            });
        }),
        ctx.events.onJoin((principal, send) => {
          if (canSupervise(principal)) send(board.snapshot());
        }),
      );
    },
    stop() {
      for (const off of offs) off();
      board.stop();
    },
  };
};
