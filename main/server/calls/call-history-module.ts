import type { ServerModuleFactory } from '../context.js';
import { principalOf } from '../auth/principal.js';
import { HttpError } from '../http/http-app.js';
import { registerRoute } from '../http/register-route.js';
import { routes } from '../../../shared/api/routes.js';
import { SERVICES } from '../services.js';
import { centerDay } from './center-day.js';
import type { CallHistoryEntry } from '../../../shared/api/call-history.js';

interface Row {
  call_id: string;
  kind: string;
  started_at: number;
  ended_at: number | null;
  end_reason: string | null;
  direction: 'inbound' | 'outbound';
  caller: string;
  callee: string;
  code_id: number | null;
  code: string | null;
  label: string | null;
  note_id: number | null;
  category: string | null;
  topic: string | null;
  work_order_id: number | null;
}

/** 13800138000 → 138****8000: enough to recognise a call, not to dial it. */
export function maskNumber(number: string): string {
  if (number.length <= 4) return '*'.repeat(number.length);
  const keep = number.length >= 11 ? 3 : 2;
  return `${number.slice(0, keep)}${'*'.repeat(Math.max(1, number.length - keep - 4))}${number.slice(-4)}`;
}

/**
 * Today's calls of one agent (center time zone): number, duration, outcome, wrap-up code, the
 * note and work order filed with it. An agent reads their own; team leads and admins anyone's,
 * with the callers' numbers masked. Needs 'auth' before it.
 */
export const callHistoryModule: ServerModuleFactory = (ctx) => {
  const auth = ctx.services.require(SERVICES.auth, 'call-history');
  const select = ctx.db.prepare(`
    SELECT t.call_id, t.kind, t.started_at, t.ended_at, t.end_reason, c.direction, c.caller, c.callee,
      w.code_id, wc.code, wc.label, n.id AS note_id, n.category, n.topic,
      COALESCE(n.work_order_id, (SELECT max(o.id) FROM work_orders o WHERE o.call_id = t.call_id)) AS work_order_id
    FROM call_agent_turns t
    JOIN calls c ON c.id = t.call_id
    LEFT JOIN call_wrap_ups w ON w.call_id = t.call_id AND w.agent_id = t.agent_id
    LEFT JOIN wrap_up_codes wc ON wc.id = w.code_id
    LEFT JOIN call_notes n ON n.id = (SELECT max(id) FROM call_notes WHERE call_id = t.call_id AND agent_id = t.agent_id)
    WHERE t.agent_id = ? AND t.started_at >= ? AND t.started_at < ?
    ORDER BY t.started_at DESC, t.id DESC
    LIMIT 500`);
  const userId = ctx.db.prepare("SELECT id FROM users WHERE work_number = ? AND role IN ('agent', 'team_lead')").pluck();

  return {
    name: 'call-history',
    registerRoutes(app) {
      registerRoute(app, routes.callHistory.today, { preHandler: auth.requireRole('agent', 'team_lead', 'center_admin') }, ({ query }, request) => {
        const principal = principalOf(request);
        const { agent } = query;
        const own = agent === undefined || agent === principal.workNumber;
        if (!own && principal.role === 'agent') throw new HttpError(403, 'forbidden', 'an agent reads only their own calls');
        const agentId = own ? principal.userId : (userId.get(agent) as number | undefined);
        if (agentId === undefined) throw new HttpError(404, 'not_found', `no agent ${agent}`);
        const { day, from, to } = centerDay(ctx.clock.now(), ctx.config.timeZone);
        const entries = (select.all(agentId, from, to) as Row[]).map((r): CallHistoryEntry => {
          const number = r.direction === 'inbound' ? r.caller : r.callee;
          return {
            callId: r.call_id,
            direction: r.direction,
            kind: r.kind,
            number: own ? number : maskNumber(number),
            startedAt: new Date(r.started_at).toISOString(),
            durationSeconds: r.ended_at === null ? null : Math.round((r.ended_at - r.started_at) / 1000),
            outcome: r.end_reason,
            wrapUp: r.code_id === null ? null : { codeId: r.code_id, code: r.code!, label: r.label! },
            note: r.note_id === null ? null : { id: r.note_id, category: r.category!, topic: r.topic! },
            workOrderId: r.work_order_id,
          };
        });
        return { day, entries };
      });
    },
  };
};
