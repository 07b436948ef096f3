// The admin frame: sign-in first, a clear page for accounts without an admin role, then a
// sidebar with the sections the admin's roles open and the screen itself.
import type { ReactNode } from 'react';
import { Navigate, NavLink, Outlet } from 'react-router-dom';
import { useSession } from '@codeflix/web-shared/auth';
import { LanguageSwitch, useI18n } from '@codeflix/web-shared/i18n';
import { Loading } from '@codeflix/web-shared/status';

export type AdminRole = 'catalog-admin' | 'subscription-admin' | 'identity-admin';

export const SECTIONS: { role: AdminRole; label: string; links: [string, string][] }[] = [
  {
    role: 'catalog-admin',
    label: 'nav.catalog',
    links: [
      ['/videos', 'nav.videos'],
      ['/categories', 'nav.categories'],
      ['/genres', 'nav.genres'],
      ['/cast-members', 'nav.castMembers'],
    ],
  },
  {
    role: 'subscription-admin',
    label: 'nav.subscriptions',
    links: [
      ['/plans', 'nav.plans'],
      ['/subscribers', 'nav.subscribers'],
    ],
  },
  { role: 'identity-admin', label: 'nav.identity', links: [['/users', 'nav.users']] },
];

function Frame({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="admin-header">
        <span className="brand">
          CODEFLIX <span className="brand-sub">{t('app.admin')}</span>
        </span>
        <div className="header-actions">
          <LanguageSwitch label={t('nav.language')} />
          {session.user && (
            <>
              <span className="user-name">{session.name}</span>
              <button type="button" className="button secondary" onClick={() => void session.signOut()}>
                {t('auth.signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      {children}
    </>
  );
}

export function Layout() {
  const { t } = useI18n();
  const session = useSession();
  if (session.loading) return <Loading />;
  if (!session.user)
    return (
      <Frame>
        <main id="main" className="panel narrow">
          <h1>{t('auth.title')}</h1>
          <p>{t('auth.explain')}</p>
          <button type="button" className="button" onClick={() => void session.signIn()}>
            {t('auth.signIn')}
          </button>
        </main>
      </Frame>
    );
  const sections = SECTIONS.filter((s) => session.roles.includes(s.role));
  if (!sections.length)
    return (
      <Frame>
        <main id="main" className="panel narrow" data-page="no-access">
          <h1>{t('auth.noAccessTitle')}</h1>
          <p>{t('auth.noAccess', { name: session.name })}</p>
          <p>
            <a href="/">{t('auth.toViewer')}</a>
          </p>
        </main>
      </Frame>
    );
  return (
    <Frame>
      <div className="admin-body">
        <nav className="sidebar" aria-label={t('nav.main')}>
          {sections.map((section) => (
            <div key={section.role}>
              <h2>{t(section.label)}</h2>
              <ul>
                {section.links.map(([to, label]) => (
                  <li key={to}>
                    <NavLink to={to}>{t(label)}</NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main id="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </Frame>
  );
}

/** The first screen the admin's roles open. */
export function Start() {
  const session = useSession();
  const first = SECTIONS.find((s) => session.roles.includes(s.role));
  return <Navigate to={first ? first.links[0][0] : '/'} replace />;
}

/** A screen of a section the admin's roles do not open says so instead of failing with 403s. */
export function RequireRole({ role, children }: { role: AdminRole; children: ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  if (!session.roles.includes(role))
    return (
      <div className="panel narrow" role="alert">
        {t('auth.needsRole', { role })}
      </div>
    );
  return <>{children}</>;
}
