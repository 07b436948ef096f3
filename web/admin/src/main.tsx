import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { AuthProvider, type AuthConfig } from '@codeflix/web-shared/auth';
import { I18nProvider } from '@codeflix/web-shared/i18n';
import { App } from './App';
import { dictionaries } from './messages';
import './styles.css';

const auth: AuthConfig = { clientId: 'codeflix-admin', basePath: '/admin/' };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider dictionaries={dictionaries}>
      <AuthProvider config={auth}>
        <BrowserRouter basename="/admin">
          <App />
        </BrowserRouter>
      </AuthProvider>
    </I18nProvider>
  </StrictMode>,
);
