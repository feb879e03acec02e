/**
 * The outbound dial plan for agents' follow-up calls (回访): which numbers the trunk may be asked
 * to ring. Calls out cost the center money and reach citizens, so a stolen or misused agent
 * account must not reach abroad or premium lines (issue 12: toll fraud). Portable: no Node.
 *
 * Numbering (工信部《电信网编号计划》): mobiles are 11 digits 13x–19x (not 174 satellite, not
 * 179xx IP-dialling prefixes); landlines are 0 + a 2- or 3-digit area code (010, 02x, 0xxx)
 * + a 7–8 digit subscriber number starting 2–8; 00… is international; 160/168 are premium
 * information lines (声讯); 10xxx/11x/12xxx are carrier and public service numbers, 95xxx/96xxx
 * enterprise and local service numbers, 400/800 company numbers.
 *
 * A plan is a comma-separated list of rules (config key `dialPlan`, default `mobile,local`):
 * `mobile`, `local` (landlines of the center's area codes), `domestic` (landlines of any area),
 * `area:0571` (the local area codes; default derived from the center code), `allow:12345` or
 * `allow:955*` (a number or prefix, e.g. the city's 12345 hotline). International and premium
 * numbers are refused whatever the plan says.
 */

export interface DialPlan {
  mobile: boolean;
  local: boolean;
  domestic: boolean;
  localAreaCodes: readonly string[];
  allow: readonly string[];
}

export type DialKind = 'mobile' | 'local' | 'domestic' | 'listed';
export type DialRefusal = 'international' | 'premium' | 'service' | 'long-distance' | 'not-in-plan' | 'unknown';
export type DialVerdict = { allowed: true; kind: DialKind; number: string } | { allowed: false; reason: DialRefusal; number: string };

export const DEFAULT_DIAL_PLAN = 'mobile,local';

const MOBILE = /^1(3\d|4[5-9]|5[0-35-9]|6[5-7]|7[0-35-8]|8\d|9\d)\d{8}$/;
const PREMIUM = /^16[08]/;
const SERVICE = /^(1(0\d{3,4}|1\d{1,2}|2\d{3,4})|9[56]\d{3,4}|[48]00\d{7})$/;
const AREA_CODED = /^(0(?:10|2\d|[3-9]\d{2}))([2-8]\d{6,7})$/;
const SUBSCRIBER = /^[2-8]\d{6,7}$/;
const AREA_CODE = /^0(10|2\d|[3-9]\d{2})$/;

/** Telephone area codes of municipalities (by province prefix) and of capitals and big cities. */
const MUNICIPALITIES: Record<string, string> = { '11': '010', '12': '022', '31': '021', '50': '023' };
const CITIES: Record<string, string> = {
  '1301': '0311',
  '1401': '0351',
  '1501': '0471',
  '2101': '024',
  '2102': '0411',
  '2201': '0431',
  '2301': '0451',
  '3201': '025',
  '3202': '0510',
  '3205': '0512',
  '3301': '0571',
  '3302': '0574',
  '3303': '0577',
  '3304': '0573',
  '3305': '0572',
  '3306': '0575',
  '3307': '0579',
  '3401': '0551',
  '3501': '0591',
  '3502': '0592',
  '3601': '0791',
  '3701': '0531',
  '3702': '0532',
  '4101': '0371',
  '4201': '027',
  '4301': '0731',
  '4401': '020',
  '4403': '0755',
  '4406': '0757',
  '4419': '0769',
  '4501': '0771',
  '4601': '0898',
  '5101': '028',
  '5201': '0851',
  '5301': '0871',
  '5401': '0891',
  '6101': '029',
  '6201': '0931',
  '6301': '0971',
  '6401': '0951',
  '6501': '0991',
};

/** The area code of a GB/T 2260 center code, when the table knows it. */
export function areaCodeOfCenter(centerCode: string): string | undefined {
  return MUNICIPALITIES[centerCode.slice(0, 2)] ?? CITIES[centerCode.slice(0, 4)];
}

/** Reads a plan; throws an Error naming the first rule it does not understand. */
export function parseDialPlan(text: string | undefined, centerCode: string): DialPlan {
  const rules = (text ?? DEFAULT_DIAL_PLAN)
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const plan = { mobile: false, local: false, domestic: false, localAreaCodes: [] as string[], allow: [] as string[] };
  for (const rule of rules) {
    if (rule === 'mobile' || rule === 'local' || rule === 'domestic') plan[rule] = true;
    else if (rule.startsWith('area:') && AREA_CODE.test(rule.slice(5))) plan.localAreaCodes.push(rule.slice(5));
    else if (rule.startsWith('allow:') && /^\d{3,20}\*?$/.test(rule.slice(6))) plan.allow.push(rule.slice(6));
    else throw new Error(`unknown dial-plan rule "${rule}" (mobile, local, domestic, area:0571, allow:12345 or allow:955*)`);
  }
  if (plan.localAreaCodes.length === 0) {
    const derived = areaCodeOfCenter(centerCode);
    if (derived) plan.localAreaCodes.push(derived);
  }
  return plan;
}

/** +86 and 0086 are China itself: the national number, with the trunk 0 back on landlines. */
function national(dialled: string): string | undefined {
  const rest = dialled.startsWith('+86') ? dialled.slice(3) : dialled.startsWith('0086') ? dialled.slice(4) : undefined;
  if (rest === undefined) return dialled.startsWith('+') || dialled.startsWith('00') ? undefined : dialled;
  return rest.startsWith('1') || rest.startsWith('0') ? rest : `0${rest}`;
}

export function checkDialledNumber(plan: DialPlan, dialled: string): DialVerdict {
  const number = national(dialled.trim());
  if (number === undefined) return { allowed: false, reason: 'international', number: dialled };
  const refuse = (reason: DialRefusal): DialVerdict => ({ allowed: false, reason, number });
  const allow = (kind: DialKind): DialVerdict => ({ allowed: true, kind, number });
  if (!/^\d+$/.test(number)) return refuse('unknown');
  if (PREMIUM.test(number)) return refuse('premium');
  if (plan.allow.some((a) => (a.endsWith('*') ? number.startsWith(a.slice(0, -1)) : number === a))) return allow('listed');
  if (MOBILE.test(number)) return plan.mobile ? allow('mobile') : refuse('not-in-plan');
  if (SERVICE.test(number)) return refuse('service');
  const coded = AREA_CODED.exec(number);
  if (coded) {
    if (plan.local && plan.localAreaCodes.includes(coded[1]!)) return allow('local');
    if (plan.domestic) return allow('domestic');
    return refuse(plan.localAreaCodes.includes(coded[1]!) ? 'not-in-plan' : 'long-distance');
  }
  if (SUBSCRIBER.test(number)) return plan.local && plan.localAreaCodes.length > 0 ? allow('local') : refuse('not-in-plan');
  return refuse('unknown');
}
