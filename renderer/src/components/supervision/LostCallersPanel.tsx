import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCenterDateTime } from '../../../../shared/time/format';
import { useLostCallersStore } from '../../stores/lost-callers-store';
import { useConnectionStore } from '../../stores/connection-store';
import { useSoftphoneStore } from '../../stores/softphone-store';
import { errorText } from '../../services/api-error-text';
import { formatDuration } from '../../hooks/use-elapsed';
import './supervision.css';

/**
 * Callers who hung up in the queue or while ringing. The lead sees every one of a date; the desk
 * (compact) today's open ones. 回拨 marks the row done (who, when) and dials through the softphone.
 */
export function LostCallersPanel({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const timeZone = useConnectionStore((s) => s.timeZone);
  const { callers, shownDate, error, load, callBack } = useLostCallersStore();
  const canDial = useSoftphoneStore((s) => s.registration === 'registered' && (s.callState === 'idle' || s.callState === 'ended'));
  useEffect(() => {
    void load({ date: undefined, openOnly: compact });
  }, [load, compact]);
  const open = callers.filter((c) => !c.calledBack).length;
  const time = (iso: string) => formatCenterDateTime(iso, timeZone).slice(compact ? 11 : 0);

  return (
    <section className={`panel lost-callers ${compact ? 'lost-callers--compact' : ''}`} aria-labelledby="lost-callers-heading">
      <div className="lost-callers__head">
        <h2 id="lost-callers-heading" className="panel__title">
          {t('supervision.lost.title', { open })}
        </h2>
        {!compact && (
          <label>
            {t('supervision.lost.date')} <input type="date" value={shownDate ?? ''} onChange={(e) => void load({ date: e.target.value || undefined })} />
          </label>
        )}
      </div>
      {error && (
        <p className="record__error" role="alert">
          {t(`supervision.errors.${error.code}`, {
            defaultValue: errorText(t, error),
          })}
        </p>
      )}
      {callers.length === 0 ? (
        <p className="muted">{t(compact ? 'supervision.lost.noneOpen' : 'supervision.lost.none')}</p>
      ) : (
        <table className="table" data-testid="lost-callers">
          <thead>
            <tr>
              <th>{t('supervision.lost.number')}</th>
              <th>{t('supervision.lost.time')}</th>
              {!compact && <th>{t('supervision.lost.stage')}</th>}
              <th className="num">{t('supervision.lost.wait')}</th>
              <th>{t('supervision.lost.status')}</th>
            </tr>
          </thead>
          <tbody>
            {callers.map((c) => (
              <tr key={c.callId} data-call-id={c.callId}>
                <td>{c.number}</td>
                <td>{time(c.abandonedAt)}</td>
                {!compact && <td>{t(`supervision.lost.stages.${c.stage}`)}</td>}
                <td className="num">{formatDuration(c.waitSec)}</td>
                <td>
                  {c.calledBack ? (
                    <span className="muted" data-testid="called-back">
                      {t('supervision.lost.calledBack', {
                        name: c.calledBack.displayName,
                        workNumber: c.calledBack.workNumber,
                        time: formatCenterDateTime(c.calledBack.at, timeZone).slice(11),
                      })}
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="button button--small button--primary"
                      disabled={!canDial}
                      title={canDial ? undefined : t('supervision.lost.phoneBusy')}
                      onClick={() => void callBack(c.callId)}
                    >
                      {t('supervision.lost.callBack')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
