/**
 * Numbers, amounts and dates as sequences of recorded prompt ids (resources/prompts/zh), the way
 * a 12329 IVR reads them: 10005.30 → 一万零五元三角, 2026-05-01 → 二〇二六年五月一日, work number
 * 1007 → 一零零七. Portable: no Node or DOM.
 */
export type PromptId = string;

export const DIGIT_PROMPTS = ['num-0', 'num-1', 'num-2', 'num-3', 'num-4', 'num-5', 'num-6', 'num-7', 'num-8', 'num-9'] as const;
const SECTION_UNITS = ['', 'num-ten', 'num-hundred', 'num-thousand'] as const;

/** The character each prompt says, for tests and logs. 〇 in dates is the same sound as 零. */
export const PROMPT_TEXT: Readonly<Record<string, string>> = {
  ...Object.fromEntries(DIGIT_PROMPTS.map((id, d) => [id, '零一二三四五六七八九'[d]!])),
  'num-yao': '幺',
  'num-ten': '十',
  'num-hundred': '百',
  'num-thousand': '千',
  'num-wan': '万',
  'num-yi': '亿',
  'num-point': '点',
  'unit-yuan': '元',
  'unit-jiao': '角',
  'unit-fen': '分',
  'unit-year': '年',
  'unit-month': '月',
  'unit-day': '日',
  'unit-hao': '号',
};

export function promptsToText(ids: readonly PromptId[]): string {
  return ids.map((id) => PROMPT_TEXT[id] ?? `[${id}]`).join('');
}

const digit = (d: number): PromptId => DIGIT_PROMPTS[d]!;

/** 1…9999 with 千百十 and inner 零 (1010 → 一千零一十). */
function section(n: number): PromptId[] {
  const out: PromptId[] = [];
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out.length > 0) zero = true;
      continue;
    }
    if (zero) out.push('num-0');
    zero = false;
    out.push(digit(d));
    if (pos > 0) out.push(SECTION_UNITS[pos]!);
  }
  return out;
}

export const MAX_READABLE_INTEGER = 999_999_999_999;

/** A whole number 0 … 9999亿9999万9999 (1000 → 一千, 100000 → 十万, 10 → 十, 100010000 → 一亿零一万). */
export function readInteger(n: number): PromptId[] {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_READABLE_INTEGER) throw new RangeError(`cannot read ${n}: whole numbers 0 to ${MAX_READABLE_INTEGER} only`);
  if (n === 0) return ['num-0'];
  const parts: Array<[number, PromptId | null]> = [
    [Math.floor(n / 1e8), 'num-yi'],
    [Math.floor(n / 1e4) % 1e4, 'num-wan'],
    [n % 1e4, null],
  ];
  const out: PromptId[] = [];
  let gap = false;
  for (const [value, unit] of parts) {
    if (value === 0) {
      if (out.length > 0) gap = true;
      continue;
    }
    // 零 where thousands are missing (一万零五) or a whole section was skipped (一亿零一千).
    if (out.length > 0 && (value < 1000 || gap)) out.push('num-0');
    gap = false;
    out.push(...section(value));
    if (unit) out.push(unit);
  }
  // Spoken Chinese drops the leading 一 of 一十 (十, 十五万, 十亿) but keeps it inside (一千零一十).
  if (out[0] === 'num-1' && out[1] === 'num-ten') out.shift();
  return out;
}

/** Digit by digit (work numbers, account tails); phoneStyle reads 1 as 幺 like phone numbers. */
export function readDigits(digits: string, options: { phoneStyle?: boolean } = {}): PromptId[] {
  if (!/^\d*$/.test(digits)) throw new RangeError(`not digits: ${digits}`);
  return [...digits].map((c) => (options.phoneStyle && c === '1' ? 'num-yao' : digit(Number(c))));
}

/** A decimal number: 3.14 → 三点一四. */
export function readDecimal(value: string): PromptId[] {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m) throw new RangeError(`not a decimal number: ${value}`);
  const whole = readInteger(Number(m[1]));
  return m[2] ? [...whole, 'num-point', ...readDigits(m[2])] : whole;
}

/** Yuan with up to 2 decimals (a string keeps cents exact): 10005.30 → 一万零五元三角, 0.05 → 五分, 0 → 零元. */
export function readAmount(amount: number | string): PromptId[] {
  const text = typeof amount === 'number' ? amount.toFixed(2) : amount.trim();
  const m = /^(\d+)(?:\.(\d)(\d)?)?$/.exec(text);
  if (!m) throw new RangeError(`not an amount in yuan: ${amount}`);
  const yuan = Number(m[1]);
  const jiao = Number(m[2] ?? 0);
  const fen = Number(m[3] ?? 0);
  const out: PromptId[] = [];
  if (yuan > 0 || (jiao === 0 && fen === 0)) out.push(...readInteger(yuan), 'unit-yuan');
  if (jiao > 0) out.push(digit(jiao), 'unit-jiao');
  else if (fen > 0 && yuan > 0) out.push('num-0'); // 三元零五分
  if (fen > 0) out.push(digit(fen), 'unit-fen');
  return out;
}

/** A calendar date YYYY-MM-DD: year digit by digit, month and day as numbers; 日 or spoken 号. */
export function readDate(date: string, options: { dayUnit?: 'day' | 'hao' } = {}): PromptId[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > 31) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return [...readDigits(m[1]!), 'unit-year', ...readInteger(month), 'unit-month', ...readInteger(day), options.dayUnit === 'hao' ? 'unit-hao' : 'unit-day'];
}

/** Every prompt id these functions may return: the prompt list must contain them all. */
export const NUMBER_PROMPTS: readonly PromptId[] = Object.keys(PROMPT_TEXT);
