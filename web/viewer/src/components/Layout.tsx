// The frame of every screen but the player: a skip link, the header with navigation, the
// language switch and the account buttons, then the screen itself.
import { NavLink, Outlet } from 'react-router-dom';
import { useSession } from '@codeflix/web-shared/auth';
import { LanguageSwitch, useI18n } from '@codeflix/web-shared/i18n';

export function Layout() {
  const { t } = useI18n();
  const session = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header">
        <NavLink to="/" className="brand" aria-label="CODEFLIX">
          CODEFLIX
        </NavLink>
        <nav aria-label={t('nav.main')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/search">{t('nav.search')}</NavLink>
            </li>
            <li>
              <NavLink to="/plans">{t('nav.plans')}</NavLink>
            </li>
            {session.user && (
              <li>
                <NavLink to="/account">{t('nav.account')}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="header-actions">
          <LanguageSwitch label={t('nav.language')} />
          {session.loading ? null : session.user ? (
            <>
              <span className="user-name">{session.name}</span>
              <button type="button" className="button secondary" onClick={() => void session.signOut()}>
                {t('auth.signOut')}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button secondary" onClick={() => void session.signIn()}>
                {t('auth.signIn')}
              </button>
              <button type="button" className="button" onClick={() => void session.register()}>
                {t('auth.register')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

/** For screens that need a signed-in viewer: a sign-in prompt instead of the screen. */
export function SignInPrompt() {
  const { t } = useI18n();
  const session = useSession();
  return (
    <div className="panel narrow">
      <p>{t('auth.required')}</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => void session.signIn()}>
          {t('auth.signIn')}
        </button>
        <button type="button" className="button secondary" onClick={() => void session.register()}>
          {t('auth.register')}
        </button>
      </div>
    </div>
  );
}
