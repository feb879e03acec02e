import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http/http-app.js';
import { registerRoute } from '../http/register-route.js';
import { principalOf } from '../auth/principal.js';
import type { AuthService } from '../auth/auth-service.js';
import type { AuditService } from '../audit/audit-service.js';
import type { EmbeddedPinStore } from '../gateway/embedded-pin-store.js';
import { maskAccount } from '../../../shared/api/verification.js';
import { callerPinRoutes as routes } from '../../../shared/api/verification-routes.js';
import type { VerificationService } from './verification-service.js';

export interface PinRouteDeps {
  auth: AuthService;
  verification: VerificationService;
  /** Absent when a core system keeps the PINs: then nothing is set here. */
  pins: () => EmbeddedPinStore | undefined;
  audit: () => AuditService | undefined;
}

/**
 * Telephone PINs on the embedded store: an outlet sets or resets one after checking the holder's
 * document, or an admin imports the old system's salted hashes. Center admins only; audited with
 * the account masked and only the document number's last four characters, never the PIN or the hash.
 */
export function registerPinRoutes(app: FastifyInstance, deps: PinRouteDeps): void {
  const guard = { preHandler: deps.auth.requireRole('center_admin') };
  const store = (): EmbeddedPinStore => {
    const pins = deps.pins();
    if (!pins) throw new HttpError(409, 'pins_in_core_system', "telephone PINs are kept by the center's core system; set them there");
    return pins;
  };
  const audit = (): AuditService => {
    const service = deps.audit();
    if (!service) throw new HttpError(503, 'audit_unavailable', 'PINs are not changed without the audit trail');
    return service;
  };

  registerRoute(app, routes.store, guard, () => ({ store: deps.pins() ? ('embedded' as const) : ('core_system' as const) }));

  registerRoute(app, routes.set, guard, async ({ body }, request) => {
    const pins = store();
    const trail = audit();
    const subject = await deps.verification.resolveSubject(body.loginType, body.account);
    if (!subject) throw new HttpError(404, 'account_not_found', 'no fund account or employer with this number');
    await pins.set(subject, body.pin);
    trail.record({
      actorUserId: principalOf(request).userId,
      action: 'caller_pin.set',
      entityType: subject.kind,
      entityId: maskAccount(subject.id),
      detail: { loginType: body.loginType, identityDocument: body.identityDocument, documentNumberEnd: body.documentNumber.slice(-4) },
    });
    return { subjectKind: subject.kind, account: maskAccount(subject.id) };
  });

  registerRoute(app, routes.import, guard, ({ body }, request) => {
    const pins = store();
    const trail = audit();
    const result = pins.importHashes(body.items.map((item) => ({ subject: { kind: item.subjectKind, id: item.subjectId }, hash: item.hash })));
    trail.record({
      actorUserId: principalOf(request).userId,
      action: 'caller_pin.import',
      entityType: 'caller_pins',
      entityId: null,
      detail: { imported: result.imported, refused: result.refused.length },
    });
    return result;
  });
}
