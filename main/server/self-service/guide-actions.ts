import type { IvrAction } from '../ivr/ivr-actions.js';
import type { Outlet, PolicyCategory } from '../../../shared/api/gateway.js';
import { readDigits } from '../../../shared/number-reading/number-reading.js';
import { choose, readout, say } from './caller-io.js';
import { DISTRICT_PROMPTS, OUTLET_PROMPTS, POLICY_PROMPTS, STANDARD_HOURS } from './recorded-prompts.js';
import type { SelfServiceDeps } from './self-service-deps.js';

/** The flow's category variable (menu policy-category) → the gateway's category. */
const CATEGORIES: Record<string, PolicyCategory> = { deposit: '缴存', withdrawal: '提取', loan: '贷款', other: '其他' };

/** 政策法规查询 by category: each policy's recorded summary, then # 重听 / * 返回 / 0 人工. */
export function policyByCategoryAction(deps: SelfServiceDeps): IvrAction {
  return async ({ channel, vars }) => {
    const category = CATEGORIES[vars.category ?? ''];
    if (!category) throw new Error(`unknown policy category ${vars.category ?? '(none)'}`);
    const prompts = (await deps.gateway().listPolicies(category)).flatMap((p) => (POLICY_PROMPTS[p.title] ? [POLICY_PROMPTS[p.title]!] : []));
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

export function outletPrompts(o: Outlet): string[] {
  const recorded = OUTLET_PROMPTS[o.code];
  return [...(recorded ? [recorded.address] : []), ...(o.hours === STANDARD_HOURS ? ['outlet-hours'] : []), ...phonePrompts(o.phone)];
}

/** Districts in outlet order, those with a recorded name only (a caller cannot pick what is not read). */
export function districtsOf(outlets: readonly Outlet[]): string[] {
  return [...new Set(outlets.map((o) => o.district))].filter((d) => DISTRICT_PROMPTS[d]);
}

/** 业务网点查询 by district: address, hours and phone of its outlets. */
export function outletsAction(deps: SelfServiceDeps): IvrAction {
  return async ({ channel }) => {
    const outlets = await deps.gateway().listOutlets();
    const districts = districtsOf(outlets);
    if (districts.length === 0) {
      await say(channel, ['outlet-none']);
      return 'back';
    }
    const picked = await choose(
      channel,
      ['outlets-choose'],
      districts.map((d) => [DISTRICT_PROMPTS[d]!]),
    );
    if (picked === undefined || picked === 'back') return 'back';
    const prompts = outlets.filter((o) => o.district === districts[picked]).flatMap(outletPrompts);
    return readout(channel, prompts);
  };
}
