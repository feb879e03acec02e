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
import { WorkOrdersScreen } from './components/work-orders/WorkOrdersScreen';
import { RecordingsScreen } from './components/recordings/RecordingsScreen';
import { DueNotices } from './components/work-orders/DueNotices';
import { usesPhone, viewsFor, type DeskView } from './services/role-homes';

export function App() {
  const { t, i18n } = useTranslation();
  const connect = useConnectionStore((s) => s.connect);
  const restore = useSessionStore((s) => s.restore);
  const signedIn = useSessionStore((s) => s.status === 'signed-in');
  const user = useSessionStore((s) => s.user);
  const signOut = useSessionStore((s) => s.signOut);
  const [chosen, setView] = useState<DeskView>('desk');
  // Each role lands on its home (department roles: their work-order inbox) and sees only its screens.
  const views = viewsFor(user?.role);
  const view = views.includes(chosen) ? chosen : views[0]!;
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
          {signedIn && views.length > 1 && (
            <nav className="topbar__nav" aria-label={t('nav.desk')}>
              {views.map((v) => (
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
          {signedIn && usesPhone(user?.role) && <PhoneStatus />}
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
      {signedIn && <DueNotices onOpen={() => setView('workOrders')} />}
      {!signedIn ? <SignInScreen /> : view === 'wallboard' ? <WallboardScreen /> : view === 'recordings' ? <RecordingsScreen /> : view === 'workOrders' ? <WorkOrdersScreen /> : <DeskScreen />}
    </div>
  );
}
