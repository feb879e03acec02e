import { useTranslation } from 'react-i18next';
import type { CalendarYearResponse } from '../../../../../shared/api/calendar';
import { addDays, daysInMonth, isoWeekday, isWeekend, localDate } from '../../../../../shared/time/local-date';

/** Twelve month grids, Monday first: holidays, 调休 working weekend days and plain weekends marked. */
export function YearCalendar({ calendar }: { calendar: CalendarYearResponse }) {
  const { t } = useTranslation();
  const holidayOf = new Map<string, string>();
  for (const h of calendar.holidays) for (let d = h.from; d <= h.to; d = addDays(d, 1)) holidayOf.set(d, h.name);
  const workingFor = new Map(calendar.workingWeekendDays.map((w) => [w.date, w.for]));
  return (
    <div className="year-calendar" data-testid="year-calendar">
      {Array.from({ length: 12 }, (_, m) => {
        const first = localDate(calendar.year, m + 1, 1);
        const blanks = isoWeekday(first) - 1;
        return (
          <section key={m} className="year-calendar__month" aria-label={t('adminContent.calendar.month', { month: m + 1 })}>
            <h5>{t('adminContent.calendar.month', { month: m + 1 })}</h5>
            <div className="year-calendar__grid">
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <span key={`h${d}`} className="year-calendar__head">
                  {t(`adminContent.calendar.dayInitials.${d}`)}
                </span>
              ))}
              {Array.from({ length: blanks }, (_, i) => (
                <span key={`b${i}`} />
              ))}
              {Array.from({ length: daysInMonth(calendar.year, m + 1) }, (_, i) => {
                const date = localDate(calendar.year, m + 1, i + 1);
                const holiday = holidayOf.get(date);
                const working = workingFor.get(date);
                const kind = holiday ? 'holiday' : working ? 'working' : isWeekend(date) ? 'weekend' : 'day';
                return (
                  <span
                    key={date}
                    className={`year-calendar__day year-calendar__day--${kind}`}
                    data-date={date}
                    data-kind={kind}
                    title={holiday ?? (working ? t('adminContent.calendar.workingFor', { name: working }) : undefined)}
                  >
                    {i + 1}
                  </span>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}
