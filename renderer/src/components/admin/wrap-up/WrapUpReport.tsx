import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWrapUpAdminStore } from '../../../stores/wrap-up-admin-store';
import { useConnectionStore } from '../../../stores/connection-store';
import { localDateOf } from '../../../../../shared/time/zoned';
import { useFormErrors } from '../people-form';

/** 小结统计: calls coded per code and per agent over a range of days. */
export function WrapUpReport() {
  const { t } = useTranslation();
  const report = useWrapUpAdminStore((s) => s.report);
  const error = useWrapUpAdminStore((s) => s.error);
  const timeZone = useConnectionStore((s) => s.timeZone);
  // The report counts the center's days: today is the center's today, not the PC's.
  const [range, setRange] = useState(() => ({ from: localDateOf(Date.now(), timeZone), to: localDateOf(Date.now(), timeZone) }));
  const { invalid, fieldError, formError } = useFormErrors(error, { action: 'report' }, ['from', 'to'], 'wrap-up-report');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void useWrapUpAdminStore.getState().loadReport(range.from, range.to);
  };
  return (
    <section className="people-report" aria-label={t('adminPeople.wrapUp.report')}>
      <h3>{t('adminPeople.wrapUp.report')}</h3>
      <form className="people-form people-form--filter" onSubmit={onSubmit} noValidate>
        {(['from', 'to'] as const).map((name) => (
          <label key={name} className="field field--compact">
            <span>{t(`adminPeople.audit.${name}`)}</span>
            <input type="date" name={name} value={range[name]} onChange={(e) => setRange({ ...range, [name]: e.target.value })} {...invalid(name)} />
            {fieldError(name)}
          </label>
        ))}
        <div className="people-form__buttons">
          <button type="submit" className="button">
            {t('adminPeople.wrapUp.runReport')}
          </button>
        </div>
        {formError}
      </form>
      {report && (
        <div className="people-report__tables">
          <table className="table people-table" data-testid="wrap-up-report-by-code">
            <thead>
              <tr>
                <th>{t('adminPeople.fields.label')}</th>
                <th>{t('adminPeople.wrapUp.calls')}</th>
              </tr>
            </thead>
            <tbody>
              {report.byCode.map((r) => (
                <tr key={r.codeId}>
                  <td>
                    {r.label}（{r.code}）
                  </td>
                  <td className="num">{r.calls}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="table people-table">
            <thead>
              <tr>
                <th>{t('adminPeople.wrapUp.agent')}</th>
                <th>{t('adminPeople.fields.label')}</th>
                <th>{t('adminPeople.wrapUp.calls')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r) => (
                <tr key={`${r.agentId}-${r.codeId}`}>
                  <td>
                    {r.workNumber} {r.displayName}
                  </td>
                  <td>{r.label}</td>
                  <td className="num">{r.calls}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.byCode.length === 0 && <p className="muted">{t('adminPeople.wrapUp.noCalls')}</p>}
        </div>
      )}
    </section>
  );
}
