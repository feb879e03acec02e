import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ServerContext, ServerModuleFactory } from '../context.js';
import type { IncomingCall } from '../sip/sip-service.js';
import { createMediaEngine } from '../media/create-media-engine.js';
import { MediaError, type MediaEngine } from '../media/media-engine.js';
import { CallSession, type IvrOutcome } from './call-session.js';
import { createDialogues } from './dialogues.js';
import { PromptLibrary } from './prompt-library.js';
import { promptDirs } from '../ivr/prompt-dirs.js';
import { registerCallRoutes } from './call-routes.js';
import { registerMonitorRoutes } from './monitor-routes.js';
import { createIvrRunner } from './ivr-main-menu.js';
import { createSelfServiceActions } from '../self-service/self-service-actions.js';
import type { FollowUpCall } from './follow-up-call.js';
import { createFollowUpRouting } from './follow-up-routing.js';
import { TrunkDialer } from './trunk-dialer.js';
import { SERVICES, type ServiceKey } from '../services.js';
import { CallAdmission } from './call-admission.js';

/** Un-ACKed 200s one address may have at once (a trunk's ACKs come within milliseconds). */
const MAX_UNCONFIRMED_PER_SOURCE = 32;

/** How long a caller hears 系统维护 before a shutdown hangs up (the prompt is about 3 s). */
const SHUTDOWN_PROMPT_MS = 3_500;
/** …and how long its BYE may take to be answered before the server stops anyway. */
const SHUTDOWN_BYE_MS = 2_000;
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
export function voiceModule(
  options: VoiceModuleOptions = { mainMenu: (ctx, prompts) => createIvrRunner(ctx, prompts, createSelfServiceActions(ctx)).mainMenu },
): ServerModuleFactory {
  return async (ctx) => {
    const need = <T>(key: ServiceKey<T>) => ctx.services.require(key, 'voice');
    const sip = need(SERVICES.sip);
    const acd = need(SERVICES.acd);
    const records = need(SERVICES.callRecords);
    const auth = need(SERVICES.auth);
    const verification = need(SERVICES.verification);
    const audit = need(SERVICES.audit);
    const workOrders = ctx.services.get(SERVICES.workOrders);

    const logger = ctx.logger.child({ module: 'voice' });
    const prompts = new PromptLibrary(promptDirs(ctx.config));
    const dialogues = createDialogues({
      prompts,
      mainMenu: options.mainMenu(ctx, prompts),
      ...(options.digitTimeoutMs ? { digitTimeoutMs: options.digitTimeoutMs } : {}),
    });
    const sessions = new Map<string, CallSession>();
    const followUps = new Map<string, FollowUpCall>();
    const admission = new CallAdmission({
      maxCalls: ctx.config.maxCalls,
      maxCallsPerSecond: ctx.config.maxCallRate,
      maxEventLoopDelayMs: ctx.config.maxEventLoopDelayMs,
    });
    ctx.services.provide(SERVICES.calls, {
      recordOf: (callId) => sessions.get(callId)?.record ?? followUps.get(callId)?.record,
      inProgress: () => ({ inbound: sessions.size, followUp: followUps.size }),
      shed: () => admission.shedCounts(),
    });
    const holdMusicFile = join(ctx.config.resourcesDir, 'prompts', 'music', 'hold.wav');
    // Follow-up calls and transfers to a department's extension go out through the one trunk.
    const dialer = ctx.config.trunk
      ? new TrunkDialer(sip, {
          trunk: ctx.config.trunk,
          ipv6: ctx.config.host.includes(':'),
          callerId: ctx.config.outboundCallerId,
          credentials: ctx.config.trunkUser && ctx.config.trunkPassword ? { username: ctx.config.trunkUser, password: ctx.config.trunkPassword } : undefined,
        })
      : undefined;
    const acceptingCalls = { open: true };
    /** Calls answered and not yet ACKed, by source address. */
    const unconfirmed = new Map<string, number>();
    const mediaStats = ctx.db.prepare("INSERT INTO call_events (call_id, at, kind, data) VALUES (?, ?, 'media-stats', ?)");
    let media: MediaEngine | undefined;

    const accept = async (incoming: IncomingCall) => {
      if (!media || !acceptingCalls.open) return incoming.reject(503, 'Service Unavailable');
      const refusal = admission.admit(sessions.size + followUps.size);
      if (refusal) {
        // One line per hundred: an overload must not also flood the log.
        const shed = Object.values(admission.shedCounts()).reduce((a, b) => a + b, 0);
        if (shed % 100 === 1) logger.warn({ event: 'calls_shed', reason: refusal.reason, shed, calls: sessions.size }, 'overload: new calls refused with 503');
        incoming.responseHeaders.push(['Retry-After', String(refusal.retryAfterSeconds)]);
        return incoming.reject(503, 'Service Unavailable (overloaded)');
      }
      // A sender whose 200s go un-ACKed holds a media socket per call until Timer H (32 s): past a
      // few dozen at once it is refused, so that it cannot run the server out of descriptors.
      const source = incoming.source.address;
      const pending = unconfirmed.get(source) ?? 0;
      if (pending >= MAX_UNCONFIRMED_PER_SOURCE) {
        logger.warn({ event: 'unconfirmed_calls_refused', source, pending }, 'too many un-ACKed calls from one sender');
        incoming.responseHeaders.push(['Retry-After', '30']);
        return incoming.reject(503, 'Service Unavailable (too many unconfirmed calls from this address)');
      }
      const callId = randomUUID();
      logger.info({ event: 'call_arrived', callId, from: incoming.from, to: incoming.to, transport: incoming.transport }, 'inbound call');
      const record = records.arrive({
        id: callId,
        caller: incoming.from,
        callee: incoming.to,
        transport: incoming.transport === 'ws' ? 'ws' : 'udp',
        sipCallId: incoming.callId,
      });
      let leg;
      try {
        leg = await media.answer({ callId, remoteSdp: incoming.remoteSdp });
      } catch (error) {
        const status = error instanceof MediaError && (error.code === 'no-common-codec' || error.code === 'bad-sdp') ? 488 : 500;
        logger.warn({ err: error, callId }, 'caller media refused');
        incoming.reject(status);
        record.hungUp('system');
        record.ended('media_refused');
        return;
      }
      incoming.answer(leg.localSdp);
      const session = new CallSession(callId, incoming, leg, {
        sip,
        media,
        acd,
        record,
        dialogues,
        prompts,
        holdMusicFile,
        logger,
        clock: ctx.clock,
        recordingsDir: join(ctx.config.dataDir, 'recordings'),
        ringTimeoutMs: acd.options.ringTimeoutMs,
        timeZone: ctx.config.timeZone,
        publish: (event) => ctx.events.publish(event),
        dialer,
        onMediaStats: (id, stats) => mediaStats.run(id, ctx.clock.now(), JSON.stringify(stats)),
        onEnded: (s) => {
          sessions.delete(s.callId);
          verification.revokeGrantsForCall(s.callId);
        },
        monitoring: {
          audit: (entry) => audit.record(entry),
          publish: (event) => ctx.events.publish(event),
          agentNotified: ctx.config.monitorIndicator,
        },
      });
      sessions.set(callId, session);
      unconfirmed.set(source, pending + 1);
      const acked = await incoming.acked;
      const left = (unconfirmed.get(source) ?? 1) - 1;
      if (left > 0) unconfirmed.set(source, left);
      else unconfirmed.delete(source);
      // A 200 never ACKed: the SIP layer sent BYE after 64*T1; the call and its record end too.
      if (!acked) return session.notAcknowledged();
      await session.run();
    };

    acd.setOccupiedElsewhere((agentId) =>
      [...sessions.values()].some((s) => s.monitor !== undefined && s.monitor.lead.id === agentId && s.monitor.state !== 'ended'),
    );
    acd.setDelegate({
      announceQueuePosition: (call, ahead) => sessions.get(call.callId)?.announcePosition(ahead),
      acwEnded: (callId, agentId) => (sessions.get(callId) ?? followUps.get(callId))?.acwEnded(agentId),
      ringAgent: async (agentId, call, { signal }) => {
        const session = sessions.get(call.callId);
        const agent = auth.getUser(agentId);
        if (!session || !agent) return 'missed';
        return session.ring(agentId, agent.workNumber, signal);
      },
    });

    // An agent sees verification results and transfer steps of their own calls only; team leads see all of the center.
    ctx.events.addVisibilityRule(
      (principal, event) =>
        (event.type !== 'call.verification' && event.type !== 'call.transfer') ||
        (event.type === 'call.verification' ? event.agentUserId : event.agentId) === principal.userId ||
        principal.role === 'team_lead',
    );
    // Monitoring: team leads and admins see all of it; the agent monitored only where the center shows it.
    ctx.events.addVisibilityRule(
      (principal, event) =>
        event.type !== 'call.monitor' ||
        principal.role === 'team_lead' ||
        principal.role === 'center_admin' ||
        (event.agentNotified && event.agentId === principal.userId),
    );

    return {
      name: 'voice',
      registerRoutes: (app) => {
        registerCallRoutes(app, {
          auth,
          acd,
          sessions,
          followUps,
          verification,
          dialogues,
          events: ctx.events,
          departments: {
            extension: (id) => ctx.services.get(SERVICES.departments)?.extension(id),
            hasTrunk: dialer !== undefined,
            dialPlan: parseDialPlan(ctx.config.dialPlan, ctx.config.centerCode),
          },
        });
        registerMonitorRoutes(app, { auth, acd, sip, sessions });
      },
      async start() {
        // werift makes its DTLS certificate lazily; creating the engine warms it before the first call.
        media = await createMediaEngine({ host: ctx.config.host, logger });
        const placeFollowUp = createFollowUpRouting({
          sip,
          media,
          acd,
          records,
          audit,
          logger,
          clock: ctx.clock,
          recordingsDir: join(ctx.config.dataDir, 'recordings'),
          timeZone: ctx.config.timeZone,
          dialer,
          ringLimitMs: ctx.config.outboundRingSeconds * 1000,
          prompts,
          holdMusicFile,
          ringTimeoutMs: acd.options.ringTimeoutMs,
          publish: (event) => ctx.events.publish(event),
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
      /**
       * Every caller hears 系统维护 and is hung up; every record is closed with side 'system' and
       * reason 'shutdown' (queued and ringing calls as abandoned, talking ones with their talk up
       * to now); after-call work still running ends now.
       */
      async stop() {
        acceptingCalls.open = false;
        sip.delegate = undefined;
        const live = [...sessions.values()];
        // Records are written before any await; a far end that never answers our BYE does not hold the stop.
        const hangUps = Promise.all([
          ...live.map((session) =>
            session
              .shutdown(SHUTDOWN_PROMPT_MS)
              .catch((error: unknown) => logger.warn({ err: error, callId: session.callId }, 'call did not shut down cleanly')),
          ),
          ...[...followUps.values()].map((call) => call.shutdown().catch(() => undefined)),
        ]);
        await Promise.race([hangUps, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_PROMPT_MS + SHUTDOWN_BYE_MS).unref())]);
        for (const session of [...sessions.values()]) session.closeAcw();
        for (const call of [...followUps.values()]) call.closeAcw();
        logger.info({ event: 'calls_shut_down', calls: live.length }, 'calls in progress ended for the shutdown');
        await media?.close();
        admission.close();
      },
    };
  };
}
