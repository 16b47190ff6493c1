import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startWorkbench } from './actions/session';
import { App } from './App';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

void startWorkbench();
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
