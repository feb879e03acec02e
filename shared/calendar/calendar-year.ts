import { z } from 'zod';
import { addDays, isLocalDate, isWeekend, yearOf } from '../time/local-date.js';

const localDate = z.string().refine(isLocalDate, 'a YYYY-MM-DD day');

/**
 * One year of the State Council's holiday notice (国务院办公厅关于部分节假日安排的通知):
 * the official holidays, and the weekend days that are official working days (调休).
 */
export const calendarYearSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    source: z.string().min(1),
    holidays: z.array(z.object({ name: z.string().min(1), from: localDate, to: localDate })),
    workingWeekendDays: z.array(z.object({ date: localDate, for: z.string().min(1) })),
  })
  .superRefine((cal, ctx) => {
    const holidayDays = new Set<string>();
    cal.holidays.forEach((h, i) => {
      if (!isLocalDate(h.from) || !isLocalDate(h.to)) return;
      if (h.from > h.to) ctx.addIssue({ code: 'custom', path: ['holidays', i], message: `${h.name}: from ${h.from} is after to ${h.to}` });
      if (yearOf(h.from) !== cal.year || yearOf(h.to) !== cal.year)
        ctx.addIssue({ code: 'custom', path: ['holidays', i], message: `${h.name} is not in ${cal.year}` });
      for (let d = h.from; d <= h.to && holidayDays.size < 400; d = addDays(d, 1)) holidayDays.add(d);
    });
    cal.workingWeekendDays.forEach((w, i) => {
      const path = ['workingWeekendDays', i];
      if (!isLocalDate(w.date)) return;
      if (yearOf(w.date) !== cal.year) ctx.addIssue({ code: 'custom', path, message: `${w.date} is not in ${cal.year}` });
      if (!isWeekend(w.date)) ctx.addIssue({ code: 'custom', path, message: `${w.date} is not a Saturday or Sunday` });
      if (holidayDays.has(w.date)) ctx.addIssue({ code: 'custom', path, message: `${w.date} is also a holiday` });
    });
  });
export type CalendarYear = z.infer<typeof calendarYearSchema>;

/**
 * An official year file uploaded by an admin: the year file, plus the slips a hand-typed notice
 * makes (a day twice, a year with a handful of holidays or a hundred). The server also checks that
 * every statutory day is a holiday.
 */
export const officialCalendarYearSchema = calendarYearSchema.superRefine((cal, ctx) => {
  const seen = new Set<string>();
  let total = 0;
  cal.holidays.forEach((h, i) => {
    if (!isLocalDate(h.from) || !isLocalDate(h.to) || h.from > h.to) return;
    for (let d = h.from; d <= h.to && total <= 400; d = addDays(d, 1), total++) {
      if (seen.has(d)) ctx.addIssue({ code: 'custom', path: ['holidays', i], message: `${d} is in two holidays` });
      seen.add(d);
    }
  });
  if (cal.holidays.length < 5 || cal.holidays.length > 12)
    ctx.addIssue({
      code: 'custom',
      path: ['holidays'],
      message: `${cal.holidays.length} holidays: a notice names 7 festivals (some merged), so 5 to 12 entries`,
    });
  if (total < 13 || total > 45)
    ctx.addIssue({
      code: 'custom',
      path: ['holidays'],
      message: `${total} holiday days: a year has 13 statutory days and at most about 40 with bridging days`,
    });
  if (cal.workingWeekendDays.length > 12)
    ctx.addIssue({ code: 'custom', path: ['workingWeekendDays'], message: `${cal.workingWeekendDays.length} working weekend days: at most 12` });
  const weekendDays = cal.workingWeekendDays.map((w) => w.date);
  weekendDays.forEach((d, i) => {
    if (weekendDays.indexOf(d) !== i) ctx.addIssue({ code: 'custom', path: ['workingWeekendDays', i], message: `${d} is listed twice` });
  });
});
