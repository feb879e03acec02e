import { useTranslation } from 'react-i18next';
import { checkMessage, useWorkstationSettingsStore } from '../../stores/workstation-settings-store';

/** 设置 (desktop app only): point this workstation at a center's server, or back at the built-in one. */
export function SettingsScreen() {
  return <SettingsView s={useWorkstationSettingsStore()} />;
}

/** The screen for a given state of the settings store (rendered as is by its tests). */
export function SettingsView({ s }: { s: ReturnType<typeof useWorkstationSettingsStore.getState> }) {
  const { t } = useTranslation();
  const busy = s.phase === 'loading' || s.phase === 'checking' || s.phase === 'saving';
  const message = s.check && checkMessage(s.check);
  return (
    <main className="settings-screen" data-testid="settings-screen">
      <section className="panel" aria-labelledby="settings-heading">
        <h2 id="settings-heading" className="panel__title">
          {t('adminOps.settings.title')}
        </h2>
        {s.view && <p className="muted">{t('adminOps.settings.current', { url: s.view.activeUrl })}</p>}
        {s.view?.overriddenByEnvironment && <p className="admin-ops__note">{t('adminOps.settings.overridden')}</p>}
        <form onSubmit={(e) => (e.preventDefault(), void s.save())}>
          <fieldset className="admin-ops__form" disabled={busy || s.view?.overriddenByEnvironment}>
            <legend>{t('adminOps.settings.server')}</legend>
            <label className="settings-screen__choice admin-ops__wide">
              <input type="radio" name="server-mode" checked={s.mode === 'embedded'} onChange={() => s.setMode('embedded')} data-testid="settings-embedded" />
              {t('adminOps.settings.embedded')}
            </label>
            <label className="settings-screen__choice admin-ops__wide">
              <input type="radio" name="server-mode" checked={s.mode === 'remote'} onChange={() => s.setMode('remote')} data-testid="settings-remote" />
              {t('adminOps.settings.remote')}
            </label>
            {s.mode === 'remote' && (
              <label className="field admin-ops__wide">
                <span>{t('adminOps.settings.serverUrl')}</span>
                <input
                  type="url"
                  value={s.serverUrl}
                  placeholder={t('adminOps.settings.serverUrlHint')}
                  onChange={(e) => s.setServerUrl(e.target.value)}
                  aria-invalid={(s.check && !s.check.ok) || undefined}
                  aria-describedby="settings-check"
                  data-testid="settings-url"
                />
              </label>
            )}
            {message && (
              <p id="settings-check" className={`admin-ops__wide ${s.check?.ok ? 'admin-ops__ok' : 'field__error'}`} role="status" data-testid="settings-check">
                {t(message.key, {
                  ...message.values,
                  // A known network failure in words; anything else as the system named it.
                  ...('cause' in message.values
                    ? { detail: t(`adminOps.settings.causes.${message.values.cause}`, { defaultValue: String(message.values.cause) }) }
                    : {}),
                })}
              </p>
            )}
            <div className="admin-ops__row admin-ops__wide">
              {s.mode === 'remote' && (
                <button type="button" className="button" onClick={() => void s.runCheck()} data-testid="settings-check-button">
                  {s.phase === 'checking' ? t('adminOps.settings.checking') : t('adminOps.settings.check')}
                </button>
              )}
              <button type="submit" className="button button--primary" data-testid="settings-save">
                {t('adminOps.settings.save')}
              </button>
              <button type="button" className="button button--ghost" onClick={s.hide}>
                {t('adminOps.settings.back')}
              </button>
            </div>
          </fieldset>
        </form>
        {s.phase === 'saved' && (
          <p className="admin-ops__ok" role="status" data-testid="settings-saved">
            {t('adminOps.settings.saved')}{' '}
            <button type="button" className="button button--small" onClick={() => void s.relaunch()}>
              {t('adminOps.settings.restart')}
            </button>
          </p>
        )}
      </section>
    </main>
  );
}
