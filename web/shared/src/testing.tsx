// What both apps' unit tests use: a screen rendered as the app would (router, English, a
// session) and fetch answered from a table of routes.
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { vi } from 'vitest';
import { AuthContext, type Session } from './auth';
import { I18nProvider, type Dictionaries } from './i18n';

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

export type Routed = { path: string; element: ReactElement }[];

/** A `renderAt(path, routes, session?)` for an app's words. */
export function renderer(dictionaries: Dictionaries) {
  return (path: string, routes: Routed, session = fakeSession()) => {
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
  };
}

export type Handler = (url: URL, init: RequestInit) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;

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
          headers: { 'Content-Type': type, ...answer.headers },
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
