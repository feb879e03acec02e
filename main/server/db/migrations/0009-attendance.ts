import type { Migration } from '../migrate.js';

// Owner: metrics module: shifts and sign-in sessions for attendance.
export const m0009Attendance: Migration = {
  version: 9,
  name: 'attendance',
  up(_db) {},
};
