import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type {
  Appointment,
  AppointmentSlot,
  BookAppointment,
  Employer,
  Outlet,
  PersonAccount,
  PersonalLoan,
  PolicyCategory,
  PolicyDocument,
  SmsSubscription,
} from '../../../shared/api/gateway.js';
import { GatewayError, type PersonKey, type PinCheck, type ProvidentFundGateway, type SlotQuery } from './provident-fund-gateway.js';
import { localDateOf } from '../../../shared/time/zoned.js';
import { SLOT_WINDOWS, bookableDays, isBookable } from './slot-calendar.js';
import type { IsWorkingDay } from '../../../shared/time/service-hours.js';
import { EmbeddedPinStore } from './embedded-pin-store.js';

interface PersonRow {
  fund_account: string;
  id_card_no: string;
  cobrand_card_no: string | null;
  name: string;
  status: PersonAccount['status'];
  balance_fen: number;
  monthly_deposit_fen: number;
  employer_account: string | null;
  last_deposit_month: string | null;
}

const PERSON_SELECT = `
  SELECT p.fund_account, p.id_card_no, p.cobrand_card_no, p.name, p.status, p.balance_fen, p.monthly_deposit_fen,
         e.employer_account, p.last_deposit_month
  FROM pf_people p LEFT JOIN pf_employers e ON e.id = p.employer_id`;

const APPOINTMENT_SELECT = `
  SELECT a.confirmation_no AS confirmationNo, p.fund_account AS fundAccount, o.code AS outletCode, a.type, a.date, a.slot, a.status
  FROM pf_appointments a JOIN pf_people p ON p.id = a.person_id JOIN pf_outlets o ON o.id = a.outlet_id`;

