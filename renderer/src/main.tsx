import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles/app.css';
import { App } from './App';
import { startDesktopIntegration } from './services/desktop-integration';
import { startCallLifecycle } from './services/call-lifecycle';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
startDesktopIntegration();
startCallLifecycle();
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
