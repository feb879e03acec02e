// The column names of the raw counts and attendance counts in the network tables (migration 24),
// mapped from the contract's field names once.
import { RAW_COUNT_FIELDS, type RawCounts } from '../../../shared/metrics/raw-counts.js';
import { ATTENDANCE_COUNT_FIELDS, type AttendanceCounts } from '../../../shared/api/network.js';

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const COUNT_COLUMNS: Record<keyof RawCounts, string> = Object.fromEntries(RAW_COUNT_FIELDS.map((f) => [f, snake(f)])) as Record<keyof RawCounts, string>;
export const ATTENDANCE_COLUMNS: Record<keyof AttendanceCounts, string> = Object.fromEntries(ATTENDANCE_COUNT_FIELDS.map((f) => [f, snake(f)])) as Record<
  keyof AttendanceCounts,
  string
>;

export const ALL_COUNT_COLUMNS = [...Object.values(COUNT_COLUMNS), ...Object.values(ATTENDANCE_COLUMNS)];

/** `TOTAL(col) AS field` for each raw count and attendance count. */
export const SUM_SELECT = [
  ...RAW_COUNT_FIELDS.map((f) => `TOTAL(${COUNT_COLUMNS[f]}) AS ${f}`),
  ...ATTENDANCE_COUNT_FIELDS.map((f) => `TOTAL(${ATTENDANCE_COLUMNS[f]}) AS ${f}`),
].join(', ');

/** A summed row (floats from TOTAL) as whole raw counts and attendance counts. */
export function countsOfRow(row: Record<string, number>): { counts: RawCounts; attendance: AttendanceCounts } {
  const counts = Object.fromEntries(RAW_COUNT_FIELDS.map((f) => [f, Math.round(row[f] ?? 0)])) as unknown as RawCounts;
  const attendance = Object.fromEntries(ATTENDANCE_COUNT_FIELDS.map((f) => [f, Math.round(row[f] ?? 0)])) as unknown as AttendanceCounts;
  return { counts, attendance };
}
