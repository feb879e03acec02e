import { statSync } from 'node:fs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthService } from '../auth/auth-service.js';
import type { AuditService } from '../audit/audit-service.js';
import { assertCenter, principalOf, type Principal } from '../auth/principal.js';
import { HttpError } from '../http/http-app.js';
import { sendWavFile } from '../http/send-wav-file.js';
import { registerRoute } from '../http/register-route.js';
import { routes } from '../../../shared/api/routes.js';
import { MAX_PROMPT_UPLOAD_BYTES, type IvrPrompt } from '../../../shared/api/ivr-prompts.js';
import type { PlayTickets } from '../recordings/play-tickets.js';
import type { PromptLibrary } from '../voice/prompt-library.js';
import { isSpokenId } from '../ivr/spoken-prompts.js';
import { ToolError } from '../ivr/tts/run-tool.js';
import { TtsTextError } from '../ivr/tts/synthesize.js';
import type { PromptCatalog } from './prompt-catalog.js';
import type { PromptReplacements } from './prompt-replacements.js';
import { UploadError, decodeUpload } from './prompt-upload.js';

export interface PromptRouteDeps {
  auth: AuthService;
  audit: AuditService | undefined;
  centerCode: string;
  catalog: PromptCatalog;
  replacements: PromptReplacements;
  /** Resolves an id to the file the IVR plays now (replacement, shipped or spoken). */
  library: PromptLibrary;
  tickets: PlayTickets;
}

/** Base64 of the largest upload, and the JSON around it. */
const UPLOAD_BODY_LIMIT = Math.ceil(MAX_PROMPT_UPLOAD_BYTES / 3) * 4 + 64 * 1024;

/** 语音导航: the IVR's prompts for the center admin; replacements are heard on the next call. */
export function registerPromptRoutes(app: FastifyInstance, deps: PromptRouteDeps): void {
  const preHandler = deps.auth.requireRole('center_admin');
  const admin = (request: FastifyRequest): Principal => {
    const principal = principalOf(request);
    assertCenter(principal, deps.centerCode);
    return principal;
  };
  const known = (id: string): string => {
    if (deps.catalog.text(id) === undefined) throw new HttpError(404, 'prompt_not_found', `no prompt ${id}`);
    return id;
  };
  const entry = (id: string): IvrPrompt => {
    const meta = deps.replacements.get(id);
    const defaultText = deps.catalog.text(id) ?? '';
    const size = statSync(deps.library.file(id), { throwIfNoEntry: false })?.size ?? 44;
    return {
      id,
      defaultText,
      text: meta?.text || defaultText,
      menu: deps.catalog.isMenu(id),
      // 16 bytes a millisecond at 8 kHz 16-bit mono, after the 44-byte header.
      durationMs: Math.max(0, Math.round((size - 44) / 16)),
      replaced: meta ? { source: meta.source, fileName: meta.fileName, updatedAt: new Date(meta.updatedAt).toISOString(), updatedBy: meta.updatedBy } : null,
    };
  };
  const audit = (principal: Principal, action: string, id: string, detail: Record<string, unknown>) =>
    deps.audit?.record({
      actorUserId: principal.userId,
      action,
      entityType: 'ivr_prompt',
      entityId: id,
      detail: { workNumber: principal.workNumber, ...detail },
    });

  registerRoute(app, routes.ivr.prompts, { preHandler }, (_input, request) => {
    admin(request);
    return { prompts: deps.catalog.ids.filter((id) => deps.library.has(id)).map(entry) };
  });

  registerRoute(app, routes.ivr.promptText, { preHandler }, async ({ params, body }, request) => {
    const principal = admin(request);
    const id = known(params.id);
    await speechOrThrow(() => deps.replacements.fromText(id, body.text, principal.workNumber));
    audit(principal, 'ivr.prompt.text', id, { text: body.text });
    return entry(id);
  });

  registerRoute(app, routes.ivr.promptRecording, { preHandler, bodyLimit: UPLOAD_BODY_LIMIT }, async ({ params, body }, request) => {
    const principal = admin(request);
    const id = known(params.id);
    const text = body.text ?? deps.replacements.get(id)?.text ?? deps.catalog.text(id)!;
    let made;
    try {
      made = await deps.replacements.fromUpload(id, decodeUpload(body.data), body.fileName, text, principal.workNumber);
    } catch (error) {
      if (!(error instanceof UploadError)) throw error;
      if (error.code === 'audio_tool_missing') throw new HttpError(503, error.code, error.message);
      throw new HttpError(400, error.code, error.message, { field: 'file' });
    }
    audit(principal, 'ivr.prompt.upload', id, { fileName: body.fileName, durationMs: made.durationMs });
    return entry(id);
  });

  registerRoute(app, routes.ivr.revertPrompt, { preHandler }, async ({ params }, request) => {
    const principal = admin(request);
    const id = known(params.id);
    if (await deps.replacements.revert(id)) audit(principal, 'ivr.prompt.revert', id, {});
    return entry(id);
  });

  registerRoute(app, routes.ivr.promptTicket, { preHandler }, ({ params }, request) => {
    admin(request);
    const id = playable(deps, params.id);
    const { ticket, expiresAt } = deps.tickets.issue(deps.auth.tokenFromRequest(request.raw)!, `prompt:${id}`);
    return { url: `/api/v1/ivr/prompts/${encodeURIComponent(id)}/audio?ticket=${ticket}`, expiresAt: new Date(expiresAt).toISOString() };
  });

  // The bearer token (API clients) or a play ticket (an <audio> element); the session's rights either way.
  registerRoute(app, routes.ivr.promptAudio, {}, async ({ params, query }, request, reply) => {
    const token = query.ticket === undefined ? deps.auth.tokenFromRequest(request.raw) : deps.tickets.redeem(query.ticket, `prompt:${params.id}`);
    const principal = deps.auth.authenticateToken(token);
    if (!principal) throw new HttpError(401, query.ticket === undefined ? 'unauthenticated' : 'ticket_invalid', 'sign in first, or ask for a new play ticket');
    if (principal.role !== 'center_admin') throw new HttpError(403, 'forbidden', `the role ${principal.role} may not play prompts`);
    assertCenter(principal, deps.centerCode);
    await sendWavFile(request, reply, deps.library.file(playable(deps, params.id)), {
      missing: () => new HttpError(404, 'prompt_not_found', 'the prompt file is gone'),
    });
    return reply;
  });
}

/** A shipped prompt, or speech made from the center's data (previewed from the content screens). */
function playable(deps: PromptRouteDeps, id: string): string {
  if ((deps.catalog.text(id) !== undefined || isSpokenId(id)) && deps.library.has(id)) return id;
  throw new HttpError(404, 'prompt_not_found', `no prompt ${id}`);
}

/** TTS failures as the desk shows them: the text's fault (400, field text) or the server's (503). */
export async function speechOrThrow<T>(make: () => Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (error) {
    if (error instanceof TtsTextError)
      throw new HttpError(400, 'invalid_request', error.message, [
        { path: 'text', code: error.reason === 'empty' ? 'required' : 'too_long', message: error.message },
      ]);
    if (error instanceof ToolError) throw new HttpError(503, 'tts_unavailable', error.message);
    throw error;
  }
}
