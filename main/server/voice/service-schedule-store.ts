import type { Db } from '../db/database.js';
import type { ServiceSchedule } from '../../../shared/api/service-hours.js';

type Period = { from: string; to: string };

/** The admin's saved §2.3 schedule (migration 25); undefined when none was ever saved. */
export class ServiceScheduleStore {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = {
      weekly: db.prepare<[], { weekday: number; periods: string }>('SELECT weekday, periods FROM service_hours_weekly ORDER BY weekday'),
      exceptions: db.prepare<[], { date: string; periods: string; note: string }>('SELECT date, periods, note FROM service_hours_exceptions ORDER BY date'),
      clearWeekly: db.prepare('DELETE FROM service_hours_weekly'),
      clearExceptions: db.prepare('DELETE FROM service_hours_exceptions'),
      putWeekly: db.prepare<[number, string, number, number | null]>(
        'INSERT INTO service_hours_weekly (weekday, periods, updated_at, updated_by) VALUES (?, ?, ?, ?)',
      ),
      putException: db.prepare<[string, string, string]>('INSERT INTO service_hours_exceptions (date, periods, note) VALUES (?, ?, ?)'),
    };
  }

  load(): ServiceSchedule | undefined {
    const weekly = this.q.weekly.all();
    if (weekly.length !== 7) return undefined;
    return {
      weekly: weekly.map((w) => ({ weekday: w.weekday, periods: JSON.parse(w.periods) as Period[] })),
      exceptions: this.q.exceptions.all().map((e) => ({ date: e.date, periods: JSON.parse(e.periods) as Period[], note: e.note })),
    };
  }

  /** Replaces the whole schedule; call inside the caller's transaction (with its audit entry). */
  save(schedule: ServiceSchedule, at: number, by: number | null): void {
    this.q.clearWeekly.run();
    this.q.clearExceptions.run();
    const only = (ps: readonly Period[]) => JSON.stringify(ps.map((p) => ({ from: p.from, to: p.to })));
    for (const w of schedule.weekly) this.q.putWeekly.run(w.weekday, only(w.periods), at, by);
    for (const e of schedule.exceptions) this.q.putException.run(e.date, only(e.periods), e.note);
  }
}
