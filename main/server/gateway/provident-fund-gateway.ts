import type {
  Appointment,
  AppointmentSlot,
  AppointmentType,
  BookAppointment,
  Employer,
  GatewayErrorCode,
  Outlet,
  PersonAccount,
  PersonalLoan,
  PolicyCategory,
  PolicyDocument,
  SmsSubscription,
} from '../../../shared/api/gateway.js';

/** A telephone PIN checked by whoever keeps it: it matches, it does not, or the holder never set one. */
export type PinCheck = 'match' | 'no_match' | 'no_pin';

/** How a caller identifies a person (§2.1): any one of the three. */
export type PersonKey = { fundAccount: string } | { idCardNo: string } | { cobrandCardNo: string };

export interface SlotQuery {
  outletCode: string;
  type: AppointmentType;
  /** First and last day, YYYY-MM-DD, both included. */
  from: string;
  to: string;
}

/**
 * The center's provident-fund data as the hotline needs it. One interface, two adapters: the
 * embedded SQLite database (demo and small centers) and HttpGateway (a center's core system).
 * Reads answer null for what does not exist; writes throw GatewayError.
 */
export interface ProvidentFundGateway {
  findPerson(key: PersonKey): Promise<PersonAccount | null>;
  listLoans(fundAccount: string): Promise<PersonalLoan[]>;
  findEmployer(employerAccount: string): Promise<Employer | null>;
  listOutlets(): Promise<Outlet[]>;
  /** Working-day slots in the range with their capacity and what is left. */
  listSlots(query: SlotQuery): Promise<AppointmentSlot[]>;
  /** Books one place; never more than the slot's capacity, whatever the concurrency. */
  bookAppointment(booking: BookAppointment): Promise<Appointment>;
  cancelAppointment(confirmationNo: string): Promise<Appointment>;
  listAppointments(fundAccount: string): Promise<Appointment[]>;
  getSmsSubscription(fundAccount: string): Promise<SmsSubscription | null>;
  setSmsSubscription(fundAccount: string, enabled: boolean): Promise<SmsSubscription>;
  listPolicies(category?: PolicyCategory): Promise<PolicyDocument[]>;
  /**
   * The telephone PIN belongs to the core system: it says whether this six-digit PIN is the
   * subject's. Lockout, audit and the no-digits-in-logs rule stay with the hotline.
   */
  checkPin(subject: { kind: 'person' | 'employer'; id: string }, pin: string): Promise<PinCheck>;
}

export class GatewayError extends Error {
  override name = 'GatewayError';
  constructor(
    readonly code: GatewayErrorCode,
    message: string,
  ) {
    super(message);
  }
}
