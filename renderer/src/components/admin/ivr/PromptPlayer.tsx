import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../../../../shared/api/routes';
import { useSessionStore } from '../../../stores/session-store';
import { ivrError } from './ivr-errors';

/**
 * Plays a prompt in the browser: the button asks for a play ticket (an <audio> element sends no
 * bearer token) and the element streams the URL. `version` changes when the prompt was replaced,
 * so a preview never plays the old file.
 */
export function PromptPlayer({ promptId, version }: { promptId: string; version: string }) {
  const { t } = useTranslation();
  const api = useSessionStore((s) => s.api);
  const [played, setPlayed] = useState<{ url: string; version: string }>();
  const [error, setError] = useState<string>();
  const play = () =>
    api.call(routes.ivr.promptTicket, { params: { id: promptId } }).then(
      (issued) => (setError(undefined), setPlayed({ url: `${api.baseUrl}${issued.url}`, version })),
      (e: unknown) => setError(ivrError(t, e).text),
    );
  const current = played && played.version === version ? played : undefined;
  return (
    <span className="prompt-player">
      {!current && (
        <button type="button" className="button button--small" onClick={() => void play()} data-testid={`preview-${promptId}`}>
          {t('adminIvr.preview')}
        </button>
      )}
      {current && (
        <audio controls autoPlay preload="auto" src={current.url} data-testid="prompt-audio" onError={() => setError(t('adminIvr.errors.playback'))} />
      )}
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
