import { describe, expect, it } from 'vitest';
import { closedHoursSentence, spokenTime, spokenWeek } from './hours-sentence.js';

const week = (byDay: Record<number, Array<{ from: string; to: string }>>) => ({
  weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, periods: byDay[weekday] ?? [] })),
  exceptions: [],
});

describe('the closed-hours sentence (what the IVR says instead of a fixed 九点至五点)', () => {
  it('reads times the way a person says them', () => {
    expect(spokenTime('09:00')).toBe('上午九点');
    expect(spokenTime('13:30')).toBe('下午一点半');
    expect(spokenTime('14:00')).toBe('下午两点');
    expect(spokenTime('12:00')).toBe('中午十二点');
    expect(spokenTime('08:05')).toBe('上午八点零五分');
    expect(spokenTime('17:45')).toBe('下午五点四十五分');
    expect(spokenTime('19:20')).toBe('晚上七点二十分');
    expect(spokenTime('24:00')).toBe('晚上十二点');
    expect(spokenTime('00:00')).toBe('凌晨零点');
  });

  it('groups weekdays with the same hours and leaves out closed days', () => {
    const nine = [{ from: '09:00', to: '11:00' }];
    expect(spokenWeek(week({ 1: nine, 2: nine, 3: nine, 4: nine, 5: nine }))).toBe('周一至周五上午九点至十一点');
    expect(spokenWeek(week({ 1: nine, 2: nine, 4: nine, 6: [{ from: '09:00', to: '12:00' }] }))).toBe(
      '周一、周二上午九点至十一点，周四上午九点至十一点，周六上午九点至中午十二点',
    );
    expect(closedHoursSentence(week({}))).toBe('人工服务暂停，您可以继续使用自助语音服务。');
    expect(closedHoursSentence(week({ 3: [{ from: '13:00', to: '17:00' }] }))).toBe(
      '现在是非工作时间，人工服务时间为周三下午一点至五点，法定节假日除外。您可以继续使用自助语音服务。',
    );
  });
});

describe('the closed-hours sentence says the dated exceptions of the coming week', () => {
  const nine = [{ from: '09:00', to: '17:00' }];
  const base = week({ 1: nine, 2: nine, 3: nine, 4: nine, 5: nine });
  const schedule = {
    ...base,
    exceptions: [
      { date: '2027-01-01', periods: [] },
      { date: '2026-12-31', periods: [{ from: '09:00', to: '12:00' }] },
      { date: '2027-02-10', periods: [] },
    ],
  };

  it('in date order, each with its hours or 暂停, only from today to six days ahead', () => {
    expect(closedHoursSentence(schedule, '2026-12-28')).toBe(
      '现在是非工作时间，人工服务时间为周一至周五上午九点至下午五点，法定节假日除外。十二月三十一日人工服务时间为上午九点至中午十二点；一月一日暂停人工服务。您可以继续使用自助语音服务。',
    );
    // A week before: not yet; the day after: no longer.
    expect(closedHoursSentence(schedule, '2026-12-24')).not.toContain('十二月三十一日');
    expect(closedHoursSentence(schedule, '2026-12-25')).toContain('十二月三十一日');
    expect(closedHoursSentence(schedule, '2027-01-02')).toBe(closedHoursSentence(schedule));
  });
});
