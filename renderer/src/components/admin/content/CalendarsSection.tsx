import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDateOf } from '../../../../../shared/time/zoned';
import { yearOf } from '../../../../../shared/time/local-date';
import { useAdminCalendarStore } from '../../../stores/admin-calendar-store';
import { useConnectionStore } from '../../../stores/connection-store';
import { fieldIssues } from '../../../services/api-error-text';
import { issueSentences } from './form-issues';
import { YearCalendar } from './YearCalendar';

/** 节假日: a year as the server counts working days with it (official or provisional), and the upload of next year's notice. */
export function CalendarsSection() {
  const { t } = useTranslation();
  const timeZone = useConnectionStore((s) => s.timeZone);
  const [thisYear] = useState(() => yearOf(localDateOf(Date.now(), timeZone)));
  const { year, calendar, error, loaded, sent, show, upload } = useAdminCalendarStore();
  const [uploadYear, setUploadYear] = useState(thisYear + 1);
  const file = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void show(thisYear);
  }, [show, thisYear]);

  // "holidays.1" → 第 2 个节假日「春节」2027-02-05 至 2027-01-01: the row as the file has it.
  const rows = (sent ?? {}) as { holidays?: Array<Record<string, unknown>>; workingWeekendDays?: Array<Record<string, unknown>> };
  const locate = (path: string) => {
    const [list, index] = path.split('.');
    const row = Number(index);
    if (Number.isNaN(row)) return list === 'holidays' ? t('adminContent.calendar.holidayDays') : undefined;
    if (list === 'holidays') {
      const h = rows.holidays?.[row];
      return t('adminContent.calendar.atHoliday', { n: row + 1, row: h ? `「${String(h.name)}」${String(h.from)} – ${String(h.to)}` : '' });
    }
    if (list === 'workingWeekendDays') {
      const w = rows.workingWeekendDays?.[row];
      return t('adminContent.calendar.atWorkingDay', { n: row + 1, row: w ? `${String(w.date)}「${String(w.for)}」` : '' });
    }
    return undefined;
  };
  const send = async () => {
    const chosen = file.current?.files?.[0];
    if (chosen) await upload(uploadYear, await chosen.text());
  };

  return (
    <div className="admin-content admin-calendars" data-testid="admin-calendars">
      <div className="admin-content__bar">
        <label className="field field--inline">
          {t('adminContent.calendar.year')}
          <select value={year ?? thisYear} data-testid="admin-calendar-year" onChange={(e) => void show(Number(e.target.value))}>
            {[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <span className="admin-calendars__upload">
          <label className="field field--inline">
            {t('adminContent.calendar.uploadYear')}
            <input
              type="number"
              min={2000}
              max={2100}
              value={uploadYear}
              data-testid="admin-calendar-upload-year"
              onChange={(e) => setUploadYear(Number(e.target.value))}
            />
          </label>
          <input ref={file} type="file" accept=".json,application/json" aria-label={t('adminContent.calendar.file')} data-testid="admin-calendar-file" />
          <button type="button" className="button button--primary" data-testid="admin-calendar-upload" onClick={() => void send()}>
            {t('adminContent.calendar.upload')}
          </button>
        </span>
      </div>
      <p className="muted">{t('adminContent.calendar.formatHint')}</p>
      {error && (
        <ul className="admin-content__errors" role="alert" data-testid="admin-calendar-error">
          {error.code === 'not_json' ? (
            <li>{t('adminContent.calendar.notJson')}</li>
          ) : error.code === 'invalid_calendar' ? (
            <li>
              {t('adminContent.calendar.statutoryMissing', {
                days: fieldIssues(error)
                  .map((i) => i.message.split(' ')[0])
                  .join('、'),
              })}
            </li>
          ) : (
            issueSentences(t, error, locate).map((s) => <li key={s}>{s}</li>)
          )}
        </ul>
      )}
      {loaded && (
        <p className="admin-content__ok" role="status" data-testid="admin-calendar-loaded">
          {t('adminContent.calendar.loaded', { year: loaded.year, count: loaded.recomputed })}
        </p>
      )}
      {calendar && (
        <>
          <p className="admin-calendars__source" data-testid="admin-calendar-source">
            <strong>{calendar.year}</strong> · {t(`adminContent.calendar.origin.${calendar.origin}`)}
            {calendar.provisional && (
              <span className="tag tag--expired" data-testid="admin-calendar-provisional">
                {t('adminContent.calendar.provisional')}
              </span>
            )}
            {!calendar.provisional && <span className="muted"> · {calendar.source}</span>}
          </p>
          <p className="year-calendar__legend">
            <span className="year-calendar__day year-calendar__day--holiday">休</span> {t('adminContent.calendar.legend.holiday')}
            <span className="year-calendar__day year-calendar__day--working">班</span> {t('adminContent.calendar.legend.working')}
            <span className="year-calendar__day year-calendar__day--weekend">六</span> {t('adminContent.calendar.legend.weekend')}
          </p>
          <YearCalendar calendar={calendar} />
        </>
      )}
    </div>
  );
}
