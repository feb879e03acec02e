// The closed-hours prompt's words (agent-closed), said from the admin's schedule instead of a fixed
// "九点至五点": weekdays with the same hours grouped (周一至周五), each time read the way a person
// says it (上午九点, 下午一点半, 中午十二点).
import type { WeekSchedule } from '../../../shared/time/service-hours.js';
import { addDays, type LocalDate } from '../../../shared/time/local-date.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const DAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** 0…59 in words: 十, 十五, 二十, 三十五. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** "13:30" → 下午一点半; "12:00" → 中午十二点; "24:00" → 晚上十二点; "08:05" → 上午八点零五分. */
export function spokenTime(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const part = h < 5 ? '凌晨' : h < 12 ? '上午' : h < 13 ? '中午' : h < 18 ? '下午' : '晚上';
  const hour12 = h > 12 ? h - 12 : h === 0 ? 0 : h;
  const hourWord = hour12 === 2 ? '两' : chineseNumber(hour12);
  const minutes = m === 0 ? '' : m === 30 ? '半' : m < 10 ? `零${DIGITS[m]}分` : `${chineseNumber(m)}分`;
  return `${part}${hourWord}点${minutes}`;
}

/** 上午九点至十一点: the end leaves out its part of the day when the start said it already. */
function spokenPeriods(periods: ReadonlyArray<{ from: string; to: string }>): string {
  return periods
    .map((p) => {
      const from = spokenTime(p.from);
      const to = spokenTime(p.to);
      return `${from}至${to.slice(0, 2) === from.slice(0, 2) ? to.slice(2) : to}`;
    })
    .join('、');
}

/** "周一至周五上午九点至中午十二点、下午一点至五点，周六上午九点至中午十二点". */
export function spokenWeek(schedule: WeekSchedule): string {
  const key = (d: number) => JSON.stringify(schedule.weekly.find((w) => w.weekday === d)?.periods ?? []);
  const groups: Array<{ first: number; last: number }> = [];
  for (let d = 1; d <= 7; d++) {
    const prev = groups.at(-1);
    if (prev && prev.last === d - 1 && key(prev.first) === key(d)) prev.last = d;
    else groups.push({ first: d, last: d });
  }
  return groups
    .filter((g) => key(g.first) !== '[]')
    .map((g) => {
      const days = g.first === g.last ? DAY_NAMES[g.first] : `${DAY_NAMES[g.first]}${g.last === g.first + 1 ? '、' : '至'}${DAY_NAMES[g.last]}`;
      return `${days}${spokenPeriods(schedule.weekly.find((w) => w.weekday === g.first)!.periods)}`;
    })
    .join('，');
}

/** Dated exceptions said ahead: a caller on Monday hears about Friday's short day. */
export const EXCEPTIONS_AHEAD_DAYS = 7;

/** "十二月三十一日" (espeak reads words more reliably than digits with 月/日). */
function spokenDate(date: LocalDate): string {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${chineseNumber(m)}月${chineseNumber(d)}日`;
}

/** "十二月三十一日人工服务时间为上午九点至中午十二点；一月一日暂停人工服务" for the exceptions of [today, today + 7). */
export function spokenExceptions(schedule: WeekSchedule, today: LocalDate): string {
  const last = addDays(today, EXCEPTIONS_AHEAD_DAYS - 1);
  return [...schedule.exceptions]
    .filter((e) => e.date >= today && e.date <= last)
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .map((e) => (e.periods.length ? `${spokenDate(e.date)}人工服务时间为${spokenPeriods(e.periods)}` : `${spokenDate(e.date)}暂停人工服务`))
    .join('；');
}

/** The whole agent-closed sentence; with `today`, the dated exceptions of the coming week too. */
export function closedHoursSentence(schedule: WeekSchedule, today?: LocalDate): string {
  const week = spokenWeek(schedule);
  const dated = today ? spokenExceptions(schedule, today) : '';
  const ahead = dated ? `${dated}。` : '';
  if (!week) return `人工服务暂停，${ahead}您可以继续使用自助语音服务。`;
  return `现在是非工作时间，人工服务时间为${week}，法定节假日除外。${ahead}您可以继续使用自助语音服务。`;
}
