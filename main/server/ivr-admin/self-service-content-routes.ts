import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthService } from '../auth/auth-service.js';
import type { AuditService } from '../audit/audit-service.js';
import { assertCenter, principalOf, type Principal } from '../auth/principal.js';
import { HttpError } from '../http/http-app.js';
import { registerRoute } from '../http/register-route.js';
import { routes } from '../../../shared/api/routes.js';
import type { ContentOutlet, ContentPolicy } from '../../../shared/api/self-service-content.js';
import type { Outlet, PolicyDocument } from '../../../shared/api/gateway.js';
import type { ProvidentFundGateway } from '../gateway/provident-fund-gateway.js';
import type { SpokenPrompts } from '../ivr/spoken-prompts.js';
import { outletSpeech, policySpeech, speechTexts } from '../self-service/spoken-texts.js';
import type { OutletRow, SelfServiceContent } from './self-service-content.js';
import { speechOrThrow } from './ivr-prompt-routes.js';

export interface ContentRouteDeps {
  auth: AuthService;
  audit: AuditService | undefined;
  centerCode: string;
  gateway: () => ProvidentFundGateway;
  /** The embedded store's tables; undefined for a center on a core system over HTTP. */
  content: SelfServiceContent | undefined;
  spoken: SpokenPrompts;
}

/**
 * 政策 and 网点 as the IVR reads them: the admin lists, edits, adds and removes them. A save makes
 * the speech first (a failed TTS changes nothing), then writes, so the next caller hears the new
 * words; speech no text uses any more is removed.
 */
export function registerContentRoutes(app: FastifyInstance, deps: ContentRouteDeps): void {
  const preHandler = deps.auth.requireRole('center_admin');
  const admin = (request: FastifyRequest): Principal => {
    const principal = principalOf(request);
    assertCenter(principal, deps.centerCode);
    return principal;
  };
  const editable = (): SelfServiceContent => {
    if (!deps.content) throw new HttpError(409, 'content_external', "this center's policies and outlets come from its core system: edit them there");
    return deps.content;
  };
  const policyOut = (p: PolicyDocument): ContentPolicy => ({ ...p, spokenPrompt: deps.spoken.ready(policySpeech(p)) ?? null });
  const outletOut = (o: Outlet & { slotCapacity?: number }): ContentOutlet => ({
    code: o.code,
    name: o.name,
    district: o.district,
    address: o.address,
    hours: o.hours,
    phone: o.phone,
    slotCapacity: o.slotCapacity ?? 0,
    spokenPrompt: deps.spoken.ready(outletSpeech(o)) ?? null,
  });
  /** Speech for every text of a policy or an outlet about to be saved. */
  const speak = (texts: string[]) => speechOrThrow(() => Promise.all(texts.map((t) => deps.spoken.prepare(t))));
  const prune = (content: SelfServiceContent) => {
    const keep = new Set(speechTexts(content.policies(), content.outlets()).map((t) => deps.spoken.idFor(t)));
    deps.spoken.prune(keep);
  };
  const audit = (principal: Principal, action: string, entityType: string, id: string, detail: Record<string, unknown>) =>
    deps.audit?.record({ actorUserId: principal.userId, action, entityType, entityId: id, detail: { workNumber: principal.workNumber, ...detail } });

  registerRoute(app, routes.ivr.policies, { preHandler }, async (_input, request) => {
    admin(request);
    const policies = deps.content ? deps.content.policies() : await deps.gateway().listPolicies();
    return { editable: deps.content !== undefined, policies: policies.map(policyOut) };
  });

  registerRoute(app, routes.ivr.createPolicy, { preHandler }, async ({ body }, request) => {
    const principal = admin(request);
    const content = editable();
    await speak([policySpeech(body)]);
    const created = content.createPolicy(body);
    audit(principal, 'ivr.policy.create', 'policy', created.id, { title: created.title, category: created.category });
    return policyOut(created);
  });

  registerRoute(app, routes.ivr.updatePolicy, { preHandler }, async ({ params, body }, request) => {
    const principal = admin(request);
    const content = editable();
    const before = content.policy(params.id);
    await speak([policySpeech(body)]);
    const updated = content.updatePolicy(params.id, body);
    prune(content);
    audit(principal, 'ivr.policy.update', 'policy', updated.id, {
      title: updated.title,
      before: { title: before.title, summary: before.summary },
      summary: updated.summary,
    });
    return policyOut(updated);
  });

  registerRoute(app, routes.ivr.deletePolicy, { preHandler }, ({ params }, request) => {
    const principal = admin(request);
    const content = editable();
    const was = content.deletePolicy(params.id);
    prune(content);
    audit(principal, 'ivr.policy.delete', 'policy', was.id, { title: was.title });
  });

  registerRoute(app, routes.ivr.outlets, { preHandler }, async (_input, request) => {
    admin(request);
    const outlets: Array<Outlet & { slotCapacity?: number }> = deps.content ? deps.content.outlets() : await deps.gateway().listOutlets();
    return { editable: deps.content !== undefined, outlets: outlets.map(outletOut) };
  });

  const outletTexts = (o: Pick<OutletRow, 'name' | 'address' | 'hours' | 'district'>) => [outletSpeech(o), o.name, o.district];

  registerRoute(app, routes.ivr.createOutlet, { preHandler }, async ({ body }, request) => {
    const principal = admin(request);
    const content = editable();
    await speak(outletTexts(body));
    const created = content.createOutlet(body);
    audit(principal, 'ivr.outlet.create', 'outlet', created.code, { name: created.name, district: created.district });
    return outletOut(created);
  });

  registerRoute(app, routes.ivr.updateOutlet, { preHandler }, async ({ params, body }, request) => {
    const principal = admin(request);
    const content = editable();
    const before = content.outlet(params.code);
    await speak(outletTexts(body));
    const updated = content.updateOutlet(params.code, body);
    prune(content);
    const changed = (Object.keys(body) as Array<keyof typeof body>).filter((k) => body[k] !== before[k]);
    audit(principal, 'ivr.outlet.update', 'outlet', updated.code, { name: updated.name, changed });
    return outletOut(updated);
  });

  registerRoute(app, routes.ivr.deleteOutlet, { preHandler }, ({ params }, request) => {
    const principal = admin(request);
    const content = editable();
    const was = content.deleteOutlet(params.code);
    prune(content);
    audit(principal, 'ivr.outlet.delete', 'outlet', was.code, { name: was.name });
  });
}