/** The embedded adapter: the gateway tables of migration 5 in the server's own database. */
export class SqliteGateway implements ProvidentFundGateway {
  private readonly q;
  /** The telephone PINs of the embedded store (set at an outlet, or imported). */
  readonly pins: EmbeddedPinStore;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly timeZone: string,
    /** Holidays and 调休 from the working-day calendar; plain weekdays without it. */
    private readonly isWorkingDay?: IsWorkingDay,
    options: { demoPins?: boolean } = {},
  ) {
    this.pins = new EmbeddedPinStore(db, clock, options.demoPins ?? false);
    this.q = {
      personByFundAccount: db.prepare<[string], PersonRow>(`${PERSON_SELECT} WHERE p.fund_account = ?`),
      personByIdCard: db.prepare<[string], PersonRow>(`${PERSON_SELECT} WHERE p.id_card_no = ?`),
      personByCobrand: db.prepare<[string], PersonRow>(`${PERSON_SELECT} WHERE p.cobrand_card_no = ?`),
      personId: db.prepare<[string], { id: number }>('SELECT id FROM pf_people WHERE fund_account = ?'),
      loans: db.prepare<[string], PersonalLoan>(`
        SELECT l.contract_no AS contractNo, p.fund_account AS fundAccount, l.principal_fen AS principalFen, l.balance_fen AS balanceFen,
               l.term_months AS termMonths, l.monthly_repayment_fen AS monthlyRepaymentFen, l.next_due_date AS nextDueDate,
               l.progress, l.applied_on AS appliedOn
        FROM pf_loans l JOIN pf_people p ON p.id = l.person_id WHERE p.fund_account = ? ORDER BY l.applied_on DESC, l.id DESC`),
      employer: db.prepare<[string], Employer>(`
        SELECT employer_account AS employerAccount, name, headcount, status, arrears_months AS arrearsMonths, arrears_fen AS arrearsFen
        FROM pf_employers WHERE employer_account = ?`),
      outlets: db.prepare<[], Outlet>('SELECT code, name, district, address, hours, phone FROM pf_outlets ORDER BY code'),
      outlet: db.prepare<[string], { id: number; capacity: number }>('SELECT id, slot_capacity AS capacity FROM pf_outlets WHERE code = ?'),
      bookedInRange: db.prepare<[number, string, string, string], { date: string; slot: string; n: number }>(`
        SELECT date, slot, count(*) AS n FROM pf_appointments
        WHERE outlet_id = ? AND type = ? AND date BETWEEN ? AND ? AND status = 'booked' GROUP BY date, slot`),
      bookedInSlot: db.prepare<[number, string, string, string], number>(
        "SELECT count(*) FROM pf_appointments WHERE outlet_id = ? AND type = ? AND date = ? AND slot = ? AND status = 'booked'",
      ),
      insertAppointment: db.prepare<[string, number, number, string, string, string, number]>(
        "INSERT INTO pf_appointments (confirmation_no, person_id, outlet_id, type, date, slot, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'booked', ?)",
      ),
      setConfirmation: db.prepare<[string, number]>('UPDATE pf_appointments SET confirmation_no = ? WHERE id = ?'),
      appointment: db.prepare<[string], Appointment>(`${APPOINTMENT_SELECT} WHERE a.confirmation_no = ?`),
      appointmentsOf: db.prepare<[string], Appointment>(`${APPOINTMENT_SELECT} WHERE p.fund_account = ? ORDER BY a.date, a.slot`),
      cancel: db.prepare<[string]>("UPDATE pf_appointments SET status = 'cancelled' WHERE confirmation_no = ?"),
      sms: db.prepare<[string], { enabled: number | null }>(
        'SELECT s.enabled FROM pf_people p LEFT JOIN pf_sms_subscriptions s ON s.person_id = p.id WHERE p.fund_account = ?',
      ),
      setSms: db.prepare<[number, number, number]>(
        'INSERT INTO pf_sms_subscriptions (person_id, enabled, updated_at) VALUES (?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at',
      ),
      policies: db.prepare<[{ category: string | null }], PolicyDocument>(`
        SELECT CAST(id AS TEXT) AS id, category, title, summary, body, effective_from AS effectiveFrom
        FROM pf_policies WHERE @category IS NULL OR category = @category ORDER BY category, id`),
    };
  }

  async findPerson(key: PersonKey): Promise<PersonAccount | null> {
    const row =
      'fundAccount' in key
        ? this.q.personByFundAccount.get(key.fundAccount)
        : 'idCardNo' in key
          ? this.q.personByIdCard.get(key.idCardNo.toUpperCase())
          : this.q.personByCobrand.get(key.cobrandCardNo);
    return row ? toPerson(row) : null;
  }

  async listLoans(fundAccount: string): Promise<PersonalLoan[]> {
    return this.q.loans.all(fundAccount);
  }

  async findEmployer(employerAccount: string): Promise<Employer | null> {
    return this.q.employer.get(employerAccount) ?? null;
  }

  async listOutlets(): Promise<Outlet[]> {
    return this.q.outlets.all();
  }

  async listSlots(query: SlotQuery): Promise<AppointmentSlot[]> {
    const outlet = this.q.outlet.get(query.outletCode);
    if (!outlet) throw new GatewayError('not_found', `no outlet ${query.outletCode}`);
    const days = bookableDays(query.from, query.to, this.today(), this.isWorkingDay);
    if (days.length === 0) return [];
    const booked = new Map<string, number>();
    for (const r of this.q.bookedInRange.all(outlet.id, query.type, days[0]!, days.at(-1)!)) booked.set(`${r.date} ${r.slot}`, r.n);
    return days.flatMap((date) =>
      SLOT_WINDOWS.map((slot) => ({
        outletCode: query.outletCode,
        type: query.type,
        date,
        slot,
        capacity: outlet.capacity,
        remaining: Math.max(0, outlet.capacity - (booked.get(`${date} ${slot}`) ?? 0)),
      })),
    );
  }

  async bookAppointment(booking: BookAppointment): Promise<Appointment> {
    // IMMEDIATE takes the write lock before counting, so that another connection (a second
    // server process on the same file) cannot book the last place between the count and the insert.
    const book = this.db.transaction((b: BookAppointment) => {
      const person = this.q.personId.get(b.fundAccount);
      if (!person) throw new GatewayError('not_found', 'no such person');
      const outlet = this.q.outlet.get(b.outletCode);
      if (!outlet) throw new GatewayError('not_found', `no outlet ${b.outletCode}`);
      if (!isBookable(b.date, b.slot, this.today(), this.isWorkingDay)) throw new GatewayError('slot_unavailable', `${b.date} ${b.slot} cannot be booked`);
      if (this.q.bookedInSlot.pluck().get(outlet.id, b.type, b.date, b.slot)! >= outlet.capacity) {
        throw new GatewayError('slot_full', `${b.date} ${b.slot} is fully booked`);
      }
      const placeholder = `pending-${process.hrtime.bigint()}-${Math.random()}`;
      const id = Number(this.q.insertAppointment.run(placeholder, person.id, outlet.id, b.type, b.date, b.slot, this.clock.now()).lastInsertRowid);
      // Digits only, so that the IVR can read it out: yymmdd of the visit + the row id.
      const confirmationNo = `${b.date.slice(2).replaceAll('-', '')}${String(id).padStart(6, '0')}`;
      this.q.setConfirmation.run(confirmationNo, id);
      return this.q.appointment.get(confirmationNo)!;
    });
    return book.immediate(booking);
  }

  async cancelAppointment(confirmationNo: string): Promise<Appointment> {
    if (this.q.cancel.run(confirmationNo).changes === 0) throw new GatewayError('not_found', 'no such appointment');
    return this.q.appointment.get(confirmationNo)!;
  }

  async listAppointments(fundAccount: string): Promise<Appointment[]> {
    return this.q.appointmentsOf.all(fundAccount);
  }

  async getSmsSubscription(fundAccount: string): Promise<SmsSubscription | null> {
    const row = this.q.sms.get(fundAccount);
    return row ? { fundAccount, enabled: row.enabled === 1 } : null;
  }

  async setSmsSubscription(fundAccount: string, enabled: boolean): Promise<SmsSubscription> {
    const person = this.q.personId.get(fundAccount);
    if (!person) throw new GatewayError('not_found', 'no such person');
    this.q.setSms.run(person.id, enabled ? 1 : 0, this.clock.now());
    return { fundAccount, enabled };
  }

  async listPolicies(category?: PolicyCategory): Promise<PolicyDocument[]> {
    return this.q.policies.all({ category: category ?? null });
  }

  async checkPin(subject: { kind: 'person' | 'employer'; id: string }, pin: string): Promise<PinCheck> {
    return this.pins.check(subject, pin);
  }

  private today(): string {
    return localDateOf(this.clock.now(), this.timeZone);
  }
}

function toPerson(r: PersonRow): PersonAccount {
  return {
    fundAccount: r.fund_account,
    idCardNo: r.id_card_no,
    cobrandCardNo: r.cobrand_card_no,
    name: r.name,
    status: r.status,
    balanceFen: r.balance_fen,
    monthlyDepositFen: r.monthly_deposit_fen,
    employerAccount: r.employer_account,
    lastDepositMonth: r.last_deposit_month,
  };
}
