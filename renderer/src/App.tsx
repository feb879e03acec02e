import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionBadge } from './components/ConnectionBadge';
import { SignInScreen } from './components/SignInScreen';
import { DeskScreen } from './components/desk/DeskScreen';
import { WallboardScreen } from './components/wallboard/WallboardScreen';
import { PhoneStatus } from './components/desk/PhoneStatus';
import { useConnectionStore } from './stores/connection-store';
import { useSessionStore } from './stores/session-store';
import { useSoftphoneSession } from './hooks/use-softphone-session';

export function App() {
  const { t, i18n } = useTranslation();
  const connect = useConnectionStore((s) => s.connect);
  const restore = useSessionStore((s) => s.restore);
  const signedIn = useSessionStore((s) => s.status === 'signed-in');
  const user = useSessionStore((s) => s.user);
  const signOut = useSessionStore((s) => s.signOut);
  const [view, setView] = useState<'desk' | 'wallboard'>('desk');
  const canSupervise = user?.role === 'team_lead' || user?.role === 'center_admin';
  useSoftphoneSession();

  useEffect(() => {
    void connect().then(() => restore());
  }, [connect, restore]);

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
          {signedIn && canSupervise && (
            <nav className="topbar__nav" aria-label={t('nav.desk')}>
              {(['desk', 'wallboard'] as const).map((v) => (
                <button key={v} type="button" className={`topbar__tab ${view === v ? 'topbar__tab--on' : ''}`} aria-current={view === v ? 'page' : undefined} onClick={() => setView(v)}>
                  {t(`nav.${v}`)}
                </button>
              ))}
            </nav>
          )}
        </div>
        <div className="topbar__right">
          {signedIn && user && (
            <span className="topbar__user" data-testid="signed-in-user">
              {t('desk.agentLabel', { name: user.displayName, workNumber: user.workNumber })}
            </span>
          )}
          {signedIn && <PhoneStatus />}
          <ConnectionBadge />
          <button type="button" className="button button--ghost" onClick={() => void i18n.changeLanguage(otherLanguage)}>
            {t('language.switch')}
          </button>
          {signedIn && (
            <button type="button" className="button button--ghost" onClick={() => void signOut()}>
              {t('desk.signOut')}
            </button>
          )}
        </div>
      </header>
      {!signedIn ? <SignInScreen /> : view === 'wallboard' && canSupervise ? <WallboardScreen /> : <DeskScreen />}
    </div>
  );
}
