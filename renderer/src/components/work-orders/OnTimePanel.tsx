import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OnTimeResponse } from '../../../../shared/api/work-orders';
import { localDateOf } from '../../../../shared/time/zoned';
import { routes } from '../../../../shared/api/routes';
import { useSessionStore } from '../../stores/session-store';
import { useConnectionStore } from '../../stores/connection-store';

/** §2.5-5 for leaders: this month's on-time rate of resolved orders, by category and by department. */
export function OnTimePanel() {
  const { t } = useTranslation();
  const api = useSessionStore((s) => s.api);
  const timeZone = useConnectionStore((s) => s.timeZone);
  const [data, setData] = useState<OnTimeResponse[]>([]);
  useEffect(() => {
    const today = localDateOf(Date.now(), timeZone);
    const from = `${today.slice(0, 8)}01`;
    void Promise.all((['category', 'department'] as const).map((by) => api.call(routes.workOrders.onTime, { query: { from, to: today, by } })))
      .then(setData)
      .catch(() => setData([]));
  }, [api, timeZone]);
  if (data.length === 0) return null;
  const label = (by: string, key: string | null) => (key === null ? '—' : by === 'category' ? t(`record.categories.${key}`) : key);
  return (
    <section className="panel" aria-labelledby="on-time-heading" data-testid="on-time">
      <h2 id="on-time-heading" className="panel__title">
        {t('orderDesk.onTime.title', { from: data[0]!.from, to: data[0]!.to })}
      </h2>
      <table className="table">
        <thead>
          <tr>
            <th />
            <th>{t('orderDesk.onTime.resolved')}</th>
            <th>{t('orderDesk.onTime.onTime')}</th>
            <th>{t('orderDesk.onTime.rate')}</th>
          </tr>
        </thead>
        {data.map((d) => (
          <tbody key={d.by}>
            <tr>
              <th colSpan={4} className="on-time__group">
                {t(`orderDesk.onTime.by.${d.by}`)}
              </th>
            </tr>
            {d.rows.map((r) => (
              <tr key={r.key ?? '—'}>
                <td>{label(d.by, r.key)}</td>
                <Cells r={r} />
              </tr>
            ))}
          </tbody>
        ))}
        <tfoot>
          <tr>
            <td>{t('orderDesk.onTime.all')}</td>
            <Cells r={data[0]!.total} />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

function Cells({ r }: { r: OnTimeResponse['total'] }) {
  return (
    <>
      <td>{r.resolved}</td>
      <td>{r.onTime}</td>
      <td className={r.rate !== null && r.rate < 100 ? 'due due--overdue' : undefined}>{r.rate === null ? '—' : `${r.rate.toFixed(2)}%`}</td>
    </>
  );
}
