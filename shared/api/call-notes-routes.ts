import { z } from 'zod';
import { defineRoute } from './route.js';
import { callNoteSchema, createCallNoteRequestSchema, listCallNotesQuerySchema } from './call-notes.js';

/** §2.4-4/5/7: the agent's record of a call; complaints and suggestions open a work order with it. */
export const callNoteRoutes = {
  create: defineRoute({ method: 'POST', path: '/api/v1/call-notes', body: createCallNoteRequestSchema, response: callNoteSchema, status: 201 }),
  list: defineRoute({ method: 'GET', path: '/api/v1/call-notes', query: listCallNotesQuerySchema, response: z.object({ callNotes: z.array(callNoteSchema) }) }),
};
