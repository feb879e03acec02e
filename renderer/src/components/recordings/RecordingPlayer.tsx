import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordingTicketResponse } from '../../../../shared/api/recordings';
import { useSessionStore } from '../../stores/session-store';
import { ApiError } from '../../services/api-client';
import { routes } from '../../../../shared/api/routes';

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

  // Asking for the ticket is the play the server audits. The parent keys this by call id, so a
  // new call starts from a fresh player.
  const fetchTicket = useCallback(
    () =>
      api.call(routes.recordings.ticket, { params: { callId } }).then(
        (issued) => (setError(undefined), setTicket(issued)),
        (e: unknown) => setError(t(`recordings.errors.${e instanceof ApiError ? e.code : 'unknown'}`, { defaultValue: t('recordings.errors.unknown') })),
      ),
    [api, callId, t],
  );
  useEffect(() => {
    if (autoStart) void fetchTicket();
  }, [autoStart, fetchTicket]);

  return (
    <div className="recording-player" data-testid="recording-player">
      {!ticket && (
        <button type="button" className="button button--small" onClick={() => void fetchTicket()} data-testid="play-recording">
          {t('recordings.play')}
        </button>
      )}
      {ticket && ticket.segments > 1 && (
        <span className="recording-player__segments" role="group" aria-label={t('recordings.segments')}>
          {Array.from({ length: ticket.segments }, (_, i) => i + 1).map((n) => (
            <button
              key={n}
              type="button"
              className={`button button--ghost button--small ${n === segment ? 'button--on' : ''}`}
              aria-pressed={n === segment}
              onClick={() => setSegment(n)}
            >
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
          src={api.urlFor(routes.recordings.play, { params: { callId }, query: { ticket: ticket.ticket, segment } })}
          onError={() => setError(t('recordings.errors.playback'))}
        />
      )}
      {error && (
        <span className="recording-player__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
