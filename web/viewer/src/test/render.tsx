// Renders a screen as the app would (router, English, a session) for the unit tests, and
// answers fetch from a table of routes.
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { vi } from 'vitest';
import { AuthContext, type Session } from '@codeflix/web-shared/auth';
import { I18nProvider } from '@codeflix/web-shared/i18n';
import { dictionaries } from '../messages';

export function fakeSession(overrides: Partial<Session> = {}): Session {
  const signedIn = overrides.accessToken !== null;
  return {
    user: signedIn ? ({ access_token: 'token', profile: { email: 'ana@example.com' } } as Session['user']) : null,
    loading: false,
    accessToken: 'token',
    roles: [],
    name: 'Ana',
    signIn: vi.fn(async () => undefined),
    register: vi.fn(async () => undefined),
    signOut: vi.fn(async () => undefined),
    freshToken: vi.fn(async () => (signedIn ? 'token' : null)),
    completeSignIn: vi.fn(async () => '/'),
    ...overrides,
  };
}

export function renderAt(path: string, routes: { path: string; element: ReactElement }[], session = fakeSession()) {
  window.localStorage.setItem('codeflix.locale', 'en');
  return render(
    <I18nProvider dictionaries={dictionaries}>
      <AuthContext.Provider value={session}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            {routes.map((route) => (
              <Route key={route.path} path={route.path} element={route.element} />
            ))}
          </Routes>
        </MemoryRouter>
      </AuthContext.Provider>
    </I18nProvider>,
  );
}

export type Handler = (url: URL, init: RequestInit) => { status: number; body?: unknown } | undefined;

/** Stubs fetch: the first handler that answers wins; anything else is 404. Returns the mock. */
export function answerFetch(...handlers: Handler[]) {
  const mock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    for (const handler of handlers) {
      const answer = handler(url, init);
      if (answer) {
        const type = answer.status >= 400 ? 'application/problem+json' : 'application/json';
        return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
          status: answer.status,
          headers: { 'Content-Type': type },
        });
      }
    }
    return new Response(JSON.stringify({ status: 404, detail: `no fake for ${url.pathname}` }), {
      status: 404,
      headers: { 'Content-Type': 'application/problem+json' },
    });
  });
  vi.stubGlobal('fetch', mock);
  return mock;
}

export function video(id: string, title: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    title,
    description: `About ${title}`,
    year_launched: 1999,
    opened: false,
    rating: '14',
    duration: 136,
    categories: [],
    genres: [],
    cast_members: [],
    media: { video: { ready: true }, trailer: { ready: false }, thumbnail: null, thumbnail_half: null, banner: null },
    version: 1,
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:00.000Z',
    ...extra,
  };
}
