import { describe, expect, it } from 'vitest';
import { computeIndicators, ratio2 } from './indicators.js';
import { emptyRawCounts, rollUp, type RawCounts } from './raw-counts.js';
import { flagIndicators } from './thresholds.js';

const raw = (over: Partial<RawCounts>): RawCounts => ({ ...emptyRawCounts(), ...over });

describe('indicator formulas', () => {
  it('reports null, not 0, for a zero denominator', () => {
    const i = computeIndicators(raw({ callTotal: 3, abandonedIvr: 1 }));
    expect(i).toEqual({ callTotal: 3, callavg: null, callconnect: null, ABNcalls: null, waittimeavg: null, acwavg: null, complntrate: null, satisrate: null });
    expect(flagIndicators(i, raw({ callTotal: 3 }))).toEqual({
      callTotal: 'n/a',
      callavg: 'n/a',
      callconnect: 'n/a',
      ABNcalls: 'n/a',
      waittimeavg: 'n/a',
      acwavg: 'n/a',
      complntrate: 'n/a',
      satisrate: 'n/a',
    });
  });

  it('rounds half up on exact ratios', () => {
    expect(ratio2(1, 8, 100)).toBe(12.5);
    expect(ratio2(1, 3, 100)).toBe(33.33);
    expect(ratio2(2, 3, 100)).toBe(66.67);
    // 1.005 as a float is 1.00499…; from the integers 201/200 it is exactly .5 of a cent: up.
    expect(ratio2(201, 200)).toBe(1.01);
    expect(ratio2(0, 5, 100)).toBe(0);
  });

  it('flags each threshold exactly at its limit as ok and one step past it as a breach', () => {
    // callconnect 85/100 = 85.00 ≥ 85 ok; ABNcalls 15/100 = 15.00 ≤ 15 ok; complntrate 1/200 = 0.50 ≤ 0.5 ok;
    // satisrate 9/10 = 90.00 ≥ 90 ok; waittimeavg 40 s exactly ok; acwavg 30 s exactly ok.
    const atLimit = raw({
      offered: 200,
      answered: 200,
      abandoned: 30,
      waitMsSum: 40_000 * 200,
      acwMsSum: 30_000 * 4,
      acwCount: 4,
      complaints: 1,
      surveyResponses: 10,
      surveySatisfied: 9,
    });
    const atLimitConnect = raw({ offered: 100, answered: 85 });
    expect(flagIndicators(computeIndicators(atLimit), atLimit)).toMatchObject({
      ABNcalls: 'ok',
      waittimeavg: 'ok',
      acwavg: 'ok',
      complntrate: 'ok',
      satisrate: 'ok',
      callTotal: 'n/a',
      callavg: 'n/a',
    });
    expect(flagIndicators(computeIndicators(atLimitConnect), atLimitConnect).callconnect).toBe('ok');

    // Just past: callconnect 8499/10000 = 84.99; ABNcalls 1276/8499 = 15.0135… → 15.01;
    // complntrate 44/8499 = 0.5177… → 0.52; satisrate 8999/10000 = 89.99.
    const past = raw({ offered: 10_000, answered: 8499, abandoned: 1276, complaints: 44, surveyResponses: 10_000, surveySatisfied: 8999 });
    const pastFlags = flagIndicators(computeIndicators(past), past);
    expect(computeIndicators(past)).toMatchObject({ callconnect: 84.99, ABNcalls: 15.01, complntrate: 0.52, satisrate: 89.99 });
    expect(pastFlags).toMatchObject({ callconnect: 'breach', ABNcalls: 'breach', complntrate: 'breach', satisrate: 'breach' });
  });

  it('judges times on seconds: 40.2 s shows as 0.67 min yet breaches "≤ 40 s"', () => {
    // 5 calls waiting 201 s in all: 40.2 s each = 0.67 min.
    const slow = raw({ answered: 5, waitMsSum: 201_000, acwCount: 5, acwMsSum: 150_001 });
    const i = computeIndicators(slow);
    expect(i.waittimeavg).toBe(0.67);
    expect(i.acwavg).toBe(0.5);
    expect(flagIndicators(i, slow)).toMatchObject({ waittimeavg: 'breach', acwavg: 'breach' });
    // 40 s exactly also shows as 0.67 min and is ok.
    const onTime = raw({ answered: 5, waitMsSum: 200_000 });
    expect(computeIndicators(onTime).waittimeavg).toBe(0.67);
    expect(flagIndicators(computeIndicators(onTime), onTime).waittimeavg).toBe('ok');
  });
});

describe('rollUp', () => {
  it('recomputes rates from the summed raw counts, never from averaged rates', () => {
    // A big center: 900 of 1000 offered answered (90 %); 36 000 s of talk (40 s = 0.67 min avg).
    const big = raw({ callTotal: 1200, offered: 1000, answered: 900, abandoned: 90, talkMsSum: 900 * 120_000, surveyResponses: 500, surveySatisfied: 480 });
    // A small center: 60 of 100 answered (60 %); 6 min average talk.
    const small = raw({ callTotal: 130, offered: 100, answered: 60, abandoned: 30, talkMsSum: 60 * 360_000, surveyResponses: 20, surveySatisfied: 10 });
    const province = rollUp([big, small]);
    expect(province).toMatchObject({ callTotal: 1330, offered: 1100, answered: 960, abandoned: 120, surveyResponses: 520, surveySatisfied: 490 });

    const i = computeIndicators(province);
    // callconnect = 960 / 1100 × 100 = 87.2727… → 87.27; the mean of 90 and 60 would be 75.
    expect(i.callconnect).toBe(87.27);
    // ABNcalls = 120 / 960 × 100 = 12.5; the mean of 10 and 50 would be 30.
    expect(i.ABNcalls).toBe(12.5);
    // callavg = (108 000 000 + 21 600 000) ms / 960 / 60 000 = 2.25 min; the mean of 2 and 6 would be 4.
    expect(i.callavg).toBe(2.25);
    // satisrate = 490 / 520 × 100 = 94.2307… → 94.23; the mean of 96 and 50 would be 73.
    expect(i.satisrate).toBe(94.23);

    const averaged = (computeIndicators(big).callconnect! + computeIndicators(small).callconnect!) / 2;
    expect(averaged).toBe(75);
    expect(averaged).not.toBe(i.callconnect);
    // And the flag differs too: the province meets ≥ 85, the averaged 75 would have breached it.
    expect(flagIndicators(i, province).callconnect).toBe('ok');
  });

  it('rolls up nothing to zeros and nulls', () => {
    expect(rollUp([])).toEqual(emptyRawCounts());
    expect(computeIndicators(rollUp([])).callconnect).toBeNull();
  });
});
