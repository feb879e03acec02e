import { useTranslation } from 'react-i18next';
import type { MonitorMode } from '../../../../shared/api/calls';
import { ApiError } from '../../services/api-client';
import { useMonitorStore, type MonitorStage } from '../../stores/monitor-store';

const MODES: readonly MonitorMode[] = ['listen', 'whisper', 'barge'];

export interface MonitorControlsProps {
  /** The agent's call in progress (X-12329-Call-Id). */
  callId: string;
  /** Who is on it, for the group's accessible name. */
  agentWorkNumber?: string | undefined;
}

/**
 * 监听 / 密语 / 强插 / 结束 on one agent's call, from the team lead's own softphone (it rings and
 * answers itself). For the lead's agent board: one per agent row that has a call.
 */
export function MonitorControls({ callId, agentWorkNumber }: MonitorControlsProps) {
  const monitoredCall = useMonitorStore((s) => s.callId);
  const stage = useMonitorStore((s) => s.stage);
  const mode = useMonitorStore((s) => s.mode);
  const error = useMonitorStore((s) => (s.callId === callId || s.stage === 'idle' ? s.error : undefined));
  const { start, switchTo, stop } = useMonitorStore.getState();
  return (
    <MonitorControlsView
      callId={callId}
      agentWorkNumber={agentWorkNumber}
      monitoring={{ callId: monitoredCall, stage, mode }}
      error={error}
      onMode={(m) => void (monitoredCall === callId && stage !== 'idle' ? switchTo(m) : start(callId, m))}
      onStop={() => void stop()}
    />
  );
}

/** What the controls show for one call, given the lead's monitoring. */
export function monitorView(callId: string, state: { callId: string | undefined; stage: MonitorStage; mode: MonitorMode | undefined }) {
  const here = state.callId === callId && state.stage !== 'idle';
  return {
    /** Monitoring this call (or starting to): mode buttons switch, 结束 stops. */
    here,
    mode: here ? state.mode : undefined,
    stage: here ? state.stage : ('idle' as const),
    /** Monitoring another call: one at a time. */
    elsewhere: state.stage !== 'idle' && !here,
  };
}

export interface MonitorControlsViewProps extends MonitorControlsProps {
  monitoring: { callId: string | undefined; stage: MonitorStage; mode: MonitorMode | undefined };
  error: ApiError | Error | undefined;
  onMode(mode: MonitorMode): void;
  onStop(): void;
}

/** The controls drawn from plain props (rendered as is by the tests). */
export function MonitorControlsView({ callId, agentWorkNumber, monitoring, error, onMode, onStop }: MonitorControlsViewProps) {
  const { t } = useTranslation();
  const view = monitorView(callId, monitoring);
  const busy = view.stage === 'requesting';
  const errorText =
    error instanceof ApiError ? t(`monitor.errors.${error.code}`, { defaultValue: t('monitor.errors.unknown', { status: error.status }) }) : error?.message;
  return (
    <div
      className="monitor-controls"
      role="group"
      aria-label={t('monitor.group', { workNumber: agentWorkNumber ?? '' })}
      data-testid="monitor-controls"
      data-stage={view.stage}
      data-mode={view.mode ?? ''}
    >
      {MODES.map((m) => (
        <button
          key={m}
          type="button"
          className="button button--small"
          aria-pressed={view.mode === m}
          disabled={view.elsewhere || busy}
          title={t(`monitor.hint.${m}`)}
          onClick={() => onMode(m)}
        >
          {t(`monitor.${m}`)}
        </button>
      ))}
      {view.here && (
        <button type="button" className="button button--small" disabled={busy} onClick={onStop}>
          {t('monitor.stop')}
        </button>
      )}
      {view.stage === 'ringing' && (
        <span className="monitor-controls__note" role="status">
          {t('monitor.ringing')}
        </span>
      )}
      {errorText && (
        <span className="monitor-controls__error" role="alert">
          {errorText}
        </span>
      )}
    </div>
  );
}
