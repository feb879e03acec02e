/**
 * Citizen identity numbers (公民身份号码) per GB 11643-1999: 6-digit region code, 8-digit date of
 * birth, 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

/** The check character for the first 17 digits; throws when they are not 17 digits. */
export function idCardCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('expected the first 17 digits of an ID-card number');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export interface IdCardInfo {
  regionCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'male' | 'female';
}

export type IdCardProblem = 'format' | 'region' | 'birth_date' | 'check_digit';

export type IdCardCheck = { valid: true; normalized: string; info: IdCardInfo } | { valid: false; problem: IdCardProblem };

/** Upper-cases a trailing x and strips spaces, so that "1101… 002x" as keyed in is accepted. */
export function normalizeIdCardNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/**
 * Checks an 18-digit number: shape, a plausible region, a real date of birth not after `today`
 * (YYYY-MM-DD, default: no upper bound) and not before 1900, and the check character.
 */
export function checkIdCardNumber(value: string, today?: string): IdCardCheck {
  const id = normalizeIdCardNumber(value);
  if (!SHAPE.test(id)) return { valid: false, problem: 'format' };
  const province = Number(id.slice(0, 2));
  if (province < 11 || province > 91) return { valid: false, problem: 'region' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(birthDate) || birthDate < '1900-01-01' || (today !== undefined && birthDate > today)) {
    return { valid: false, problem: 'birth_date' };
  }
  if (idCardCheckDigit(id.slice(0, 17)) !== id[17]) return { valid: false, problem: 'check_digit' };
  return { valid: true, normalized: id, info: { regionCode: id.slice(0, 6), birthDate, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' } };
}

export function isValidIdCardNumber(value: string, today?: string): boolean {
  return checkIdCardNumber(value, today).valid;
}

/** Builds a valid number from its parts (demo data, tests). */
export function makeIdCardNumber(regionCode: string, birthDate: string, sequence: number): string {
  const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idCardCheckDigit(first17);
}

function isRealDate(ymd: string): boolean {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
