import type { Migration } from '../migrate.js';

// Owner: work-orders module.
export const m0004WorkOrders: Migration = {
  version: 4,
  name: 'work-orders',
  up(_db) {},
};
