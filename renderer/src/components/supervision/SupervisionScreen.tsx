import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardAgent } from '../../../../shared/api/supervision';
import { useSupervisionStore } from '../../stores/supervision-store';
import { useSessionStore } from '../../stores/session-store';
import { usesPhone } from '../../services/role-homes';
import { errorText } from '../../services/api-error-text';
import { AgentBoard } from './AgentBoard';
import { QueuePanel, QueueSummary } from './QueuePanel';
import { LostCallersPanel } from './LostCallersPanel';
import { MonitorControls } from './MonitorControls';
import './supervision.css';

/** The team lead's home: the queue at the top, every agent live, the waiting callers and the lost ones beside. */
/** Listen / whisper / barge on an agent talking with an inbound caller (the lead's own softphone joins). */
function monitorActions(agent: BoardAgent): ReactNode {
  const call = agent.call;
  if (agent.state !== 'talking' || !call || call.direction !== 'inbound' || !call.talkingSince) return null;
  return <MonitorControls callId={call.callId} agentWorkNumber={agent.workNumber} />;
}

export function SupervisionScreen({ agentActions }: { agentActions?: (agent: BoardAgent) => ReactNode }) {
  const { t } = useTranslation();
  // Monitoring rings the watcher's own softphone: only for those who have one (a team lead).
  const canMonitor = usesPhone(useSessionStore((s) => s.user?.role));
  agentActions ??= canMonitor ? monitorActions : undefined;
  const live = useSupervisionStore((s) => s.live);
  const error = useSupervisionStore((s) => s.error);
  const notice = useSupervisionStore((s) => s.notice);
  const thresholds = useSupervisionStore((s) => s.thresholds);
  const setThresholds = useSupervisionStore((s) => s.setThresholds);
  const minutes = (sec: number) => Math.round(sec / 60);
  return (
    <main className="supervision" data-live={live}>
      <div className="supervision__top">
        <QueueSummary />
        <div className="supervision__settings" role="group" aria-label={t('supervision.settings.title')}>
          <label>
            {t('supervision.settings.longCall')}
            <input
              type="number"
              min={1}
              max={240}
              value={minutes(thresholds.longCallSec)}
              onChange={(e) => Number(e.target.value) > 0 && setThresholds({ longCallSec: Number(e.target.value) * 60 })}
            />
            {t('supervision.min')}
          </label>
          <label>
            {t('supervision.settings.longNotReady')}
            <input
              type="number"
              min={1}
              max={480}
              value={minutes(thresholds.longNotReadySec)}
              onChange={(e) => Number(e.target.value) > 0 && setThresholds({ longNotReadySec: Number(e.target.value) * 60 })}
            />
            {t('supervision.min')}
          </label>
          <span className="muted">{t('supervision.settings.acw', { limit: thresholds.acwLimitSec })}</span>
          {!live && <span className="tag tag--warn">{t('supervision.connecting')}</span>}
        </div>
      </div>
      {error && (
        <p className="record__error" role="alert">
          {t(`supervision.errors.${error.code}`, {
            defaultValue: errorText(t, error),
          })}
        </p>
      )}
      {notice && (
        <p className="supervision__notice" role="status">
          {t(`supervision.notices.${notice.kind}`, {
            workNumber: notice.workNumber,
          })}
        </p>
      )}
      <div className="supervision__body">
        <AgentBoard agentActions={agentActions} />
        <div className="supervision__side">
          <QueuePanel />
          <LostCallersPanel />
        </div>
      </div>
    </main>
  );
}
