import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidIdCardNumber } from '../../../../shared/id-card/gb11643.js';
import { GatewayError, type ProvidentFundGateway } from '../provident-fund-gateway.js';
import type { KnownRecords } from './gateway-fixture.js';

export interface ContractSubject {
  gateway: ProvidentFundGateway;
  known: KnownRecords;
  close(): Promise<void> | void;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof GatewayError) return error.code;
    throw error;
  }
}

/**
 * The behaviour every ProvidentFundGateway adapter must have. Run against the embedded adapter
 * and HttpGateway; the clock of the subject reads Wednesday 2025-06-11 in Shanghai.
 */
export function gatewayContract(adapter: string, open: () => Promise<ContractSubject>): void {
  describe(`ProvidentFundGateway contract: ${adapter}`, () => {
    let s: ContractSubject;
    beforeAll(async () => {
      s = await open();
    });
    afterAll(async () => {
      await s.close();
    });

    it('finds one person by fund account, ID-card number or co-branded card number', async () => {
      const { known, gateway } = s;
      const byAccount = await gateway.findPerson({ fundAccount: known.fundAccount });
      expect(byAccount).toMatchObject({
        fundAccount: known.fundAccount,
        idCardNo: known.idCardNo,
        cobrandCardNo: known.cobrandCardNo,
        name: known.name,
        status: '正常',
      });
      expect(await gateway.findPerson({ idCardNo: known.idCardNo })).toEqual(byAccount);
      expect(await gateway.findPerson({ cobrandCardNo: known.cobrandCardNo })).toEqual(byAccount);
      expect(isValidIdCardNumber(byAccount!.idCardNo)).toBe(true);
      expect(Number.isInteger(byAccount!.balanceFen) && byAccount!.monthlyDepositFen > 0).toBe(true);
      expect(byAccount!.lastDepositMonth).toMatch(/^2025-0[56]$/);
      expect(await gateway.findPerson({ fundAccount: '999999999999' })).toBeNull();
    });

    it('lists the loans of a borrower and none of an unknown person', async () => {
      const loans = await s.gateway.listLoans(s.known.borrowerFundAccount);
      expect(loans).toHaveLength(s.known.loanCount);
      for (const loan of loans) {
        expect(loan.fundAccount).toBe(s.known.borrowerFundAccount);
        expect(loan.balanceFen).toBeLessThanOrEqual(loan.principalFen);
        expect(loan.termMonths % 12).toBe(0);
        if (loan.progress === '放款') expect(loan.nextDueDate).toMatch(/^2025-07-\d{2}$/);
        if (loan.progress === '已结清') expect(loan.balanceFen).toBe(0);
      }
      expect(await s.gateway.listLoans('999999999999')).toEqual([]);
    });

    it('finds an employer with headcount and arrears', async () => {
      const employer = await s.gateway.findEmployer(s.known.employerAccount);
      expect(employer).toMatchObject({ employerAccount: s.known.employerAccount, name: s.known.employerName });
      expect(employer!.arrearsMonths === 0).toBe(employer!.arrearsFen === 0);
      expect(await s.gateway.findEmployer('000000000')).toBeNull();
    });

    it('lists outlets and policies by category', async () => {
      const outlets = await s.gateway.listOutlets();
      expect(outlets.map((o) => o.code)).toContain(s.known.outletCode);
      expect(outlets.every((o) => o.name && o.address && o.phone)).toBe(true);
      const loans = await s.gateway.listPolicies('贷款');
      expect(loans.length).toBeGreaterThan(0);
      expect(loans.every((p) => p.category === '贷款')).toBe(true);
      expect((await s.gateway.listPolicies()).length).toBeGreaterThan(loans.length);
    });

    it('lists free slots on working days from today, with capacity', async () => {
      const slots = await s.gateway.listSlots({ outletCode: s.known.outletCode, type: 'withdrawal', from: '2025-06-09', to: '2025-06-15' });
      // Mon 9 and Tue 10 are past, Sat 14 and Sun 15 closed: Wed, Thu, Fri with six windows each.
      expect([...new Set(slots.map((x) => x.date))]).toEqual(['2025-06-11', '2025-06-12', '2025-06-13']);
      expect(slots).toHaveLength(18);
      expect(slots.every((x) => x.capacity === s.known.outletCapacity && x.remaining === x.capacity)).toBe(true);
      expect(await codeOf(s.gateway.listSlots({ outletCode: 'NOPE', type: 'withdrawal', from: '2025-06-11', to: '2025-06-12' }))).toBe('not_found');
    });

    it('books, lists and cancels an appointment, and the slot count follows', async () => {
      const booking = {
        fundAccount: s.known.fundAccount,
        outletCode: s.known.outletCode,
        type: 'loan_application' as const,
        date: '2025-06-12',
        slot: '09:00-10:00',
      };
      const appointment = await s.gateway.bookAppointment(booking);
      expect(appointment).toMatchObject({ ...booking, status: 'booked' });
      expect(appointment.confirmationNo).toMatch(/^250612\d{6}$/);
      const remaining = async () =>
        (await s.gateway.listSlots({ outletCode: s.known.outletCode, type: 'loan_application', from: '2025-06-12', to: '2025-06-12' })).find(
          (x) => x.slot === '09:00-10:00',
        )!.remaining;
      expect(await remaining()).toBe(s.known.outletCapacity - 1);
      expect(await s.gateway.listAppointments(s.known.fundAccount)).toContainEqual(appointment);
      expect(await s.gateway.cancelAppointment(appointment.confirmationNo)).toEqual({ ...appointment, status: 'cancelled' });
      expect(await remaining()).toBe(s.known.outletCapacity);
      expect(await codeOf(s.gateway.cancelAppointment('000000000000'))).toBe('not_found');
    });

    it('refuses weekends, past days, unknown windows and unknown people', async () => {
      const base = { fundAccount: s.known.fundAccount, outletCode: s.known.outletCode, type: 'withdrawal' as const, slot: '10:00-11:00' };
      expect(await codeOf(s.gateway.bookAppointment({ ...base, date: '2025-06-14' }))).toBe('slot_unavailable');
      expect(await codeOf(s.gateway.bookAppointment({ ...base, date: '2025-06-10' }))).toBe('slot_unavailable');
      expect(await codeOf(s.gateway.bookAppointment({ ...base, date: '2025-06-12', slot: '12:00-13:00' }))).toBe('slot_unavailable');
      expect(await codeOf(s.gateway.bookAppointment({ ...base, date: '2025-06-12', fundAccount: '999999999999' }))).toBe('not_found');
    });

    it('never books more than capacity: 20 concurrent bookings of one slot', async () => {
      const booking = {
        fundAccount: s.known.fundAccount,
        outletCode: s.known.outletCode,
        type: 'withdrawal' as const,
        date: '2025-06-13',
        slot: '14:30-15:30',
      };
      const results = await Promise.all(Array.from({ length: 20 }, () => codeOf(s.gateway.bookAppointment(booking))));
      expect(results.filter((r) => r === 'ok')).toHaveLength(s.known.outletCapacity);
      expect(results.filter((r) => r === 'slot_full')).toHaveLength(20 - s.known.outletCapacity);
      const slot = (await s.gateway.listSlots({ outletCode: s.known.outletCode, type: 'withdrawal', from: '2025-06-13', to: '2025-06-13' })).find(
        (x) => x.slot === '14:30-15:30',
      );
      expect(slot!.remaining).toBe(0);
    });

    it('checks a telephone PIN: match, no match, and no PIN set', async () => {
      const person = { kind: 'person' as const, id: s.known.fundAccount };
      expect(await s.gateway.checkPin(person, s.known.pin)).toBe('match');
      expect(await s.gateway.checkPin(person, s.known.pin === '000000' ? '111111' : '000000')).toBe('no_match');
      expect(await s.gateway.checkPin({ kind: 'person', id: s.known.borrowerFundAccount }, s.known.pin)).toBe('no_pin');
    });

    it('turns the SMS subscription on and off', async () => {
      await s.gateway.setSmsSubscription(s.known.fundAccount, true);
      expect(await s.gateway.getSmsSubscription(s.known.fundAccount)).toEqual({ fundAccount: s.known.fundAccount, enabled: true });
      expect(await s.gateway.setSmsSubscription(s.known.fundAccount, false)).toEqual({ fundAccount: s.known.fundAccount, enabled: false });
      expect(await s.gateway.getSmsSubscription(s.known.fundAccount)).toEqual({ fundAccount: s.known.fundAccount, enabled: false });
      expect(await s.gateway.getSmsSubscription('999999999999')).toBeNull();
      expect(await codeOf(s.gateway.setSmsSubscription('999999999999', true))).toBe('not_found');
    });
  });
}
