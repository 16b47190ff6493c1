import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startWorkbench } from './actions/session';
import { App } from './App';
import { loadLanguage } from './i18n';
import { registerServiceWorker } from './layout/serviceWorker';
import { useWorkbench } from './store';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

void startWorkbench();
// A Chinese session fetches its strings first (English ones are in this bundle), so the first
// paint is already in the annotator's language.
void loadLanguage(useWorkbench.getState().language).then(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
// Offline after one visit (production builds only); waits for the page's load event itself.
void registerServiceWorker();
