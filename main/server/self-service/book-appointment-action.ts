import type { IvrAction, IvrActionContext } from '../ivr/ivr-actions.js';
import type { AppointmentSlot, AppointmentType, Outlet } from '../../../shared/api/gateway.js';
import { readDate, readDigits } from '../../../shared/number-reading/number-reading.js';
import { GatewayError } from '../gateway/provident-fund-gateway.js';
import { addDays } from '../../../shared/time/local-date.js';
import { localDateOf } from '../../../shared/time/zoned.js';
import { MAX_TRIES, choose, readout, say } from './caller-io.js';
import { SLOT_PROMPTS } from './recorded-prompts.js';
import { recordedOutlet } from './spoken-texts.js';
import { speechOf } from './guide-actions.js';
import { verifiedSubject, type SelfServiceDeps } from './self-service-deps.js';

/** The flow's appointment variable (menu service) → the gateway's type. */
const TYPES: Record<string, AppointmentType> = { loan: 'loan_application', repayment: 'loan_repayment', withdrawal: 'withdrawal' };

/** Dates offered: the first working days with a free place, from tomorrow (today's windows may be past). */
export const DATES_OFFERED = 5;
export const BOOKING_WINDOW_DAYS = 14;

/**
 * 业务受理 预约 (loan application, repayment, withdrawal) for a verified person: outlet, then a
 * date with free places, then a window; the gateway books (never past capacity) and the caller
 * hears the confirmation number digit by digit. Unverified → 'need-verify' (the flow verifies,
 * then comes back here).
 */
export function bookAppointmentAction(deps: SelfServiceDeps): IvrAction {
  return async (ctx) => {
    const { channel, vars } = ctx;
    const type = TYPES[vars.appointment ?? ''];
    if (!type) throw new Error(`unknown appointment type ${vars.appointment ?? '(none)'}`);
    const subject = verifiedSubject(vars);
    if (!subject) {
      vars.verifyFor = 'book';
      return 'need-verify';
    }
    if (subject.kind !== 'person') {
      await say(channel, ['need-person-login']);
      return 'back';
    }
    const gateway = deps.gateway();
    // Outlets whose name can be said (made when an admin saved it, or the demo's recording).
    const outlets = (await gateway.listOutlets()).flatMap((x) => {
      const name = speechOf(deps, x.name, recordedOutlet(x)?.name);
      return name ? [{ ...x, namePrompt: name }] : [];
    });
    const o = await choose(
      channel,
      ['choose-outlet'],
      outlets.map((x) => [x.namePrompt]),
    );
    if (o === undefined || o === 'back') return 'back';
    const outlet = outlets[o]!;

    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const slot = await pickSlot(ctx, deps, outlet, type);
      if (!slot) return 'back';
      try {
        const booked = await gateway.bookAppointment({ fundAccount: subject.id, outletCode: outlet.code, type, date: slot.date, slot: slot.slot });
        deps.record(vars, {
          action: 'book-appointment',
          confirmationNo: booked.confirmationNo,
          outletCode: outlet.code,
          type,
          date: booked.date,
          slot: booked.slot,
        });
        await deps.sms.send({
          fundAccount: subject.id,
          template: 'appointment-booked',
          text: `您已预约${outlet.name} ${booked.date} ${booked.slot}，预约号${booked.confirmationNo}。`,
        });
        return readout(channel, [
          'booking-ok',
          ...readDate(booked.date),
          SLOT_PROMPTS[booked.slot] ?? 'num-0',
          'booking-number-is',
          ...readDigits(booked.confirmationNo),
        ]);
      } catch (error) {
        if (!(error instanceof GatewayError) || (error.code !== 'slot_full' && error.code !== 'slot_unavailable')) throw error;
        // Someone took the last place between the listing and the key press: choose again.
        await say(channel, ['slot-full']);
      }
    }
    return 'back';
  };
}

/** Date, then window (full windows are read as 已约满 so that digits never shift under a caller). */
async function pickSlot(ctx: IvrActionContext, deps: SelfServiceDeps, outlet: Outlet, type: AppointmentType): Promise<AppointmentSlot | undefined> {
  const { channel, clock } = ctx;
  const gateway = deps.gateway();
  const today = localDateOf(clock.now(), deps.timeZone);
  const slots = await gateway.listSlots({ outletCode: outlet.code, type, from: addDays(today, 1), to: addDays(today, BOOKING_WINDOW_DAYS) });
  const dates = [...new Set(slots.filter((s) => s.remaining > 0).map((s) => s.date))].slice(0, DATES_OFFERED);
  if (dates.length === 0) {
    await say(channel, ['no-slots']);
    return undefined;
  }
  const d = await choose(
    channel,
    ['choose-date'],
    dates.map((x) => readDate(x)),
  );
  if (d === undefined || d === 'back') return undefined;
  const windows = (await gateway.listSlots({ outletCode: outlet.code, type, from: dates[d]!, to: dates[d]! })).filter((s) => SLOT_PROMPTS[s.slot]);
  const w = await choose(
    channel,
    ['choose-slot'],
    windows.map((s) => [SLOT_PROMPTS[s.slot]!, ...(s.remaining > 0 ? [] : ['slot-full-mark'])]),
  );
  if (w === undefined || w === 'back') return undefined;
  return windows[w];
}
