import type { Migration } from '../migrate.js';

// LOCAL ONLY, reverted before the perf branch is reported: stands for the migration 26 another
// engineer owns this wave, so that migration 29 (kb-word-index) can run on this branch alone.
export const m0026GapPlaceholder: Migration = { version: 26, name: 'gap-placeholder-26', up() {} };
