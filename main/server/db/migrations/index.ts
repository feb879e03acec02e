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
import { m0012CallLifecycle } from './0012-call-lifecycle.js';
import { m0013ProvisionalCalendars } from './0013-provisional-calendars.js';
import { m0014DepartmentsAndOrderLifecycle } from './0014-departments-and-order-lifecycle.js';
import { m0015Supervision } from './0015-supervision.js';
import { m0016MetricsDayRollups } from './0016-metrics-day-rollups.js';
import { m0017WrapUpCodes } from './0017-wrap-up-codes.js';
import { m0018FollowUpListsAndOrderIndexes } from './0018-follow-up-lists-and-order-indexes.js';
import { m0019DepartmentPhones } from './0019-department-phones.js';
import { m0020SmsOutbox } from './0020-sms-outbox.js';
import { m0021TelephonePinOutcomes } from './0021-telephone-pin-outcomes.js';
import { m0022QualityRole } from './0022-quality-role.js';
import { m0023NetworkFeed } from './0023-network-feed.js';
import { m0024NetworkRegistryAndDays } from './0024-network-registry-and-days.js';
import { m0025ServiceHoursAndKbPins } from './0025-service-hours-and-kb-pins.js';
import { m0026KbWordIndex } from './0026-kb-word-index.js';
import { m0027NetworkResendRequests } from './0027-network-resend-requests.js';
import { m0028FollowUpSurveyIndex } from './0028-follow-up-survey-index.js';
import { m0029IvrPromptReplacements } from './0029-ivr-prompt-replacements.js';
import { m0030NetworkListedCenters } from './0030-network-listed-centers.js';
import { m0031KbWordImpacts } from './0031-kb-word-impacts.js';

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
  m0012CallLifecycle,
  m0013ProvisionalCalendars,
  m0014DepartmentsAndOrderLifecycle,
  m0015Supervision,
  m0016MetricsDayRollups,
  m0017WrapUpCodes,
  m0018FollowUpListsAndOrderIndexes,
  m0019DepartmentPhones,
  m0020SmsOutbox,
  m0021TelephonePinOutcomes,
  m0022QualityRole,
  m0023NetworkFeed,
  m0024NetworkRegistryAndDays,
  m0025ServiceHoursAndKbPins,
  m0026KbWordIndex,
  m0027NetworkResendRequests,
  m0028FollowUpSurveyIndex,
  m0029IvrPromptReplacements,
  m0030NetworkListedCenters,
  m0031KbWordImpacts,
];
