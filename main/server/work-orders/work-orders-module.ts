import { workOrderEventVisibleTo } from './work-order-access.js';
import type { ServerModuleFactory } from '../context.js';
import { createWorkOrderService } from './work-order-service.js';
import { createDueDateRecompute } from './provisional-due-dates.js';
import { registerWorkOrderRoutes } from './work-order-routes.js';
import { SERVICES } from '../services.js';

/** §2.5 work orders. Needs 'auth', 'audit' and 'calendar' before it in the module list. */
export const workOrdersModule: ServerModuleFactory = (ctx) => {
  const auth = ctx.services.get(SERVICES.auth);
  const audit = ctx.services.get(SERVICES.audit);
  const calendar = ctx.services.get(SERVICES.calendar);
  if (!auth || !audit || !calendar) throw new Error('the work-orders module needs the auth and calendar modules before it');
  const service = createWorkOrderService({
    db: ctx.db,
    clock: ctx.clock,
    events: ctx.events,
    audit,
    calendar,
    centerCode: ctx.config.centerCode,
    timeZone: ctx.config.timeZone,
  });
  ctx.services.provide(SERVICES.workOrders, service);
  // An official year loaded by an admin recomputes the provisional due dates, in its transaction.
  const calendarYears = ctx.services.get(SERVICES.calendarYears);
  calendarYears?.onOfficialLoaded(createDueDateRecompute({ db: ctx.db, audit, calendar, centerCode: ctx.config.centerCode, timeZone: ctx.config.timeZone }));
  ctx.events.addVisibilityRule((principal, event) => (event.type !== 'work-order.changed' && event.type !== 'work-order.follow-up') || workOrderEventVisibleTo(principal, event));
  return {
    name: 'work-orders',
    registerRoutes(app) {
      registerWorkOrderRoutes(app, auth, service);
    },
  };
};
