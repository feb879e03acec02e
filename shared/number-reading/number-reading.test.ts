import { describe, expect, it } from 'vitest';
import { NUMBER_PROMPTS, promptsToText, readAmount, readDate, readDecimal, readDigits, readInteger } from './number-reading.js';

const int = (n: number) => promptsToText(readInteger(n));

describe('readInteger', () => {
  it.each<[number, string]>([
    [0, '零'],
    [7, '七'],
    [10, '十'],
    [15, '十五'],
    [20, '二十'],
    [101, '一百零一'],
    [110, '一百一十'],
    [1000, '一千'],
    [1010, '一千零一十'],
    [1001, '一千零一'],
    [10005, '一万零五'],
    [10050, '一万零五十'],
    [10500, '一万零五百'],
    [11000, '一万一千'],
    [100000, '十万'],
    [150000, '十五万'],
    [1000000, '一百万'],
    [1010101, '一百零一万零一百零一'],
    [20000001, '二千万零一'],
    [100000000, '一亿'],
    [100000001, '一亿零一'],
    [100010000, '一亿零一万'],
    [100001000, '一亿零一千'],
    [101000000, '一亿零一百万'],
    [110000000, '一亿一千万'],
    [1000000000, '十亿'],
    [999999999999, '九千九百九十九亿九千九百九十九万九千九百九十九'],
  ])('%i → %s', (n, text) => expect(int(n)).toBe(text));

  it('refuses what it cannot read', () => {
    expect(() => readInteger(-1)).toThrow(RangeError);
    expect(() => readInteger(1.5)).toThrow(RangeError);
    expect(() => readInteger(1e12)).toThrow(RangeError);
  });
});

describe('readAmount', () => {
  it.each<[number | string, string]>([
    ['10005.30', '一万零五元三角'],
    [10005.3, '一万零五元三角'],
    ['10005.35', '一万零五元三角五分'],
    ['3.05', '三元零五分'],
    ['0.50', '五角'],
    ['0.05', '五分'],
    ['0', '零元'],
    ['1200.00', '一千二百元'],
    [1234567.89, '一百二十三万四千五百六十七元八角九分'],
  ])('%s → %s', (amount, text) => expect(promptsToText(readAmount(amount))).toBe(text));

  it('gives prompt ids, not text', () => {
    expect(readAmount('10005.30')).toEqual(['num-1', 'num-wan', 'num-0', 'num-5', 'unit-yuan', 'num-3', 'unit-jiao']);
  });

  it('refuses negative amounts and fractions of a fen', () => {
    expect(() => readAmount('-1')).toThrow(RangeError);
    expect(() => readAmount('1.234')).toThrow(RangeError);
  });
});

describe('dates, digits and decimals', () => {
  it('reads 2026-05-01 as 二〇二六年五月一日 (〇 and 零 are one prompt, líng)', () => {
    expect(promptsToText(readDate('2026-05-01'))).toBe('二零二六年五月一日');
    expect(promptsToText(readDate('2025-12-31', { dayUnit: 'hao' }))).toBe('二零二五年十二月三十一号');
    expect(promptsToText(readDate('2030-10-20'))).toBe('二零三零年十月二十日');
    expect(() => readDate('2026-13-01')).toThrow(RangeError);
  });

  it('reads a work number digit by digit', () => {
    expect(promptsToText(readDigits('1007'))).toBe('一零零七');
    expect(promptsToText(readDigits('12329', { phoneStyle: true }))).toBe('幺二三二九');
    expect(() => readDigits('12a')).toThrow(RangeError);
  });

  it('reads decimals with 点', () => {
    expect(promptsToText(readDecimal('3.14'))).toBe('三点一四');
    expect(promptsToText(readDecimal('10.05'))).toBe('十点零五');
  });

  it('uses only prompts it declares', () => {
    const used = [
      ...readAmount('1234567.89'),
      ...readDate('2026-05-01', { dayUnit: 'hao' }),
      ...readDigits('1', { phoneStyle: true }),
      ...readDecimal('1.5'),
      ...readInteger(100000000),
    ];
    for (const id of used) expect(NUMBER_PROMPTS).toContain(id);
  });
});
