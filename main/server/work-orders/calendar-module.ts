import type { ServerModuleFactory } from '../context.js';
import type { AuthService } from '../auth/auth-service.js';
import { HttpError } from '../http/http-app.js';
import { parseOrThrow } from '../http/validation.js';
import { ROLES } from '../../../shared/api/auth.js';
import { calendarYearParamsSchema, type CalendarYearResponse } from '../../../shared/api/calendar.js';
import { WorkingCalendar } from '../../../shared/calendar/working-calendar.js';
import { loadCalendarYears } from './calendar-loader.js';
import { SERVICES } from '../services.js';

/** Registered as ctx.services.get(SERVICES.calendar): the WorkingCalendar of every shipped year. */
export const calendarModule: ServerModuleFactory = (ctx) => {
  const auth = ctx.services.get(SERVICES.auth);
  if (!auth) throw new Error('the calendar module needs the auth module before it');
  const years = loadCalendarYears(ctx.config.resourcesDir);
  const calendar = new WorkingCalendar(years);
  ctx.services.provide(SERVICES.calendar, calendar);
  ctx.logger.info({ event: 'calendar_loaded', years: calendar.years }, 'working-day calendars loaded');

  return {
    name: 'calendar',
    registerRoutes(app) {
      app.get('/api/v1/calendar/:year', { preHandler: auth.requireRole(...ROLES) }, async (request): Promise<CalendarYearResponse> => {
        const { year } = parseOrThrow(calendarYearParamsSchema, request.params, 'path');
        const found = years.find((y) => y.year === year);
        if (!found) throw new HttpError(404, 'calendar_missing', `no working-day calendar for ${year}`);
        return found;
      });
    },
  };
};
