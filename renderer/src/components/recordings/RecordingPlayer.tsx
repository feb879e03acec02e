import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordingTicketResponse } from '../../../../shared/api/recordings';
import { useSessionStore } from '../../stores/session-store';
import { ApiError } from '../../services/api-client';

/**
 * A call's recording in the browser: the play button asks the server for a play ticket (the
 * session's rights, audited there) and hands its URL to an <audio> element, which streams with
 * Range requests. A call recorded in several segments (transfers, monitoring) offers each one.
 */
export function RecordingPlayer({ callId, autoStart = false }: { callId: string; autoStart?: boolean }) {
  const { t } = useTranslation();
  const api = useSessionStore((s) => s.api);
  const [ticket, setTicket] = useState<RecordingTicketResponse>();
  const [segment, setSegment] = useState(1);
  const [error, setError] = useState<string>();
  useEffect(() => {
    setTicket(undefined);
    setError(undefined);
    setSegment(1);
  }, [callId]);

  const play = async () => {
    setTicket(undefined);
    setError(undefined);
    try {
      setTicket(await api.post<RecordingTicketResponse>(`/api/v1/calls/${encodeURIComponent(callId)}/recording/ticket`));
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'unknown';
      setError(t(`recordings.errors.${code}`, { defaultValue: t('recordings.errors.unknown') }));
    }
  };

  useEffect(() => {
    if (autoStart) void play();
    // Once per call: the ticket request is a play, audited.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoStart, callId]);

  return (
    <div className="recording-player" data-testid="recording-player">
      {!ticket && (
        <button type="button" className="button button--small" onClick={() => void play()} data-testid="play-recording">
          {t('recordings.play')}
        </button>
      )}
      {ticket && ticket.segments > 1 && (
        <span className="recording-player__segments" role="group" aria-label={t('recordings.segments')}>
          {Array.from({ length: ticket.segments }, (_, i) => i + 1).map((n) => (
            <button key={n} type="button" className={`button button--ghost button--small ${n === segment ? 'button--on' : ''}`} aria-pressed={n === segment} onClick={() => setSegment(n)}>
              {t('recordings.segment', { n })}
            </button>
          ))}
        </span>
      )}
      {ticket && (
        <audio
          key={segment}
          controls
          autoPlay
          preload="auto"
          data-testid="recording-audio"
          src={`${api.baseUrl}${ticket.url}&segment=${segment}`}
          onError={() => setError(t('recordings.errors.playback'))}
        />
      )}
      {error && <span className="recording-player__error" role="alert">{error}</span>}
    </div>
  );
}
