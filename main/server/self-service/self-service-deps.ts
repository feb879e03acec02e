import type { ServerContext } from '../context.js';
import type { Db } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { ProvidentFundGateway } from '../gateway/provident-fund-gateway.js';
import type { VerificationService } from '../verification/verification-service.js';
import type { CallRecord } from '../calls/call-record.js';
import type { WorkOrderService } from '../work-orders/work-order-service.js';
import { LogSmsSender, type SmsSender } from './sms-sender.js';
import { SERVICES } from '../services.js';
import { SpokenPrompts } from '../ivr/spoken-prompts.js';
import { promptDirs } from '../ivr/prompt-dirs.js';

/** What the self-service actions use; read from ctx.services when a call needs them (module order does not matter). */
export interface SelfServiceDeps {
  db: Db;
  logger: Logger;
  timeZone: string;
  centerCode: string;
  gateway(): ProvidentFundGateway;
  verification(): VerificationService;
  /** The record of a call in progress (its owner's writer), for a step worth noting on it. */
  callRecord(callId: string): CallRecord | undefined;
  workOrders(): WorkOrderService | undefined;
  sms: SmsSender;
  /** Speech of the center's texts (policies, outlets), made when an admin saves them. */
  spoken: SpokenPrompts;
  /** A self-service step worth keeping with the call (bookings, subscriptions, callbacks): call_events kind 'self-service'. */
  record(vars: Record<string, string>, data: Record<string, unknown>): void;
}

export function selfServiceDeps(ctx: ServerContext, sms?: SmsSender): SelfServiceDeps {
  const logger = ctx.logger.child({ module: 'self-service' });
  return {
    db: ctx.db,
    logger,
    timeZone: ctx.config.timeZone,
    centerCode: ctx.config.centerCode,
    gateway: () => ctx.services.require(SERVICES.gateway, 'self-service'),
    verification: () => ctx.services.require(SERVICES.verification, 'self-service'),
    callRecord: (callId) => ctx.services.get(SERVICES.calls)?.recordOf(callId),
    workOrders: () => ctx.services.get(SERVICES.workOrders),
    // The sms module's sender when it runs (read per message: module order does not matter), else the log.
    sms: sms ?? lazySms(ctx, new LogSmsSender(logger)),
    spoken: new SpokenPrompts(promptDirs(ctx.config).spoken),
    record(vars, data) {
      if (vars.callId) ctx.services.get(SERVICES.calls)?.recordOf(vars.callId)?.note('self-service', data);
    },
  };
}

/** The subject the verify-caller action stored in the run's vars. */
export function verifiedSubject(vars: Record<string, string>): { kind: 'person' | 'employer'; id: string } | undefined {
  const kind = vars.subjectKind;
  const id = vars.subjectId;
  return (kind === 'person' || kind === 'employer') && id ? { kind, id } : undefined;
}

function lazySms(ctx: ServerContext, fallback: SmsSender): SmsSender {
  return { send: (message) => (ctx.services.get(SERVICES.sms) ?? fallback).send(message) };
}
