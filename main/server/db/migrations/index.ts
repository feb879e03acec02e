import type { Migration } from '../migrate.js';
import { m0001ServerMeta } from './0001-server-meta.js';
import { m0002UsersAndSessions } from './0002-users-and-sessions.js';
import { m0003AuditLog } from './0003-audit-log.js';
import { m0004WorkOrders } from './0004-work-orders.js';
import { m0005ProvidentFund } from './0005-provident-fund.js';
import { m0006CallerVerification } from './0006-caller-verification.js';
import { m0007KnowledgeBase } from './0007-knowledge-base.js';
import { m0008CallRecords } from './0008-call-records.js';
import { m0009Attendance } from './0009-attendance.js';
import { m0010CallNotes } from './0010-call-notes.js';
import { m0011FollowUpCalls } from './0011-follow-up-calls.js';
import { m0013DepartmentsAndOrderLifecycle } from './0013-departments-and-order-lifecycle.js';
import type { Migration as M } from '../migrate.js';

// Branch wt/workorders only: 0012 belongs to another branch; this no-op holds its place so that
// migrate()'s version check passes here. The lead replaces it with the real 0012 on merge.
const m0012Reserved: M = { version: 12, name: 'reserved-for-0012', up() {} };

/** Append only: a released migration is never edited, a change is a new migration. */
export const MIGRATIONS: readonly Migration[] = [
  m0001ServerMeta,
  m0002UsersAndSessions,
  m0003AuditLog,
  m0004WorkOrders,
  m0005ProvidentFund,
  m0006CallerVerification,
  m0007KnowledgeBase,
  m0008CallRecords,
  m0009Attendance,
  m0010CallNotes,
  m0011FollowUpCalls,
  m0012Reserved,
  m0013DepartmentsAndOrderLifecycle,
];
