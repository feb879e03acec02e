import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendarYearSchema, type CalendarYear } from '../../../shared/calendar/calendar-year.js';

/** Reads every resources/calendar/<year>.json; a bad file stops the server with its name. */
export function loadCalendarYears(resourcesDir: string): CalendarYear[] {
  const dir = join(resourcesDir, 'calendar');
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /^\d{4}\.json$/.test(f));
  } catch {
    return [];
  }
  return files.sort().map((file) => {
    const parsed = calendarYearSchema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success)
      throw new Error(`calendar ${join(dir, file)} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    if (`${parsed.data.year}.json` !== file) throw new Error(`calendar ${file} holds the year ${parsed.data.year}`);
    return parsed.data;
  });
}
