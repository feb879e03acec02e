import { lazy, Suspense, useEffect, useState } from 'react';
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
import { usesPhone, viewFor, viewsFor, type DeskView } from './services/role-homes';
import { signOut } from './services/sign-out';
import { deskBridge } from './services/desk-bridge';
import { useWorkstationSettingsStore } from './stores/workstation-settings-store';
import { SettingsScreen } from './components/settings/SettingsScreen';

// Its chart library is loaded only when a team lead opens the screen, not with every agent's desk.
const IndicatorsScreen = lazy(() => import('./components/indicators/IndicatorsScreen').then((m) => ({ default: m.IndicatorsScreen })));
import { SupervisionScreen } from './components/supervision/SupervisionScreen';
// The province's and ministry's screen, with its chart library, only for their users.
const NetworkScreen = lazy(() => import('./components/network/NetworkScreen').then((m) => ({ default: m.NetworkScreen })));
const AdminScreen = lazy(() => import('./components/admin/AdminScreen').then((m) => ({ default: m.AdminScreen })));

export function App() {
  const { t, i18n } = useTranslation();
  const connect = useConnectionStore((s) => s.connect);
  const restore = useSessionStore((s) => s.restore);
  const signedIn = useSessionStore((s) => s.status === 'signed-in');
  const user = useSessionStore((s) => s.user);
  // The screen a user picked is theirs: the next user to sign in lands on their own home.
  const [chosen, setChosen] = useState<{ userId: number | undefined; view: DeskView }>();
  const setView = (v: DeskView) => setChosen({ userId: user?.id, view: v });
  // Each role lands on its home (services/role-homes.ts) and sees only its screens.
  const mode = useConnectionStore((s) => s.networkMode);
  const views = viewsFor(user?.role, mode);
  const view = viewFor(user?.role, chosen?.userId === user?.id ? chosen?.view : undefined, mode);
  useSoftphoneSession();
  // 设置 exists only in the desktop app (the bridge is there); a browser never offers it.
  const settingsOpen = useWorkstationSettingsStore((s) => s.open);
  const showSettings = useWorkstationSettingsStore((s) => s.show);

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
          <span className="topbar__logo" aria-hidden="true">
            12329
          </span>
          <span>{t('app.title')}</span>
          {signedIn && views.length > 1 && (
            <nav className="topbar__nav" aria-label={t('nav.desk')}>
              {views.map((v) => (
                <button
                  key={v}
                  type="button"
                  className={`topbar__tab ${view === v ? 'topbar__tab--on' : ''}`}
                  aria-current={view === v ? 'page' : undefined}
                  onClick={() => setView(v)}
                >
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
          {signedIn && usesPhone(user?.role, mode) && <PhoneStatus />}
          <ConnectionBadge />
          {deskBridge() && (
            <button type="button" className="button button--ghost" onClick={() => void showSettings()} data-testid="open-settings">
              {t('adminOps.settings.open')}
            </button>
          )}
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
      {settingsOpen ? (
        <SettingsScreen />
      ) : !signedIn ? (
        <SignInScreen />
      ) : view === 'admin' ? (
        <Suspense fallback={null}>
          <AdminScreen />
        </Suspense>
      ) : view === 'network' ? (
        <Suspense fallback={null}>
          <NetworkScreen />
        </Suspense>
      ) : view === 'supervision' ? (
        <SupervisionScreen />
      ) : view === 'wallboard' ? (
        <WallboardScreen />
      ) : view === 'recordings' ? (
        <RecordingsScreen />
      ) : view === 'indicators' ? (
        <Suspense fallback={null}>
          <IndicatorsScreen />
        </Suspense>
      ) : view === 'workOrders' ? (
        <WorkOrdersScreen />
      ) : (
        <DeskScreen />
      )}
    </div>
  );
}
