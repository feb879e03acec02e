import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordedCall, RecordingUsage } from '../../../../shared/api/recordings';
import { addDays } from '../../../../shared/time/local-date';
import { localDateOf } from '../../../../shared/time/zoned';
import { formatCenterDateTime } from '../../../../shared/time/format';
import { useSessionStore } from '../../stores/session-store';
import { useConnectionStore } from '../../stores/connection-store';
import { ApiError } from '../../services/api-client';
import { RecordingPlayer } from './RecordingPlayer';
import { useWorkOrdersStore } from '../../stores/work-orders-store';
import { WorkOrderDetailPanel } from '../work-orders/WorkOrderDetailPanel';
import { routes } from '../../../../shared/api/routes';

interface Filters {
  from: string;
  to: string;
  caller: string;
  agent: string;
}

/** 通话记录 for team leads and quality checkers: find calls, play their recordings, see the disk they take. */
export function RecordingsScreen() {
  const { t } = useTranslation();
  const api = useSessionStore((s) => s.api);
  const timeZone = useConnectionStore((s) => s.timeZone);
  const [form, setForm] = useState<Filters>(() => lastWeek(timeZone));
  const [calls, setCalls] = useState<RecordedCall[]>();
  const [selected, setSelected] = useState<string>();
  const [usage, setUsage] = useState<RecordingUsage>();
  const [error, setError] = useState<string>();
  const openOrder = useWorkOrdersStore((s) => s.select);
  const openedOrder = useWorkOrdersStore((s) => s.selected);

  const search = useCallback(
    (f: Filters) =>
      api.call(routes.recordings.searchCalls, { query: { ...f } }).then(
        (found) => (setError(undefined), setCalls(found.calls)),
        (e: unknown) => setError(t(`recordings.errors.${e instanceof ApiError ? e.code : 'unknown'}`, { defaultValue: t('recordings.errors.unknown') })),
      ),
    [api, t],
  );
  useEffect(() => {
    void search(form);
    void api.call(routes.recordings.usage).then(setUsage, () => setUsage(undefined));
    // First load only; later searches are the user's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);

  const field = (name: keyof Filters, type = 'text') => (
    <label className="field field--compact">
      <span>{t(`recordings.filters.${name}`)}</span>
      <input
        type={type}
        value={form[name]}
        inputMode={type === 'date' ? undefined : 'numeric'}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        data-testid={`recordings-${name}`}
      />
    </label>
  );

  return (
    <main className="recordings-screen">
      <section className="panel" aria-labelledby="recordings-heading">
        <h2 id="recordings-heading" className="panel__title">
          {t('recordings.title')}
        </h2>
        <form className="orders-search" onSubmit={(e) => (e.preventDefault(), void search(form))}>
          {field('from', 'date')}
          {field('to', 'date')}
          {field('caller')}
          {field('agent')}
          <div className="orders-search__buttons">
            <button type="submit" className="button" data-testid="recordings-search">
              {t('recordings.search')}
            </button>
          </div>
        </form>
        {usage && (
          <p className="recordings-screen__usage" data-testid="recordings-usage">
            {t('recordings.usage', { count: usage.files, size: megabytes(usage.bytes), free: gigabytes(usage.freeBytes), days: usage.retentionDays })}
          </p>
        )}
        {error && (
          <p className="recording-player__error" role="alert">
            {error}
          </p>
        )}
        {calls && calls.length === 0 && <p className="muted">{t('recordings.none')}</p>}
        {calls && calls.length > 0 && (
          <table className="table" data-testid="recordings-table">
            <thead>
              <tr>
                <th>{t('recordings.columns.arrivedAt')}</th>
                <th>{t('recordings.columns.caller')}</th>
                <th>{t('recordings.columns.agent')}</th>
                <th>{t('recordings.columns.talk')}</th>
                <th>{t('recordings.columns.recording')}</th>
                <th>{t('adminOps.recordings.workOrders')}</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((c) => (
                <tr key={c.id} data-testid="recorded-call" data-call-id={c.id}>
                  <td>{formatCenterDateTime(c.arrivedAt, timeZone)}</td>
                  <td>
                    {c.callerMasked}
                    {c.direction === 'outbound' && <span className="due__tag">{t('recordings.outbound')}</span>}
                  </td>
                  <td>{c.agentWorkNumber ? `${c.agentName ?? ''} ${c.agentWorkNumber}` : '—'}</td>
                  <td>{c.talkSeconds === null ? t('recordings.notAnswered') : t('recordings.seconds', { count: c.talkSeconds })}</td>
                  <td className="table__cell--actions">
                    {c.segments === 0 ? (
                      <span className="muted">{t('recordings.notRecorded')}</span>
                    ) : selected === c.id ? (
                      <RecordingPlayer key={c.id} callId={c.id} autoStart />
                    ) : (
                      <button type="button" className="button button--ghost button--small" onClick={() => setSelected(c.id)} data-testid="open-recording">
                        {t('recordings.play')}
                        {c.segments > 1 && ` (${t('recordings.segmentCount', { count: c.segments })})`}
                      </button>
                    )}
                  </td>
                  <td>
                    {c.workOrderIds.length === 0
                      ? '—'
                      : c.workOrderIds.map((id) => (
                          <button
                            key={id}
                            type="button"
                            className="link"
                            onClick={() => void openOrder(id)}
                            aria-label={t('orderDesk.open', { id })}
                            data-testid="recording-open-order"
                          >
                            #{id}
                          </button>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {/* The order of a call, as the work-order screen shows it: its steps are only those the server allows this role (none for 质检). */}
      {openedOrder && <WorkOrderDetailPanel />}
    </main>
  );
}

/** The last seven days, today included, in the center's time zone. */
function lastWeek(timeZone: string): Filters {
  const today = localDateOf(Date.now(), timeZone);
  return { from: addDays(today, -6), to: today, caller: '', agent: '' };
}

const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(1);
const gigabytes = (bytes: number) => (bytes / 1_073_741_824).toFixed(1);
