import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionBadge } from './components/ConnectionBadge';
import { SignInScreen } from './components/SignInScreen';
import { useConnectionStore } from './stores/connection-store';

export function App() {
  const { t, i18n } = useTranslation();
  const connect = useConnectionStore((s) => s.connect);
  useEffect(() => {
    void connect();
  }, [connect]);

  const otherLanguage = i18n.language === 'en' ? 'zh-CN' : 'en';
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = t('app.shortTitle');
  }, [i18n.language, t]);

  return (
    <div className="app">
      <header className="topbar">
        <div className="topbar__brand">
          <span className="topbar__logo" aria-hidden="true">12329</span>
          <span>{t('app.title')}</span>
        </div>
        <div className="topbar__right">
          <ConnectionBadge />
          <button type="button" className="button button--ghost" onClick={() => void i18n.changeLanguage(otherLanguage)}>
            {t('language.switch')}
          </button>
        </div>
      </header>
      <SignInScreen />
    </div>
  );
}
