import { z } from 'zod';
import { calendarYearSchema } from '../calendar/calendar-year.js';

/** GET /api/v1/calendar/:year answers the year file as loaded by the server. */
export const calendarYearParamsSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const calendarYearResponseSchema = calendarYearSchema;
export type CalendarYearResponse = z.infer<typeof calendarYearResponseSchema>;
