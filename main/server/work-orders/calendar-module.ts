import type { ServerModuleFactory } from '../context.js';
import { registerRoute } from '../http/register-route.js';
import { ROLES } from '../../../shared/api/auth.js';
import { calendarRoutes } from '../../../shared/api/calendar-routes.js';
import { WorkingCalendar } from '../../../shared/calendar/working-calendar.js';
import { principalOf } from '../auth/principal.js';
import { loadCalendarYears } from './calendar-loader.js';
import { CalendarStore } from './calendar-store.js';
import { createCalendarService } from './calendar-service.js';
import { provisionalCalendarYear } from './statutory-holidays.js';
import { SERVICES } from '../services.js';

/** Checks for a new year this often, to warn when it flips into one without its official notice. */
const YEAR_CHECK_MS = 60_000;

/**
 * Registered as SERVICES.calendar: the WorkingCalendar of every shipped or uploaded year, and a
 * provisional one (statutory days, weekends) for any other, so that no year ever stops a work
 * order or the IVR's service hours. SERVICES.calendarYears: the admin's side.
 */
export const calendarModule: ServerModuleFactory = (ctx) => {
  const auth = ctx.services.require(SERVICES.auth, 'calendar');
  const audit = ctx.services.require(SERVICES.audit, 'calendar');
  const shipped = loadCalendarYears(ctx.config.resourcesDir);
  const store = new CalendarStore(ctx.db);
  const stored = store.all();
  const byYear = new Map([...shipped, ...stored].map((y) => [y.year, y]));
  const calendar = new WorkingCalendar([...byYear.values()], provisionalCalendarYear);
  const service = createCalendarService({ db: ctx.db, clock: ctx.clock, logger: ctx.logger, audit, calendar, store, timeZone: ctx.config.timeZone });
  ctx.services.provide(SERVICES.calendar, calendar);
  ctx.services.provide(SERVICES.calendarYears, service);
  ctx.logger.info({ event: 'calendar_loaded', years: calendar.years, uploaded: stored.map((y) => y.year) }, 'working-day calendars loaded');
  service.warnIfProvisional();
  let timer: NodeJS.Timeout | undefined;

  return {
    name: 'calendar',
    registerRoutes(app) {
      registerRoute(app, calendarRoutes.get, { preHandler: auth.requireRole(...ROLES) }, ({ params: { year } }) => service.describe(year));
      registerRoute(app, calendarRoutes.put, { preHandler: auth.requireRole('center_admin') }, ({ params: { year }, body }, request) =>
        service.load(principalOf(request), year, body),
      );
    },
    start() {
      timer = setInterval(() => service.warnIfProvisional(), YEAR_CHECK_MS);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
};
