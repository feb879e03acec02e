import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ServerContext, ServerModuleFactory } from '../context.js';
import type { SipService, IncomingCall } from '../sip/sip-service.js';
import type { Acd } from '../acd/acd.js';
import type { CallRecords } from '../calls/call-records.js';
import type { AuthService } from '../auth/auth-service.js';
import type { VerificationService } from '../verification/verification-service.js';
import { createMediaEngine } from '../media/create-media-engine.js';
import { MediaError, type MediaEngine } from '../media/media-engine.js';
import { CallSession, type IvrOutcome } from './call-session.js';
import { createDialogues } from './dialogues.js';
import { PromptLibrary } from './prompt-library.js';
import { registerCallRoutes } from './call-routes.js';
import { createIvrRunner } from './ivr-main-menu.js';
import { createSelfServiceActions } from '../self-service/self-service-actions.js';
import type { AuditService } from '../audit/audit-service.js';
import type { WorkOrderService } from '../work-orders/work-order-service.js';
import type { FollowUpCall } from './follow-up-call.js';
import { createFollowUpRouting } from './follow-up-routing.js';
import { parseDialPlan } from '../../../shared/sip/dial-plan.js';

export interface VoiceModuleOptions {
  /** Builds the self-service menu run on each caller (the IVR engine over resources/ivr). */
  mainMenu: (ctx: ServerContext, prompts: PromptLibrary) => (session: CallSession) => Promise<IvrOutcome>;
  digitTimeoutMs?: number;
}

/**
 * The voice glue: each INVITE to 12329 becomes a CallSession (media leg, IVR, queue, agent leg,
 * bridge, recording, call record). Needs 'sip', 'acd', 'callRecords', 'auth' and 'verification'.
 */
export function voiceModule(options: VoiceModuleOptions = { mainMenu: (ctx, prompts) => createIvrRunner(ctx, prompts, createSelfServiceActions(ctx)).mainMenu }): ServerModuleFactory {
  return async (ctx) => {
    const sip = ctx.services.get('sip') as SipService | undefined;
    const acd = ctx.services.get('acd') as Acd | undefined;
    const records = ctx.services.get('callRecords') as CallRecords | undefined;
    const auth = ctx.services.get('auth') as AuthService | undefined;
    const verification = ctx.services.get('verification') as VerificationService | undefined;
    const audit = ctx.services.get('audit') as AuditService | undefined;
    const workOrders = ctx.services.get('workOrders') as WorkOrderService | undefined;
    if (!sip || !acd || !records || !auth || !verification || !audit) throw new Error('the voice module needs the sip, acd, auth, audit and verification modules before it');

    const logger = ctx.logger.child({ module: 'voice' });
    const prompts = new PromptLibrary(join(ctx.config.resourcesDir, 'prompts', 'zh'));
    const dialogues = createDialogues({ prompts, mainMenu: options.mainMenu(ctx, prompts), ...(options.digitTimeoutMs ? { digitTimeoutMs: options.digitTimeoutMs } : {}) });
    const sessions = new Map<string, CallSession>();
    const followUps = new Map<string, FollowUpCall>();
    const mediaStats = ctx.db.prepare("INSERT INTO call_events (call_id, at, kind, data) VALUES (?, ?, 'media-stats', ?)");
    let media: MediaEngine | undefined;

    const accept = async (incoming: IncomingCall) => {
      if (!media) return incoming.reject(503, 'Service Unavailable (media not ready)');
      const callId = randomUUID();
      logger.info({ event: 'call_arrived', callId, from: incoming.from, to: incoming.to, transport: incoming.transport }, 'inbound call');
      records.arrived({ id: callId, caller: incoming.from, callee: incoming.to, transport: incoming.transport === 'ws' ? 'ws' : 'udp', sipCallId: incoming.callId });
      let leg;
      try {
        leg = await media.answer({ callId, remoteSdp: incoming.remoteSdp });
      } catch (error) {
        const status = error instanceof MediaError && error.code === 'no-common-codec' ? 488 : 500;
        logger.warn({ err: error, callId }, 'caller media refused');
        incoming.reject(status);
        records.hungUp(callId, 'system');
        records.ended(callId, 'media_refused');
        return;
      }
      incoming.answer(leg.localSdp);
      const session = new CallSession(callId, incoming, leg, {
        sip,
        media,
        acd,
        records,
        dialogues,
        prompts,
        logger,
        clock: ctx.clock,
        recordingsDir: join(ctx.config.dataDir, 'recordings'),
        ringTimeoutMs: acd.options.ringTimeoutMs,
        timeZone: ctx.config.timeZone,
        onMediaStats: (id, stats) => mediaStats.run(id, ctx.clock.now(), JSON.stringify(stats)),
        onEnded: (s) => {
          sessions.delete(s.callId);
          verification.revokeGrantsForCall(s.callId);
        },
      });
      sessions.set(callId, session);
      if (!(await incoming.acked)) return;
      await session.run();
    };

    acd.setDelegate({
      announceQueuePosition: (call, ahead) => sessions.get(call.callId)?.announcePosition(ahead),
      ringAgent: async (agentId, call, { signal }) => {
        const session = sessions.get(call.callId);
        const agent = auth.getUser(agentId);
        if (!session || !agent) return 'missed';
        return session.ring(agentId, agent.workNumber, signal);
      },
    });

    // An agent sees verification results of their own calls only; team leads see all of the center.
    ctx.events.addVisibilityRule((principal, event) => event.type !== 'call.verification' || event.agentUserId === principal.userId || principal.role === 'team_lead');

    return {
      name: 'voice',
      registerRoutes: (app) => registerCallRoutes(app, { auth, sessions, followUps, verification, dialogues, events: ctx.events }),
      async start() {
        // werift makes its DTLS certificate lazily; creating the engine warms it before the first call.
        media = await createMediaEngine({ host: ctx.config.host, logger });
        const placeFollowUp = createFollowUpRouting({
          sip, media, acd, records, audit, logger, clock: ctx.clock,
          recordingsDir: join(ctx.config.dataDir, 'recordings'),
          timeZone: ctx.config.timeZone,
          trunk: ctx.config.trunk,
          ipv6: ctx.config.host.includes(':'),
          callerId: ctx.config.outboundCallerId,
          trunkCredentials: ctx.config.trunkUser && ctx.config.trunkPassword ? { username: ctx.config.trunkUser, password: ctx.config.trunkPassword } : undefined,
          ringLimitMs: ctx.config.outboundRingSeconds * 1000,
          prompts,
          survey: (listener) => dialogues.survey(listener),
          centerCode: ctx.config.centerCode,
          dialPlan: parseDialPlan(ctx.config.dialPlan, ctx.config.centerCode),
          workOrderCenter: (id) => workOrders?.centerOf(id),
          followUpEnded: (id, callId) => workOrders?.followUpEnded(id, callId),
          onMediaStats: (id, stats) => mediaStats.run(id, ctx.clock.now(), JSON.stringify(stats)),
          calls: followUps,
        });
        sip.delegate = {
          onIncomingCall: (incoming) => {
            accept(incoming).catch((error: unknown) => logger.error({ err: error }, 'inbound call failed'));
          },
          onAgentCall: placeFollowUp,
        };
      },
      async stop() {
        sip.delegate = undefined;
        for (const session of sessions.values()) session.incoming.delegate = {};
        for (const call of followUps.values()) call.incoming.delegate = {};
        await media?.close();
      },
    };
  };
}
