import type { Migration } from '../migrate.js';

// Owner: auth module: who did what, when, to which record.
export const m0003AuditLog: Migration = {
  version: 3,
  name: 'audit-log',
  up(_db) {},
};
