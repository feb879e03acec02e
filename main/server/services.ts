// The services modules offer each other, by typed key: a module that needs one it does not get
// fails at start, naming both, and a wrong type fails at build time. No casts at the call sites.
import type { AuthService } from './auth/auth-service.js';
import type { AuditService } from './audit/audit-service.js';
import type { SipStack } from './sip/sip-stack.js';
import type { Acd } from './acd/acd.js';
import type { CallRecords } from './calls/call-records.js';
import type { CallRecord } from './calls/call-record.js';
import type { ShedReason } from './voice/call-admission.js';
import type { WorkingCalendar } from '../../shared/calendar/working-calendar.js';
import type { ProvidentFundGateway } from './gateway/provident-fund-gateway.js';
import type { VerificationService } from './verification/verification-service.js';
import type { KnowledgeBaseService } from './knowledge-base/kb-service.js';
import type { WorkOrderService } from './work-orders/work-order-service.js';
import type { MetricsService } from './metrics/metrics-service.js';
import type { CalendarService } from './work-orders/calendar-service.js';
import type { DepartmentService } from './work-orders/department-service.js';
import type { SmsSender } from './self-service/sms-sender.js';
import type { EmbeddedPinStore } from './gateway/embedded-pin-store.js';
import type { CenterServiceHours } from '../../shared/api/health.js';
import type { ServiceScheduleService } from './voice/service-schedule.js';

export class ServiceKey<T> {
  declare private readonly type: T;
  constructor(readonly name: string) {}
}

/** The calls in progress: the record writer of one (for the IVR's actions that note what they did), and how many. */
export interface CallLookup {
  recordOf(callId: string): CallRecord | undefined;
  /** Inbound calls (IVR, queue or with an agent) and follow-up calls; for the operations metrics. */
  inProgress(): { inbound: number; followUp: number };
  /** New inbound calls refused by overload control (503 + Retry-After), by reason, since the start. */
  shed(): Readonly<Record<ShedReason, number>>;
}

export const SERVICES = {
  auth: new ServiceKey<AuthService>('auth'),
  audit: new ServiceKey<AuditService>('audit'),
  sip: new ServiceKey<SipStack>('sip'),
  /** The bound SIP/UDP port (the configured one, or the OS's pick for port 0). */
  sipUdpPort: new ServiceKey<number>('sip.udpPort'),
  acd: new ServiceKey<Acd>('acd'),
  callRecords: new ServiceKey<CallRecords>('callRecords'),
  calls: new ServiceKey<CallLookup>('calls'),
  calendar: new ServiceKey<WorkingCalendar>('calendar'),
  /** Uploading a year's official calendar (admins), and who hears of it. */
  calendarYears: new ServiceKey<CalendarService>('calendarYears'),
  gateway: new ServiceKey<ProvidentFundGateway>('gateway'),
  /** The embedded gateway holds demo people (PIN 123456 for everyone). */
  gatewayDemo: new ServiceKey<boolean>('gateway.demo'),
  verification: new ServiceKey<VerificationService>('verification'),
  knowledgeBase: new ServiceKey<KnowledgeBaseService>('knowledgeBase'),
  workOrders: new ServiceKey<WorkOrderService>('workOrders'),
  departments: new ServiceKey<DepartmentService>('departments'),
  metrics: new ServiceKey<MetricsService>('metrics'),
  /** Texts to citizens: the HTTP platform's outbox, or the log-only sender. */
  sms: new ServiceKey<SmsSender>('sms'),
  /** Telephone PINs, on the embedded store only (a core system over HTTP keeps its own). */
  pinStore: new ServiceKey<EmbeddedPinStore>('pinStore'),
  /** §2.3 人工 hours as configured (the IVR flow's, or --service-hours), for the desk. */
  serviceHours: new ServiceKey<CenterServiceHours>('serviceHours'),
  /** §2.3 人工 hours in force (the admin's schedule, holidays, exceptions), saved at run time. */
  serviceSchedule: new ServiceKey<ServiceScheduleService>('serviceSchedule'),
} as const;

export class ServiceRegistry {
  private readonly services = new Map<string, unknown>();

  provide<T>(key: ServiceKey<T>, service: T): void {
    if (this.services.has(key.name)) throw new Error(`the ${key.name} service is provided twice`);
    this.services.set(key.name, service);
  }

  has(key: ServiceKey<unknown>): boolean {
    return this.services.has(key.name);
  }

  /** A service that may be absent (a module list without it, as in some tests). */
  get<T>(key: ServiceKey<T>): T | undefined {
    return this.services.get(key.name) as T | undefined;
  }

  /** A service the caller cannot work without: called at module creation or start, never mid-call. */
  require<T>(key: ServiceKey<T>, neededBy: string): T {
    if (!this.services.has(key.name))
      throw new Error(`the ${neededBy} module needs the ${key.name} service: start its module before ${neededBy} (main/server/modules.ts)`);
    return this.services.get(key.name) as T;
  }
}
