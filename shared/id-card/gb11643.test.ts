import { describe, expect, it } from 'vitest';
import { checkIdCardNumber, idCardCheckDigit, isValidIdCardNumber, makeIdCardNumber } from './gb11643.js';

describe('GB 11643 check digit', () => {
  it('computes the published examples', () => {
    // The standard's own example and two widely cited sample numbers.
    expect(idCardCheckDigit('11010519491231002')).toBe('X');
    expect(idCardCheckDigit('44052418800101001')).toBe('4');
    expect(idCardCheckDigit('34052419800101001')).toBe('X');
  });

  it('maps every remainder to its check character', () => {
    // Only the last digit d set: its weight is 2, so the remainder is 2d mod 11.
    const chars = Array.from({ length: 10 }, (_, d) => idCardCheckDigit(`0000000000000000${d}`));
    expect(chars).toEqual(['1', 'X', '8', '6', '4', '2', '0', '9', '7', '5']);
  });

  it('rejects input that is not 17 digits', () => {
    expect(() => idCardCheckDigit('1234')).toThrow();
    expect(() => idCardCheckDigit('1101051949123100A')).toThrow();
  });
});

describe('checkIdCardNumber', () => {
  it('accepts valid numbers, lower-case x and spaces', () => {
    expect(checkIdCardNumber('11010519491231002X')).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      info: { regionCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
    expect(isValidIdCardNumber('110105 19491231 002x')).toBe(true);
    expect(isValidIdCardNumber('350102199003072317')).toBe(true);
    expect(isValidIdCardNumber('350102199003072314')).toBe(false);
  });

  it('names the problem of invalid numbers', () => {
    expect(checkIdCardNumber('110105194912310021')).toEqual({ valid: false, problem: 'check_digit' });
    expect(checkIdCardNumber('11010519491231002')).toEqual({ valid: false, problem: 'format' });
    expect(checkIdCardNumber('1101051949123100XX')).toEqual({ valid: false, problem: 'format' });
    expect(checkIdCardNumber(makeIdCardNumber('110105', '1990-02-30', 1).replace(/.$/, '0'))).toMatchObject({ valid: false, problem: 'birth_date' });
    expect(checkIdCardNumber('000000199001010010')).toEqual({ valid: false, problem: 'region' });
    // Right check digit, but born in 1880: no living caller.
    expect(checkIdCardNumber('440524188001010014')).toEqual({ valid: false, problem: 'birth_date' });
  });

  it('checks the date of birth: real day, leap years, not in the future', () => {
    const feb29 = makeIdCardNumber('330106', '2000-02-29', 12);
    expect(isValidIdCardNumber(feb29)).toBe(true);
    expect(checkIdCardNumber(`33010619000229012${idCardCheckDigit('33010619000229012')}`)).toMatchObject({ problem: 'birth_date' });
    expect(checkIdCardNumber(`33010618991231012${idCardCheckDigit('33010618991231012')}`)).toMatchObject({ problem: 'birth_date' });
    const born2030 = makeIdCardNumber('330106', '2030-01-01', 3);
    expect(isValidIdCardNumber(born2030)).toBe(true);
    expect(checkIdCardNumber(born2030, '2025-06-01')).toEqual({ valid: false, problem: 'birth_date' });
  });

  it('derives the sex from the parity of the sequence', () => {
    const man = checkIdCardNumber(makeIdCardNumber('330102', '1985-07-15', 371));
    const woman = checkIdCardNumber(makeIdCardNumber('330102', '1985-07-15', 372));
    expect(man.valid && man.info.sex).toBe('male');
    expect(woman.valid && woman.info.sex).toBe('female');
  });
});
