import { workOrderEventVisibleTo } from './work-order-access.js';
import type { ServerModuleFactory } from '../context.js';
import type { AuthService } from '../auth/auth-service.js';
import type { AuditService } from '../audit/audit-service.js';
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar.js';
import type { CalendarService } from './calendar-service.js';
import { createWorkOrderService } from './work-order-service.js';
import { createDueDateRecompute } from './provisional-due-dates.js';
import { registerWorkOrderRoutes } from './work-order-routes.js';

/** §2.5 work orders. Needs 'auth', 'audit' and 'calendar' before it in the module list. */
export const workOrdersModule: ServerModuleFactory = (ctx) => {
  const auth = ctx.services.get('auth') as AuthService | undefined;
  const audit = ctx.services.get('audit') as AuditService | undefined;
  const calendar = ctx.services.get('calendar') as WorkingCalendar | undefined;
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
  ctx.services.set('workOrders', service);
  // An official year loaded by an admin recomputes the provisional due dates, in its transaction.
  const calendarYears = ctx.services.get('calendarYears') as CalendarService | undefined;
  calendarYears?.onOfficialLoaded(createDueDateRecompute({ db: ctx.db, audit, calendar, centerCode: ctx.config.centerCode, timeZone: ctx.config.timeZone }));
  ctx.events.addVisibilityRule((principal, event) => (event.type !== 'work-order.changed' && event.type !== 'work-order.follow-up') || workOrderEventVisibleTo(principal, event));
  return {
    name: 'work-orders',
    registerRoutes(app) {
      registerWorkOrderRoutes(app, auth, service);
    },
  };
};
