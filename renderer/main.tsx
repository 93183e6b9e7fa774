import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// api first: in browser mode it takes the access token out of the address bar before routing.
import './api.js';
import './i18n/index.js';
import { App } from './App.js';
import './styles.css';
import './print.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
