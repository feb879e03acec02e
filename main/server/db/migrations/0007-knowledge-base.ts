import type { Migration } from '../migrate.js';

// Owner: knowledge-base module: articles, versions, FTS5 index.
export const m0007KnowledgeBase: Migration = {
  version: 7,
  name: 'knowledge-base',
  up(_db) {},
};
