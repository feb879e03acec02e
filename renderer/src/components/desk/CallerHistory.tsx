import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallerHistoryResponse } from '../../../../shared/api/caller-history';
import { useSoftphoneStore } from '../../stores/softphone-store';
import { useSessionStore } from '../../stores/session-store';
import { ApiError } from '../../services/api-client';
import { routes } from '../../../../shared/api/routes';

type Loaded = { callId: string; history: CallerHistoryResponse } | { callId: string; error: ApiError };

/** The caller's earlier orders and calls, from the moment their call rings at this desk (issue 11). */
export function CallerHistory() {
  const { t } = useTranslation();
  const call = useSoftphoneStore((s) => s.call);
  const api = useSessionStore((s) => s.api);
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const callId = call?.direction === 'inbound' ? call.callId : undefined;
  const number = call?.remoteNumber;

  useEffect(() => {
    if (!callId || !number || !api) return;
    let current = true;
    api
      .call(routes.callers.history, { params: { number }, query: { callId } })
      .then((history) => current && setLoaded({ callId, history }))
      .catch((error: unknown) => current && setLoaded({ callId, error: error instanceof ApiError ? error : new ApiError(0, 'network_error', String(error)) }));
    return () => {
      current = false;
    };
  }, [api, callId, number]);

  if (!callId || loaded?.callId !== callId) return null;
  if ('error' in loaded) {
    return (
      <section className="panel caller-history" aria-labelledby="caller-history-heading">
        <h2 id="caller-history-heading" className="panel__title">
          {t('callerHistory.title')}
        </h2>
        <p className="record__error" role="alert">
          {t(`callerHistory.errors.${loaded.error.code}`, { defaultValue: t('callerHistory.errors.unknown', { status: loaded.error.status }) })}
        </p>
      </section>
    );
  }
  const { history } = loaded;
  const day = (iso: string) =>
    new Date(iso).toLocaleString(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  return (
    <section className="panel caller-history" aria-labelledby="caller-history-heading" data-testid="caller-history">
      <h2 id="caller-history-heading" className="panel__title">
        {t('callerHistory.title')}{' '}
        <span className="caller-history__counts">{t('callerHistory.counts', { orders: history.totalWorkOrders, calls: history.totalCalls })}</span>
      </h2>
      {history.workOrders.length === 0 && history.calls.length === 0 && <p className="muted">{t('callerHistory.firstCall')}</p>}
      {history.workOrders.length > 0 && (
        <ul className="caller-history__list" aria-label={t('callerHistory.orders')}>
          {history.workOrders.map((o) => (
            <li key={o.id} data-testid="caller-history-order">
              <strong>#{o.id}</strong> {t(`record.categories.${o.category}`, { defaultValue: o.category })} · {o.title} · {t(`workOrders.states.${o.state}`)}
              {o.overdue && <span className="due--overdue"> {t('workOrders.overdue')}</span>}
              <span className="muted">
                {' '}
                · {day(o.createdAt)}
                {o.department ? ` · ${o.department}` : ''}
              </span>
              {o.resolution && <div className="caller-history__resolution">{t('callerHistory.resolution', { text: o.resolution })}</div>}
            </li>
          ))}
        </ul>
      )}
      {history.calls.length > 0 && (
        <ul className="caller-history__list" aria-label={t('callerHistory.calls')}>
          {history.calls.map((c) => (
            <li key={c.id} data-testid="caller-history-call">
              {day(c.arrivedAt)} · {t(`callerHistory.direction.${c.direction}`)} ·{' '}
              {c.answered ? t('callerHistory.talked', { agent: c.agentWorkNumber ?? '—', seconds: c.talkSeconds ?? 0 }) : t('callerHistory.unanswered')}
              {c.surveyResult !== null && <span className="muted"> · {t(`workOrders.survey.${c.surveyResult}`)}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
