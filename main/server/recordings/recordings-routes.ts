import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthService } from '../auth/auth-service.js';
import type { AuditService } from '../audit/audit-service.js';
import type { Principal } from '../auth/principal.js';
import { assertCenter, principalOf } from '../auth/principal.js';
import { sendWavFile } from '../http/send-wav-file.js';
import { HttpError } from '../http/http-app.js';
import { registerRoute } from '../http/register-route.js';
import { routes } from '../../../shared/api/routes.js';
import { queryString, routePath } from '../../../shared/api/route.js';
import { RECORDING_ROLES, type RecordingUsage } from '../../../shared/api/recordings.js';
import type { Role } from '../../../shared/api/auth.js';
import type { PlayTickets } from './play-tickets.js';
import type { RecordedCalls } from './recorded-calls.js';

export interface RecordingRouteDeps {
  auth: AuthService;
  audit: AuditService | undefined;
  calls: RecordedCalls;
  tickets: PlayTickets;
  centerCode: string;
  usage(): Promise<RecordingUsage>;
}

const PLAYERS = new Set<Role>(RECORDING_ROLES);

/** Finding calls and playing their recordings: team leads, quality checkers, admins; never agents. */
export function registerRecordingRoutes(app: FastifyInstance, deps: RecordingRouteDeps): void {
  const guard = { preHandler: deps.auth.requireRole(...RECORDING_ROLES) };

  registerRoute(app, routes.recordings.searchCalls, guard, ({ query }, request) => {
    assertCenter(principalOf(request), deps.centerCode);
    return { calls: deps.calls.search(query) };
  });

  registerRoute(app, routes.recordings.usage, guard, (_, request) => {
    assertCenter(principalOf(request), deps.centerCode);
    return deps.usage();
  });

  registerRoute(app, routes.recordings.ticket, guard, ({ params: { callId } }, request) => {
    const principal = principalOf(request);
    assertCenter(principal, deps.centerCode);
    const segments = segmentsOrThrow(deps, callId);
    const { ticket, expiresAt } = deps.tickets.issue(deps.auth.tokenFromRequest(request.raw)!, callId);
    return {
      url: routePath(routes.recordings.play.path, { callId }) + queryString({ ticket }),
      ticket,
      segments: segments.length,
      expiresAt: new Date(expiresAt).toISOString(),
    };
  });

  // The bearer token (API clients) or a play ticket (an <audio> element); the session's rights either way.
  registerRoute(app, routes.recordings.play, {}, async ({ params: { callId }, query: { segment, ticket } }, request, reply) => {
    const principal = authorize(deps, request, callId, ticket);
    const files = segmentsOrThrow(deps, callId);
    const file = files[segment - 1];
    if (!file) throw new HttpError(404, 'recording_segment_not_found', `call ${callId} has ${files.length} recording segment(s), not ${segment}`);
    await sendWavFile(request, reply, file, {
      missing: () => new HttpError(404, 'recording_missing', 'the recording file is gone (past the retention period, or removed)'),
      fromStart: () =>
        deps.audit?.record({
          actorUserId: principal.userId,
          action: 'recording.play',
          entityType: 'call',
          entityId: callId,
          callId,
          detail: { segment, workNumber: principal.workNumber, role: principal.role },
        }),
    });
    return reply;
  });
}

function authorize(deps: RecordingRouteDeps, request: FastifyRequest, callId: string, ticket: string | undefined): Principal {
  const token = ticket === undefined ? deps.auth.tokenFromRequest(request.raw) : deps.tickets.redeem(ticket, callId);
  const principal = deps.auth.authenticateToken(token);
  if (!principal) throw new HttpError(401, ticket === undefined ? 'unauthenticated' : 'ticket_invalid', 'sign in first, or ask for a new play ticket');
  if (!PLAYERS.has(principal.role)) throw new HttpError(403, 'forbidden', `the role ${principal.role} may not play recordings`);
  assertCenter(principal, deps.centerCode);
  return principal;
}

function segmentsOrThrow(deps: RecordingRouteDeps, callId: string): string[] {
  const files = deps.calls.segmentsOf(callId);
  if (!files) throw new HttpError(404, 'call_not_found', `no call ${callId} in this center`);
  if (files.length === 0) throw new HttpError(404, 'no_recording', `call ${callId} was not recorded (it never reached an agent, or recording failed)`);
  return files;
}
