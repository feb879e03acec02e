import { defineRoute, fileResponse } from './route.js';
import { callIdParamsSchema } from './calls.js';
import { callSearchQuerySchema, callSearchResponseSchema, recordingQuerySchema, recordingTicketResponseSchema, recordingUsageSchema } from './recordings.js';

/** Finding calls and playing their recordings: team leads, quality checkers, admins; never agents. */
export const recordingRoutes = {
  searchCalls: defineRoute({ method: 'GET', path: '/api/v1/recordings/calls', query: callSearchQuerySchema, response: callSearchResponseSchema }),
  /** The disk the recordings take, and how long they are kept. */
  usage: defineRoute({ method: 'GET', path: '/api/v1/recordings/usage', response: recordingUsageSchema }),
  /** A play ticket an <audio> element can use (it sends no Authorization header); asking is the audited play. */
  ticket: defineRoute({ method: 'POST', path: '/api/v1/calls/:callId/recording/ticket', params: callIdParamsSchema, response: recordingTicketResponseSchema }),
  /** The WAV, streamed with Range: a bearer token or `?ticket=`. The desk gives its URL (api.urlFor) to an <audio> element. */
  play: defineRoute({
    method: 'GET',
    path: '/api/v1/calls/:callId/recording',
    params: callIdParamsSchema,
    query: recordingQuerySchema,
    response: fileResponse,
  }),
};
