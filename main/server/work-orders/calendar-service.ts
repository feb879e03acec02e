import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { AuditService } from '../audit/audit-service.js';
import type { Principal } from '../auth/principal.js';
import { HttpError } from '../http/http-app.js';
import { parseOrThrow } from '../http/validation.js';
import { officialCalendarYearSchema, type CalendarYear } from '../../../shared/calendar/calendar-year.js';
import { addDays, yearOf } from '../../../shared/time/local-date.js';
import { localDateOf } from '../../../shared/time/zoned.js';
import type { WorkingCalendar } from '../../../shared/calendar/working-calendar.js';
import type { CalendarYearResponse, LoadCalendarYearResponse } from '../../../shared/api/calendar.js';
import type { CalendarStore } from './calendar-store.js';
import { statutoryDays } from './statutory-holidays.js';

/** Called in the load's transaction with the admin and the year; answers the work orders it changed. */
export type OfficialYearLoaded = (actorUserId: number, year: number) => number[];

export interface CalendarServiceDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  audit: AuditService;
  calendar: WorkingCalendar;
  store: CalendarStore;
  timeZone: string;
}

/** Registered as ctx.services.get(SERVICES.calendarYears): what each year is, and the admin's upload of a year. */
export type CalendarService = ReturnType<typeof createCalendarService>;

export function createCalendarService(deps: CalendarServiceDeps) {
  const { calendar } = deps;
  const uploaded = new Set(deps.store.all().map((y) => y.year));
  const listeners: OfficialYearLoaded[] = [];
  let warnedFor: number | undefined;

  const describe = (year: number): CalendarYearResponse => {
    const { calendar: cal, provisional } = calendar.calendarOf(year);
    const origin = provisional ? 'statutory' : uploaded.has(year) ? 'uploaded' : 'shipped';
    return { ...cal, origin, provisional, reason: provisional ? 'official_notice_missing' : null };
  };

  /** The admins' warning, in the log: this year and next, when either has no official notice. */
  const warnIfProvisional = () => {
    const thisYear = yearOf(localDateOf(deps.clock.now(), deps.timeZone));
    if (warnedFor === thisYear) return;
    warnedFor = thisYear;
    for (const year of [thisYear, thisYear + 1]) {
      if (!calendar.isProvisional(year)) continue;
      deps.logger.warn(
        { event: 'calendar_provisional', year, reason: 'official_notice_missing' },
        `no official holiday calendar for ${year}: due dates counted over it use the statutory holidays and weekends only (no 调休) and are marked provisional; an admin should upload ${year}.json (PUT /api/v1/calendar/${year})`,
      );
    }
  };

  /** A notice that misses a statutory day is a typo or the wrong year: say which days. */
  const checkStatutoryDays = (cal: CalendarYear) => {
    const off = new Set<string>();
    for (const h of cal.holidays) for (let d = h.from; d <= h.to; d = addDays(d, 1)) off.add(d);
    const missing = statutoryDays(cal.year).filter((d) => !off.has(d));
    if (missing.length) {
      throw new HttpError(
        400,
        'invalid_calendar',
        `invalid body: statutory days off missing from the holidays: ${missing.join(', ')}`,
        missing.map((d) => ({ path: 'holidays', message: `${d} is a statutory day off` })),
      );
    }
  };

  return {
    describe,
    warnIfProvisional,

    onOfficialLoaded(listener: OfficialYearLoaded): void {
      listeners.push(listener);
    },

    /** Stores the year, uses it from now on and recomputes provisional due dates: one transaction, audited. */
    load(principal: Principal, pathYear: number, body: unknown): LoadCalendarYearResponse {
      const cal = parseOrThrow(officialCalendarYearSchema, body);
      if (cal.year !== pathYear)
        throw new HttpError(400, 'invalid_request', `invalid body: year ${cal.year} uploaded to /calendar/${pathYear}`, [
          { path: 'year', message: `expected ${pathYear}` },
        ]);
      checkStatutoryDays(cal);
      const previous = calendar.isProvisional(cal.year) ? undefined : calendar.calendarOf(cal.year).calendar;
      const now = deps.clock.now();
      let recomputed: number[];
      try {
        recomputed = deps.db.transaction(() => {
          deps.store.save(cal, now, principal.userId);
          calendar.setOfficial(cal);
          const changed = listeners.flatMap((l) => l(principal.userId, cal.year));
          deps.audit.record({
            actorUserId: principal.userId,
            action: 'calendar.load',
            entityType: 'calendar_year',
            entityId: cal.year,
            detail: {
              source: cal.source,
              holidays: cal.holidays.length,
              workingWeekendDays: cal.workingWeekendDays.length,
              replaced: previous ? (uploaded.has(cal.year) ? 'uploaded' : 'shipped') : 'statutory',
              recomputedWorkOrders: changed.length,
            },
          });
          return changed;
        })();
      } catch (error) {
        calendar.restore(cal.year, previous);
        throw error;
      }
      uploaded.add(cal.year);
      deps.logger.info(
        { event: 'calendar_loaded', year: cal.year, recomputedWorkOrders: recomputed.length },
        `official holiday calendar for ${cal.year} loaded`,
      );
      return { ...describe(cal.year), recomputedWorkOrders: recomputed };
    },
  };
}
