import { z } from 'zod';
import {
  GATEWAY_ERROR_CODES,
  appointmentSchema,
  appointmentSlotSchema,
  employerSchema,
  outletSchema,
  personAccountSchema,
  personalLoanSchema,
  policyDocumentSchema,
  smsSubscriptionSchema,
  type Appointment,
  type AppointmentSlot,
  type BookAppointment,
  type Employer,
  type Outlet,
  type PersonAccount,
  type PersonalLoan,
  type PolicyCategory,
  type PolicyDocument,
  type SmsSubscription,
} from '../../../shared/api/gateway.js';
import { GatewayError, type PersonKey, type PinCheck, type ProvidentFundGateway, type SlotQuery } from './provident-fund-gateway.js';

export interface HttpGatewayOptions {
  /** e.g. https://core.example.gov.cn/hotline/v1 (no trailing slash needed). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …` when set. */
  token?: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Extra attempts for reads and idempotent writes (GET, PUT); POST is never repeated. */
  retries?: number;
  retryDelayMs?: number;
}

const errorBody = z.object({ code: z.enum(GATEWAY_ERROR_CODES), message: z.string().optional() });
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const RETRYABLE_STATUS = new Set([502, 503, 504]);
const pinCheckSchema = z.object({ result: z.enum(['match', 'no_match', 'no_pin']) });

/**
 * A center's core business system over HTTP/JSON (contract: docs/gateway-http.md). Every answer
 * is validated; anything unexpected becomes GatewayError('unavailable') so that the IVR and the
 * desk can say "please try later" instead of reading out garbage.
 */
export class HttpGateway implements ProvidentFundGateway {
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryDelayMs: number;

  constructor(private readonly options: HttpGatewayOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.retries = options.retries ?? 2;
    this.retryDelayMs = options.retryDelayMs ?? 100;
  }

  async findPerson(key: PersonKey): Promise<PersonAccount | null> {
    const [name, value] = Object.entries(key)[0] as [string, string];
    return this.request('GET', `/persons?${new URLSearchParams({ [name]: value })}`, personAccountSchema, { nullOn404: true });
  }

  async listLoans(fundAccount: string): Promise<PersonalLoan[]> {
    return (await this.request('GET', `/persons/${enc(fundAccount)}/loans`, list(personalLoanSchema))).items;
  }

  async findEmployer(employerAccount: string): Promise<Employer | null> {
    return this.request('GET', `/employers/${enc(employerAccount)}`, employerSchema, { nullOn404: true });
  }

  async listOutlets(): Promise<Outlet[]> {
    return (await this.request('GET', '/outlets', list(outletSchema))).items;
  }

  async listSlots(query: SlotQuery): Promise<AppointmentSlot[]> {
    const params = new URLSearchParams({ type: query.type, from: query.from, to: query.to });
    return (await this.request('GET', `/outlets/${enc(query.outletCode)}/slots?${params}`, list(appointmentSlotSchema))).items;
  }

  async bookAppointment(booking: BookAppointment): Promise<Appointment> {
    return this.request('POST', '/appointments', appointmentSchema, { body: booking });
  }

  async cancelAppointment(confirmationNo: string): Promise<Appointment> {
    // Cancelling twice leaves the same state, so this POST may be repeated like a PUT.
    return this.request('POST', `/appointments/${enc(confirmationNo)}/cancel`, appointmentSchema, { idempotent: true });
  }

  async listAppointments(fundAccount: string): Promise<Appointment[]> {
    return (await this.request('GET', `/persons/${enc(fundAccount)}/appointments`, list(appointmentSchema))).items;
  }

  async getSmsSubscription(fundAccount: string): Promise<SmsSubscription | null> {
    return this.request('GET', `/persons/${enc(fundAccount)}/sms-subscription`, smsSubscriptionSchema, { nullOn404: true });
  }

  async setSmsSubscription(fundAccount: string, enabled: boolean): Promise<SmsSubscription> {
    return this.request('PUT', `/persons/${enc(fundAccount)}/sms-subscription`, smsSubscriptionSchema, { body: { enabled } });
  }

  async listPolicies(category?: PolicyCategory): Promise<PolicyDocument[]> {
    const qs = category ? `?${new URLSearchParams({ category })}` : '';
    return (await this.request('GET', `/policies${qs}`, list(policyDocumentSchema))).items;
  }

  async checkPin(subject: { kind: 'person' | 'employer'; id: string }, pin: string): Promise<PinCheck> {
    // A POST, never repeated: the core system may count a wrong PIN once per request.
    return (await this.request('POST', '/pins/verify', pinCheckSchema, { body: { subjectKind: subject.kind, subjectId: subject.id, pin } })).result;
  }

  private async request<T extends z.ZodType, N extends boolean = false>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    schema: T,
    opts: { body?: unknown; nullOn404?: N; idempotent?: boolean } = {},
  ): Promise<N extends true ? z.infer<T> | null : z.infer<T>> {
    const attempts = method === 'POST' && !opts.idempotent ? 1 : 1 + this.retries;
    let lastProblem = 'no attempt';
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(this.retryDelayMs * 2 ** (attempt - 1));
      let response: Response;
      try {
        response = await fetch(this.base + path, {
          method,
          headers: {
            accept: 'application/json',
            ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
          },
          body: opts.body === undefined ? null : JSON.stringify(opts.body),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        lastProblem = (error as Error).name === 'TimeoutError' ? `timed out after ${this.timeoutMs} ms` : 'connection failed';
        continue;
      }
      const payload: unknown = await response.json().catch(() => undefined);
      if (response.ok) {
        const parsed = schema.safeParse(payload);
        if (parsed.success) return parsed.data;
        throw new GatewayError('unavailable', `core system sent an unexpected ${method} ${pathOnly(path)} answer`);
      }
      if (response.status === 404 && opts.nullOn404) return null as never;
      if (RETRYABLE_STATUS.has(response.status)) {
        lastProblem = `status ${response.status}`;
        continue;
      }
      const error = errorBody.safeParse(payload);
      if (error.success && response.status >= 400 && response.status < 500) {
        throw new GatewayError(error.data.code, error.data.message ?? error.data.code);
      }
      throw new GatewayError('unavailable', `core system answered ${response.status} to ${method} ${pathOnly(path)}`);
    }
    throw new GatewayError('unavailable', `core system unreachable for ${method} ${pathOnly(path)}: ${lastProblem}`);
  }
}

const enc = encodeURIComponent;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Error messages may reach logs: never the query string, which can hold an ID-card number. */
const pathOnly = (path: string) => path.split('?')[0]!.replace(/\/\d{4,}/g, '/…');
