import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDateOf } from '../../../../../shared/time/zoned';
import { fieldIssues } from '../../../services/api-error-text';
import { useAdminHoursStore } from '../../../stores/admin-hours-store';
import { useConnectionStore } from '../../../stores/connection-store';
import { issueSentences } from './form-issues';
import { PeriodsEditor } from './PeriodsEditor';

/** 服务时间: the week as a table (per weekday its periods, or 休息), dated exceptions; saved at once, no restart. */
export function ServiceHoursSection() {
  const { t } = useTranslation();
  const timeZone = useConnectionStore((s) => s.timeZone);
  const { current, schedule, error, saving, saved, load, setDay, setException, addException, save } = useAdminHoursStore();
  const [newDate, setNewDate] = useState('');
  const [today] = useState(() => localDateOf(Date.now(), timeZone));
  useEffect(() => {
    void load();
  }, [load]);
  if (!schedule || !current) return <p className="muted">{error ? issueSentences(t, error)[0] : t('admin.loading')}</p>;

  const issuePaths = fieldIssues(error).map((i) => i.path);
  const invalid = (path: string) => issuePaths.some((p) => p === path || p.startsWith(`${path}.`));
  const dayName = (weekday: number) => t(`adminContent.hours.weekdays.${weekday}`);
  // "weekly.5.periods.0.to" → 周六 第 1 段; "exceptions.2.date" → 例外第 3 行.
  const locate = (path: string) => {
    const [list, index, , period] = path.split('.');
    const row = Number(index);
    if (list === 'weekly' && !Number.isNaN(row))
      return period !== undefined ? t('adminContent.hours.atPeriod', { day: dayName(row + 1), n: Number(period) + 1 }) : dayName(row + 1);
    if (list === 'exceptions' && !Number.isNaN(row)) return t('adminContent.hours.atException', { n: row + 1, date: schedule.exceptions[row]?.date ?? '' });
    return undefined;
  };

  return (
    <div className="admin-content admin-hours" data-testid="admin-hours">
      <p className={`admin-hours__now ${current.open ? 'admin-hours__now--open' : ''}`} data-testid="admin-hours-now">
        {current.open ? t('adminContent.hours.openNow') : t('adminContent.hours.closedNow')}
        {current.source === 'flag' && <span className="tag tag--expired">{t('adminContent.hours.flag')}</span>}
        {current.source === 'flow' && <span className="muted"> · {t('adminContent.hours.default')}</span>}
      </p>

      <table className="admin-content__table admin-hours__week" data-testid="admin-hours-week">
        <thead>
          <tr>
            <th>{t('adminContent.hours.weekday')}</th>
            <th>{t('adminContent.hours.periods')}</th>
          </tr>
        </thead>
        <tbody>
          {schedule.weekly.map((d, i) => (
            <tr key={d.weekday} data-testid={`admin-hours-day-${d.weekday}`}>
              <th scope="row">{dayName(d.weekday)}</th>
              <td>
                <PeriodsEditor
                  periods={d.periods}
                  path={`weekly.${i}.periods`}
                  invalid={invalid}
                  testId={`admin-hours-periods-${d.weekday}`}
                  onChange={(p) => setDay(d.weekday, p)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h4>{t('adminContent.hours.exceptions')}</h4>
      <p className="muted">{t('adminContent.hours.exceptionsHint')}</p>
      <table className="admin-content__table" data-testid="admin-hours-exceptions">
        <tbody>
          {schedule.exceptions.map((e, i) => (
            <tr key={i}>
              <td>
                <input
                  type="date"
                  value={e.date}
                  aria-label={t('adminContent.fields.date')}
                  aria-invalid={invalid(`exceptions.${i}.date`) || undefined}
                  onChange={(ev) => setException(i, { ...e, date: ev.target.value })}
                />
              </td>
              <td>
                <PeriodsEditor
                  periods={e.periods}
                  path={`exceptions.${i}.periods`}
                  invalid={invalid}
                  testId={`admin-hours-exception-${i}`}
                  onChange={(p) => setException(i, { ...e, periods: p })}
                />
              </td>
              <td>
                <input
                  value={e.note}
                  maxLength={60}
                  placeholder={t('adminContent.fields.note')}
                  aria-label={t('adminContent.fields.note')}
                  onChange={(ev) => setException(i, { ...e, note: ev.target.value })}
                />
              </td>
              <td>
                <button type="button" className="button button--small" onClick={() => setException(i, undefined)}>
                  {t('adminContent.hours.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="admin-content__bar">
        <input
          type="date"
          value={newDate}
          min={today}
          aria-label={t('adminContent.hours.newException')}
          data-testid="admin-hours-new-date"
          onChange={(e) => setNewDate(e.target.value)}
        />
        <button
          type="button"
          className="button button--small"
          data-testid="admin-hours-add-exception"
          disabled={!newDate}
          onClick={() => (addException(newDate), setNewDate(''))}
        >
          {t('adminContent.hours.addException')}
        </button>
      </div>

      <section className="admin-hours__prompt" aria-label={t('adminContent.hours.prompt')}>
        <h4>{t('adminContent.hours.prompt')}</h4>
        <p data-testid="admin-hours-prompt">“{current.closedPromptText}”</p>
        <p className="muted">{current.closedPromptMade ? t('adminContent.hours.promptMade') : t('adminContent.hours.promptShipped')}</p>
      </section>

      {error && (
        <ul className="admin-content__errors" role="alert" data-testid="admin-hours-error">
          {issueSentences(t, error, locate).map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
      {saved && (
        <p className="admin-content__ok" role="status" data-testid="admin-hours-saved">
          {t('adminContent.hours.saved')}
        </p>
      )}
      <div className="admin-content__actions">
        <button type="button" className="button button--primary" data-testid="admin-hours-save" disabled={saving} onClick={() => void save()}>
          {saving ? t('adminContent.hours.saving') : t('adminContent.hours.save')}
        </button>
      </div>
    </div>
  );
}
