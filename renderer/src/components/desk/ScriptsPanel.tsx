import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../stores/session-store';
import { useRecordStore } from '../../stores/record-store';
import { closingVariant } from '../../services/closing-script';

/** §2.4-3 and §2.4-8: the greeting and the closing words, always in sight. */
export function ScriptsPanel() {
  const { t } = useTranslation();
  const workNumber = useSessionStore((s) => s.user?.workNumber ?? '');
  const variant = useRecordStore((s) => closingVariant(s.saved ?? (s.draft.topic.trim() ? s.draft : undefined)));
  return (
    <section className="panel scripts" aria-labelledby="scripts-heading">
      <h2 id="scripts-heading" className="panel__title">
        {t('scripts.title')}
      </h2>
      <details open>
        <summary>{t('scripts.greeting')}</summary>
        <p data-testid="greeting-script">{t('scripts.greetingText', { workNumber })}</p>
      </details>
      <details>
        <summary>{t('scripts.closing')}</summary>
        <p data-testid="closing-script" data-variant={variant}>
          {t(`agentDesk.closing.${variant}`)}
        </p>
      </details>
    </section>
  );
}
