import type { IvrAction } from '../ivr/ivr-actions.js';
import type { Outlet, PolicyCategory } from '../../../shared/api/gateway.js';
import { readDigits } from '../../../shared/number-reading/number-reading.js';
import { choose, readout, say } from './caller-io.js';
import { STANDARD_HOURS } from './recorded-prompts.js';
import { outletSpeech, policySpeech, recordedDistrict, recordedOutlet, recordedPolicy } from './spoken-texts.js';
import type { SelfServiceDeps } from './self-service-deps.js';

/** The flow's category variable (menu policy-category) → the gateway's category. */
const CATEGORIES: Record<string, PolicyCategory> = { deposit: '缴存', withdrawal: '提取', loan: '贷款', other: '其他' };

/**
 * The prompt for a text of the center's data: its speech when made (an admin saved it), else the
 * demo recording of the same words, else nothing yet: the speech is made in the background for
 * the next caller (a core system's texts are never saved here).
 */
export function speechOf(deps: SelfServiceDeps, text: string, recorded: string | undefined): string | undefined {
  const spoken = deps.spoken.ready(text);
  if (spoken || recorded) return spoken ?? recorded;
  deps.spoken.prepare(text).catch((error: unknown) => deps.logger.warn({ err: error, event: 'tts_failed' }, 'speech of a self-service text failed'));
  return undefined;
}

/** 政策法规查询 by category: each policy's summary, then # 重听 / * 返回 / 0 人工. */
export function policyByCategoryAction(deps: SelfServiceDeps): IvrAction {
  return async ({ channel, vars }) => {
    const category = CATEGORIES[vars.category ?? ''];
    if (!category) throw new Error(`unknown policy category ${vars.category ?? '(none)'}`);
    const prompts = (await deps.gateway().listPolicies(category)).flatMap((p) => speechOf(deps, policySpeech(p), recordedPolicy(p)) ?? []);
    deps.record(vars, { action: 'policy-by-category', category, prompts });
    if (prompts.length === 0) {
      await say(channel, ['policy-none']);
      return 'back';
    }
    return readout(channel, prompts);
  };
}

/** Digits of a phone number as read to a caller: 0571-87000101 → 零五幺幺… */
export function phonePrompts(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  return digits ? ['outlet-phone-is', ...readDigits(digits, { phoneStyle: true })] : [];
}

export function outletPrompts(deps: SelfServiceDeps, o: Outlet): string[] {
  const address = speechOf(deps, outletSpeech(o), recordedOutlet(o)?.address);
  return [...(address ? [address] : []), ...(o.hours === STANDARD_HOURS ? ['outlet-hours'] : []), ...phonePrompts(o.phone)];
}

/** Districts in outlet order with their prompt; one without a prompt yet is left out (a caller cannot pick what is not read). */
export function districtsOf(deps: SelfServiceDeps, outlets: readonly Outlet[]): Array<{ district: string; prompt: string }> {
  return [...new Set(outlets.map((o) => o.district))].flatMap((district) => {
    const prompt = speechOf(deps, district, recordedDistrict(district));
    return prompt ? [{ district, prompt }] : [];
  });
}

/** 业务网点查询 by district: address, hours and phone of its outlets. */
export function outletsAction(deps: SelfServiceDeps): IvrAction {
  return async ({ channel, vars }) => {
    const outlets = await deps.gateway().listOutlets();
    const districts = districtsOf(deps, outlets);
    if (districts.length === 0) {
      await say(channel, ['outlet-none']);
      return 'back';
    }
    const picked = await choose(
      channel,
      ['outlets-choose'],
      districts.map((d) => [d.prompt]),
    );
    if (picked === undefined || picked === 'back') return 'back';
    const district = districts[picked]!.district;
    const prompts = outlets.filter((o) => o.district === district).flatMap((o) => outletPrompts(deps, o));
    deps.record(vars, { action: 'outlets', district, prompts });
    return readout(channel, prompts);
  };
}
