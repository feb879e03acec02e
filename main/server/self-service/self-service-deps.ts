import type { ServerContext } from '../context.js';
import type { Db } from '../db/database.js';
import type { Logger } from '../logger.js';
import type { ProvidentFundGateway } from '../gateway/provident-fund-gateway.js';
import type { VerificationService } from '../verification/verification-service.js';
import type { CallRecords } from '../calls/call-records.js';
import type { WorkOrderService } from '../work-orders/work-order-service.js';
import { LogSmsSender, type SmsSender } from './sms-sender.js';

/** What the self-service actions use; read from ctx.services when a call needs them (module order does not matter). */
export interface SelfServiceDeps {
  db: Db;
  logger: Logger;
  timeZone: string;
  centerCode: string;
  gateway(): ProvidentFundGateway;
  verification(): VerificationService;
  callRecords(): CallRecords | undefined;
  workOrders(): WorkOrderService | undefined;
  sms: SmsSender;
  /** A self-service step worth keeping with the call (bookings, subscriptions, callbacks): call_events kind 'self-service'. */
  record(vars: Record<string, string>, data: Record<string, unknown>, at: number): void;
}

export function selfServiceDeps(ctx: ServerContext, sms?: SmsSender): SelfServiceDeps {
  const logger = ctx.logger.child({ module: 'self-service' });
  const need = <T>(name: string): T => {
    const service = ctx.services.get(name) as T | undefined;
    if (!service) throw new Error(`self-service needs the ${name} service`);
    return service;
  };
  const insertEvent = ctx.db.prepare<[string, number, string, string]>(
    "INSERT INTO call_events (call_id, at, kind, data) SELECT ?, ?, 'self-service', ? WHERE EXISTS (SELECT 1 FROM calls WHERE id = ?)",
  );
  return {
    db: ctx.db,
    logger,
    timeZone: ctx.config.timeZone,
    centerCode: ctx.config.centerCode,
    gateway: () => need<ProvidentFundGateway>('gateway'),
    verification: () => need<VerificationService>('verification'),
    callRecords: () => ctx.services.get('callRecords') as CallRecords | undefined,
    workOrders: () => ctx.services.get('workOrders') as WorkOrderService | undefined,
    sms: sms ?? new LogSmsSender(logger),
    record(vars, data, at) {
      if (vars.callId) insertEvent.run(vars.callId, at, JSON.stringify(data), vars.callId);
    },
  };
}

/** The subject the verify-caller action stored in the run's vars. */
export function verifiedSubject(vars: Record<string, string>): { kind: 'person' | 'employer'; id: string } | undefined {
  const kind = vars.subjectKind;
  const id = vars.subjectId;
  return (kind === 'person' || kind === 'employer') && id ? { kind, id } : undefined;
}

