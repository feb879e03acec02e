import { describe, expect, it } from 'vitest';
import { impossibleCounts } from './impossible-counts.js';
import { emptyRawCounts, type RawCounts } from '../../../shared/metrics/raw-counts.js';

const day = (c: Partial<RawCounts>): RawCounts => ({ ...emptyRawCounts(), ...c });

describe('impossible counts', () => {
  it('accepts a real day, with more ACW periods than answered calls (a transfer)', () => {
    expect(
      impossibleCounts(day({ callTotal: 10, offered: 8, answered: 6, abandoned: 2, abandonedIvr: 2, talkMsSum: 9, waitMsSum: 3, acwCount: 7, acwMsSum: 5 })),
    ).toEqual([]);
    expect(impossibleCounts(emptyRawCounts())).toEqual([]);
  });
  it.each([
    [{ callTotal: 1, offered: 1, answered: 2 }, 'answered > offered'],
    [{ callTotal: 1, offered: 2 }, 'offered > callTotal'],
    [{ callTotal: 3, offered: 1, abandoned: 2 }, 'abandoned > offered'],
    [{ callTotal: 1, abandonedIvr: 2 }, 'abandonedIvr > callTotal'],
    [{ surveyResponses: 1, surveySatisfied: 2 }, 'surveySatisfied > surveyResponses'],
    [{ talkMsSum: 5 }, 'talk or wait time without an answered call'],
    [{ acwMsSum: 5 }, 'after-call work time without an after-call work period'],
  ])('refuses %o', (counts, rule) => {
    expect(impossibleCounts(day(counts))).toContain(rule);
  });
});
