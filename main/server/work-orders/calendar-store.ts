import type { Db } from '../db/database.js';
import { calendarYearSchema, type CalendarYear } from '../../../shared/calendar/calendar-year.js';

/** Official year calendars uploaded by an admin (migration 0013); they win over the shipped files. */
export class CalendarStore {
  private readonly allStmt;
  private readonly upsertStmt;

  constructor(db: Db) {
    this.allStmt = db.prepare<[], { year: number; body: string }>('SELECT year, body FROM calendar_years ORDER BY year');
    this.upsertStmt = db.prepare(
      `INSERT INTO calendar_years (year, body, loaded_at, loaded_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (year) DO UPDATE SET body = excluded.body, loaded_at = excluded.loaded_at, loaded_by = excluded.loaded_by`,
    );
  }

  /** A stored year that no longer parses stops the server with its year, like a bad shipped file. */
  all(): CalendarYear[] {
    return this.allStmt.all().map((row) => {
      const parsed = calendarYearSchema.safeParse(JSON.parse(row.body));
      if (!parsed.success || parsed.data.year !== row.year)
        throw new Error(`the uploaded calendar for ${row.year} in the database is invalid; upload it again`);
      return parsed.data;
    });
  }

  save(calendar: CalendarYear, at: number, by: number): void {
    this.upsertStmt.run(calendar.year, JSON.stringify(calendar), at, by);
  }
}
