import { defineRoute } from './route.js';
import {
  assignEntriesRequestSchema,
  createFollowUpListRequestSchema,
  followUpEntrySchema,
  followUpListDetailSchema,
  followUpListsResponseSchema,
  idParamsSchema,
  markDoneRequestSchema,
  myFollowUpsResponseSchema,
  recordAttemptRequestSchema,
} from './follow-up-lists.js';

/** Reminder-call lists (§1.2 回访): leads make and assign them, agents work the numbers given to them. */
export const followUpListRoutes = {
  create: defineRoute({
    method: 'POST',
    path: '/api/v1/follow-up-lists',
    body: createFollowUpListRequestSchema,
    response: followUpListDetailSchema,
    status: 201,
  }),
  list: defineRoute({ method: 'GET', path: '/api/v1/follow-up-lists', response: followUpListsResponseSchema }),
  /** The calling agent's numbers. */
  mine: defineRoute({ method: 'GET', path: '/api/v1/follow-up-lists/mine', response: myFollowUpsResponseSchema }),
  get: defineRoute({ method: 'GET', path: '/api/v1/follow-up-lists/:id', params: idParamsSchema, response: followUpListDetailSchema }),
  assign: defineRoute({
    method: 'POST',
    path: '/api/v1/follow-up-lists/:id/assign',
    params: idParamsSchema,
    body: assignEntriesRequestSchema,
    response: followUpListDetailSchema,
  }),
  /** One call to a number of the list, with its outcome (`:id` is the entry's). */
  recordAttempt: defineRoute({
    method: 'POST',
    path: '/api/v1/follow-up-entries/:id/attempts',
    params: idParamsSchema,
    body: recordAttemptRequestSchema,
    response: followUpEntrySchema,
    status: 201,
  }),
  markDone: defineRoute({
    method: 'POST',
    path: '/api/v1/follow-up-entries/:id/done',
    params: idParamsSchema,
    body: markDoneRequestSchema,
    response: followUpEntrySchema,
  }),
};
