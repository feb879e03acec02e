import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthService } from '../auth/auth-service.js';
import type { AuditService } from '../audit/audit-service.js';
import type { Principal } from '../auth/principal.js';
import { assertCenter, principalOf } from '../auth/principal.js';
import { HttpError } from '../http/http-app.js';
import { registerRoute } from '../http/register-route.js';
import { routes } from '../../../shared/api/routes.js';
import { queryString, routePath } from '../../../shared/api/route.js';
import { RECORDING_ROLES, type RecordingUsage } from '../../../shared/api/recordings.js';
import type { Role } from '../../../shared/api/auth.js';
import { parseByteRange } from './byte-range.js';
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
    await sendFile(request, reply, file, () =>
      deps.audit?.record({
        actorUserId: principal.userId,
        action: 'recording.play',
        entityType: 'call',
        entityId: callId,
        callId,
        detail: { segment, workNumber: principal.workNumber, role: principal.role },
      }),
    );
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

/**
 * Streams a WAV with Range support and no caching (a recording is personal data: no copy stays in
 * a browser's cache). `played` runs for a request from the first byte: a play, not every seek.
 */
async function sendFile(request: FastifyRequest, reply: FastifyReply, file: string, played: () => void): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new HttpError(404, 'recording_missing', 'the recording file is gone (past the retention period, or removed)');
  const range = parseByteRange(request.headers.range, info.size);
  reply.header('Accept-Ranges', 'bytes').header('Cache-Control', 'no-store').header('Content-Type', 'audio/wav');
  if (range === 'unsatisfiable') {
    reply.code(416).header('Content-Range', `bytes */${info.size}`);
    return void reply.send();
  }
  const { start, end } = range ?? { start: 0, end: info.size - 1 };
  if (start === 0) played();
  if (range) reply.code(206).header('Content-Range', `bytes ${start}-${end}/${info.size}`);
  reply.header('Content-Length', String(end - start + 1));
  return void reply.send(info.size === 0 ? '' : createReadStream(file, { start, end }));
}
