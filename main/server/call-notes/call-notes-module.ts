import type { ServerModuleFactory } from '../context.js';
import { principalOf } from '../auth/principal.js';
import { registerRoute } from '../http/register-route.js';
import { callNoteSchema, type CallNote } from '../../../shared/api/call-notes.js';
import { callNoteRoutes as routes } from '../../../shared/api/call-notes-routes.js';
import { restatementScript, workOrderCategoryFor } from '../../../shared/call-notes/restatement.js';
import { CallNoteRepository, type CallNoteRow } from './call-note-repository.js';
import { SERVICES } from '../services.js';

const NOTE_ROLES = ['agent', 'team_lead', 'center_admin'] as const;

function toCallNote(row: CallNoteRow): CallNote {
  return callNoteSchema.parse({
    id: row.id,
    callId: row.call_id,
    agentId: row.agent_id,
    category: row.category,
    topic: row.topic,
    description: row.description,
    callerName: row.caller_name,
    callerNumber: row.caller_number,
    callbackNumber: row.callback_number,
    answeredOnCall: row.answered_on_call === null ? null : row.answered_on_call === 1,
    restatement: row.restatement,
    confirmedAt: new Date(row.confirmed_at).toISOString(),
    workOrderId: row.work_order_id,
    workOrderDueAt: row.work_order_due_at === null ? null : new Date(row.work_order_due_at).toISOString(),
    workOrderDueProvisional: row.work_order_due_provisional === 1,
  });
}

/**
 * §2.4-4/5/7: the agent's record of a call, saved once the caller confirmed the restatement;
 * complaints, suggestions and unanswered questions open a work order in the same transaction.
 * Needs 'auth' and 'workOrders' before it.
 */
export const callNotesModule: ServerModuleFactory = (ctx) => {
  const auth = ctx.services.get(SERVICES.auth);
  const workOrders = ctx.services.get(SERVICES.workOrders);
  if (!auth || !workOrders) throw new Error('the call-notes module needs the auth and work-orders modules before it');
  const repo = new CallNoteRepository(ctx.db);
  const { centerCode } = ctx.config;

  return {
    name: 'call-notes',
    registerRoutes(app) {
      const guard = { preHandler: auth.requireRole(...NOTE_ROLES) };

      registerRoute(app, routes.create, guard, ({ body }, request) => {
        const principal = principalOf(request);
        const now = ctx.clock.now();
        const id = ctx.db.transaction(() => {
          const category = workOrderCategoryFor(body);
          const order = category
            ? workOrders.create(principal, {
                category,
                title: body.topic,
                description: body.description || body.topic,
                callerName: body.callerName,
                callerNumber: body.callerNumber,
                callbackNumber: body.callbackNumber,
                callId: body.callId,
                submit: true,
              })
            : undefined;
          return repo.insert({
            center_code: centerCode,
            call_id: body.callId ?? null,
            agent_id: principal.userId,
            category: body.category,
            topic: body.topic,
            description: body.description,
            caller_name: body.callerName ?? null,
            caller_number: body.callerNumber ?? null,
            callback_number: body.callbackNumber ?? null,
            answered_on_call: body.answeredOnCall === undefined ? null : body.answeredOnCall ? 1 : 0,
            restatement: restatementScript(body),
            confirmed_at: now,
            work_order_id: order?.id ?? null,
            created_at: now,
          });
        })();
        return toCallNote(repo.get(id)!);
      });

      registerRoute(app, routes.list, guard, ({ query }, request) => {
        const principal = principalOf(request);
        // An agent reads only their own notes; the team lead and the center admin all of the center's.
        const own = principal.role === 'agent';
        const rows = !query.callId
          ? repo.byAgent(centerCode, principal.userId, query.limit)
          : own
            ? repo.byCallOfAgent(centerCode, query.callId, principal.userId, query.limit)
            : repo.byCall(centerCode, query.callId, query.limit);
        return { callNotes: rows.map(toCallNote) };
      });
    },
  };
};
