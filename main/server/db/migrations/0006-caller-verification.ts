import type { Migration } from '../migrate.js';

// Owner: verification module: PIN hashes, lockouts, attempt audit.
export const m0006CallerVerification: Migration = {
  version: 6,
  name: 'caller-verification',
  up(_db) {},
};
