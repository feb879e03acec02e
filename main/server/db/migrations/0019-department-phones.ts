import type { Migration } from '../migrate.js';

// Owner: voice and work-orders modules. A department's extension (its phone number through the
// center's trunk): agents transfer or consult callers to it; the admin sets it, the dial plan checks it.
export const m0019DepartmentPhones: Migration = {
  version: 19,
  name: 'department-phones',
  up(db) {
    db.exec(`
      ALTER TABLE departments ADD COLUMN phone TEXT CHECK (phone IS NULL OR (length(phone) BETWEEN 3 AND 20 AND phone NOT GLOB '*[^0-9]*'));
    `);
  },
};
