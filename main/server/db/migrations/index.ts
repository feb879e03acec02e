import type { Migration } from '../migrate.js';
import { m0001ServerMeta } from './0001-server-meta.js';

/** Append only: a released migration is never edited, a change is a new migration. */
export const MIGRATIONS: readonly Migration[] = [m0001ServerMeta];
