import type { Migration } from '../migrate.js';

// Owner: gateway module: the embedded adapter's people, accounts, loans, employers, outlets, policies, appointments, SMS subscriptions.
export const m0005ProvidentFund: Migration = {
  version: 5,
  name: 'provident-fund',
  up(_db) {},
};
