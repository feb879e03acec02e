import { z } from 'zod';
import { systemEventSchemas } from './system.js';
import { acdEventSchemas } from './acd.js';
import { callsEventSchemas } from './calls.js';
import { knowledgeBaseEventSchemas } from './knowledge-base.js';
import { workOrderEventSchemas } from './work-orders.js';
import { supervisionEventSchemas } from './supervision.js';
import { callVerificationEventSchema } from '../calls.js';

/** Everything the server pushes on /api/v1/events, one file of schemas per domain. */
export const serverEventSchema = z.discriminatedUnion('type', [
  ...systemEventSchemas,
  ...acdEventSchemas,
  ...callsEventSchemas,
  ...knowledgeBaseEventSchemas,
  ...workOrderEventSchemas,
  ...supervisionEventSchemas,
  callVerificationEventSchema,
]);
export type ServerEvent = z.infer<typeof serverEventSchema>;
