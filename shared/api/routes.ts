// The HTTP API's one route table: the server registers its handlers from it, the desk calls
// through it (docs/architecture.md, Contracts). One file per domain, `*-routes.ts`.
import { acdRoutes } from './acd-routes.js';
import { authRoutes, userRoutes } from './auth-routes.js';
import { adminRoutes } from './admin-routes.js';
import { calendarRoutes } from './calendar-routes.js';
import { callNoteRoutes } from './call-notes-routes.js';
import { callerRoutes, callRoutes } from './calls-routes.js';
import { knowledgeBaseRoutes } from './knowledge-base-routes.js';
import { departmentRoutes } from './departments-routes.js';
import { networkRoutes } from './network-routes.js';
import { workOrderRoutes } from './work-orders-routes.js';
import { auditRoutes } from './audit-routes.js';
import { wrapUpRoutes } from './wrap-up-routes.js';
import { callerPinRoutes } from './verification-routes.js';
import { serviceHoursRoutes } from './service-hours-routes.js';
import { ivrRoutes } from './ivr-routes.js';
import { followUpListRoutes } from './follow-up-lists-routes.js';
import { callHistoryRoutes } from './call-history-routes.js';
import { supervisionRoutes } from './supervision-routes.js';
import { recordingRoutes } from './recordings-routes.js';
import { metricsRoutes } from './metrics-routes.js';

export const routes = {
  auth: authRoutes,
  users: userRoutes,
  acd: acdRoutes,
  callNotes: callNoteRoutes,
  calls: callRoutes,
  callers: callerRoutes,
  kb: knowledgeBaseRoutes,
  calendar: calendarRoutes,
  admin: adminRoutes,
  workOrders: workOrderRoutes,
  departments: departmentRoutes,
  audit: auditRoutes,
  wrapUp: wrapUpRoutes,
  network: networkRoutes,
  callerPins: callerPinRoutes,
  serviceHours: serviceHoursRoutes,
  ivr: ivrRoutes,
  followUpLists: followUpListRoutes,
  callHistory: callHistoryRoutes,
  supervision: supervisionRoutes,
  recordings: recordingRoutes,
  metrics: metricsRoutes,
} as const;

/** The WebSocket of server events (shared/api/events/): not an HTTP route, so not in the table. */
export const EVENTS_PATH = '/api/v1/events';
