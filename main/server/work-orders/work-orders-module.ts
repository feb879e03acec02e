import { workOrderEventVisibleTo } from './work-order-access.js';
import { parseDialPlan } from '../../../shared/sip/dial-plan.js';
import type { ServerModuleFactory } from '../context.js';
import { createWorkOrderService } from './work-order-service.js';
import { createDueDateRecompute } from './provisional-due-dates.js';
import { registerWorkOrderRoutes } from './work-order-routes.js';
import { SERVICES } from '../services.js';
import { createDepartmentService } from './department-service.js';
import { registerDepartmentRoutes } from './department-routes.js';
import { createCallerHistory, registerCallerHistoryRoutes } from './caller-history.js';
import { createFollowUpLists } from './follow-up-lists.js';
import { registerFollowUpListRoutes } from './follow-up-list-routes.js';

/** How often 督办 looks for orders that became due soon or overdue. */
const SUPERVISION_INTERVAL_MS = 60_000;

/** §2.5 work orders and the departments they go to. Needs 'auth', 'audit' and 'calendar' before it in the module list. */
export const workOrdersModule: ServerModuleFactory = (ctx) => {
  const auth = ctx.services.get(SERVICES.auth);
  const audit = ctx.services.get(SERVICES.audit);
  const calendar = ctx.services.get(SERVICES.calendar);
  if (!auth || !audit || !calendar) throw new Error('the work-orders module needs the auth and calendar modules before it');
  const departments = createDepartmentService(ctx.db, ctx.clock, audit, ctx.config.centerCode, parseDialPlan(ctx.config.dialPlan, ctx.config.centerCode));
  if (ctx.config.demo) departments.seedDemo();
  ctx.services.provide(SERVICES.departments, departments);
  const service = createWorkOrderService({
    db: ctx.db,
    clock: ctx.clock,
    events: ctx.events,
    audit,
    calendar,
    departments,
    centerCode: ctx.config.centerCode,
    timeZone: ctx.config.timeZone,
    teamLeadsConfirm: ctx.config.teamLeadsConfirm,
  });
  ctx.services.provide(SERVICES.workOrders, service);
  // An official year loaded by an admin recomputes the provisional due dates, in its transaction.
  const calendarYears = ctx.services.get(SERVICES.calendarYears);
  calendarYears?.onOfficialLoaded(createDueDateRecompute({ db: ctx.db, audit, calendar, centerCode: ctx.config.centerCode, timeZone: ctx.config.timeZone }));
  ctx.events.addVisibilityRule(
    (principal, event) => (event.type !== 'work-order.changed' && event.type !== 'work-order.follow-up') || workOrderEventVisibleTo(principal, event),
  );
  // 督办 notices go to the people they name, nobody else.
  ctx.events.addVisibilityRule(
    (principal, event) => event.type !== 'work-order.due' || (event.centerCode === principal.centerCode && event.recipients.includes(principal.userId)),
  );
  const callerHistory = createCallerHistory(ctx.db, ctx.clock, ctx.config.centerCode);
  const followUpLists = createFollowUpLists(ctx.db, ctx.clock, audit, ctx.config.centerCode);
  let supervision: ReturnType<typeof setInterval> | undefined;
  return {
    name: 'work-orders',
    registerRoutes(app) {
      registerWorkOrderRoutes(app, auth, service);
      registerDepartmentRoutes(app, auth, departments);
      registerCallerHistoryRoutes(app, auth, callerHistory);
      registerFollowUpListRoutes(app, auth, followUpLists);
    },
    start() {
      service.superviseDue();
      supervision = setInterval(() => service.superviseDue(), SUPERVISION_INTERVAL_MS);
      supervision.unref();
    },
    stop() {
      clearInterval(supervision);
    },
  };
};
