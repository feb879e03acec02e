// The HTTP API's one route table: the server registers its handlers from it, the desk calls
// through it (docs/architecture.md, Contracts). One file per domain, `*-routes.ts`.
import { acdRoutes } from './acd-routes.js';
import { authRoutes, userRoutes } from './auth-routes.js';
import { callNoteRoutes } from './call-notes-routes.js';
import { callerRoutes, callRoutes } from './calls-routes.js';
import { knowledgeBaseRoutes } from './knowledge-base-routes.js';
import { departmentRoutes } from './departments-routes.js';
import { workOrderRoutes } from './work-orders-routes.js';

export const routes = {
  auth: authRoutes,
  users: userRoutes,
  acd: acdRoutes,
  callNotes: callNoteRoutes,
  calls: callRoutes,
  callers: callerRoutes,
  kb: knowledgeBaseRoutes,
  workOrders: workOrderRoutes,
  departments: departmentRoutes,
} as const;
