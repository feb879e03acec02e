import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles/app.css';
import { App } from './App';
import { useSoftphoneStore } from './stores/softphone-store';
import { startDesktopIntegration } from './services/desktop-integration';
import { startCallLifecycle } from './services/call-lifecycle';
import { startSessionLifecycle } from './services/sign-out';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
startDesktopIntegration();
// End-to-end tests read call quality (RTP counters, heard level) through this one hook.
(window as unknown as { agentDeskTest: unknown }).agentDeskTest = { callStats: () => useSoftphoneStore.getState().callStats() };
startCallLifecycle();
startSessionLifecycle();
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
