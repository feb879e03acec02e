import type { Outlet, PolicyDocument } from '../../../shared/api/gateway.js';
import { DEMO_OUTLETS, DEMO_POLICIES } from '../gateway/demo-catalog.js';
import { DISTRICT_PROMPTS, OUTLET_PROMPTS, POLICY_PROMPTS, STANDARD_HOURS } from './recorded-prompts.js';

/**
 * What the IVR says for a policy or an outlet, as text for the TTS (spoken-prompts.ts), and the
 * demo center's recording of the same words when there is one: a recording is used only while
 * the data still says what was recorded, so an edited policy is never read in its old words.
 */

/** 「住房公积金贷款利率：首套住房五年以上贷款年利率为百分之二点六。」 */
export function policySpeech(p: Pick<PolicyDocument, 'title' | 'summary'>): string {
  return `${p.title}：${p.summary}`;
}

/** Name and address, then the hours unless they are the standard ones (one shared prompt says those). */
export function outletSpeech(o: Pick<Outlet, 'name' | 'address' | 'hours'>): string {
  return `${o.name}，地址：${o.address}。${o.hours === STANDARD_HOURS ? '' : `办公时间为${o.hours}。`}`;
}

export function recordedPolicy(p: Pick<PolicyDocument, 'title' | 'summary'>): string | undefined {
  const demo = DEMO_POLICIES.find((d) => d.title === p.title);
  return demo && demo.summary === p.summary ? POLICY_PROMPTS[p.title] : undefined;
}

/** The recording of an outlet's name, and of its name and address, while they are the demo's. */
export function recordedOutlet(o: Pick<Outlet, 'code' | 'name' | 'address'>): { name: string; address: string } | undefined {
  const demo = DEMO_OUTLETS.find((d) => d.code === o.code);
  return demo && demo.name === o.name && demo.address === o.address ? OUTLET_PROMPTS[o.code] : undefined;
}

export function recordedDistrict(district: string): string | undefined {
  return DISTRICT_PROMPTS[district];
}

/** Every text of the center's data the IVR may speak: what an admin's save makes into prompts. */
export function speechTexts(policies: ReadonlyArray<Pick<PolicyDocument, 'title' | 'summary'>>, outlets: readonly Outlet[]): string[] {
  return [...policies.map(policySpeech), ...outlets.flatMap((o) => [outletSpeech(o), o.name, o.district])];
}
