import { useTranslation } from 'react-i18next';
import type { MetricsAgentsResponse } from '../../../../shared/api/indicators';
import { THRESHOLDS } from '../../../../shared/metrics/thresholds';
import { averageSeconds, clockDuration, minutesAndSeconds } from './indicator-display';

const ACW_LIMIT_S = THRESHOLDS.acwavg!.limit;

/** Each agent's figures of the period; an average ACW over the §3.2 limit is flagged. */
export function AgentTable({ agents }: { agents: MetricsAgentsResponse | undefined }) {
  const { t } = useTranslation();
  const rows = agents?.agents ?? [];
  return (
    <table className="table agents-table" data-testid="agent-table">
      <thead>
        <tr>
          {(['workNumber', 'displayName', 'answered', 'avgTalk', 'avgAcw', 'notReady', 'missedRings', 'agentHangups'] as const).map((c) => (
            <th key={c} scope="col" className={c === 'workNumber' || c === 'displayName' ? undefined : 'num'}>
              {t(`indicators.agents.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={8} className="agents-table__empty">
              {t('indicators.agents.none')}
            </td>
          </tr>
        )}
        {rows.map((a) => {
          const talk = averageSeconds(a.talkMsSum, a.answered);
          const acw = averageSeconds(a.acwMsSum, a.acwCount);
          return (
            <tr key={a.agentId} data-agent={a.workNumber}>
              <td>{a.workNumber}</td>
              <td>{a.displayName}</td>
              <td className="num">{a.answered}</td>
              <td className="num">{talk === null ? '—' : t('indicators.units.minutesSeconds', minutesAndSeconds(talk))}</td>
              <td className={`num ${acw !== null && a.acwMsSum > ACW_LIMIT_S * 1000 * a.acwCount ? 'num--breach' : ''}`}>
                {acw === null ? '—' : `${acw.toFixed(1)}${t('indicators.units.seconds')}`}
              </td>
              <td className="num">{clockDuration(a.notReadyMs)}</td>
              <td className="num">{a.missedRings}</td>
              <td className="num">{a.agentHangups}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
