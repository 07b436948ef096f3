import { describe, expect, it } from 'vitest';
import type { User } from 'oidc-client-ts';
import { isRefused, oidcSettings, rolesOf, safeReturnPath } from './auth';

describe('oidcSettings', () => {
  it('uses identity behind the same gateway with PKCE and the app callback', () => {
    const settings = oidcSettings({ clientId: 'codeflix-admin', basePath: '/admin/' }, 'http://localhost:8080');
    expect(settings.authority).toBe('http://localhost:8080/realms/codeflix');
    expect(settings.redirect_uri).toBe('http://localhost:8080/admin/callback');
    expect(settings.post_logout_redirect_uri).toBe('http://localhost:8080/admin/');
    expect(settings.response_type).toBe('code');
  });
});

describe('safeReturnPath', () => {
  it('keeps paths of the app and refuses anything else', () => {
    expect(safeReturnPath('/title/x?y=1', '/')).toBe('/title/x?y=1');
    expect(safeReturnPath('//evil.example/x', '/')).toBe('/');
    expect(safeReturnPath('https://evil.example/', '/')).toBe('/');
    expect(safeReturnPath('/callback?code=1', '/')).toBe('/');
    expect(safeReturnPath('/videos', '/admin/')).toBe('/admin/');
    expect(safeReturnPath(42, '/')).toBe('/');
    expect(safeReturnPath('/\\evil.example/', '/')).toBe('/');
  });
});

describe('rolesOf', () => {
  it('reads realm_access.roles and ignores anything malformed', () => {
    expect(rolesOf({ profile: { realm_access: { roles: ['catalog-admin', 7] } } } as unknown as User)).toEqual([
      'catalog-admin',
    ]);
    expect(rolesOf({ profile: {} } as unknown as User)).toEqual([]);
    expect(rolesOf(null)).toEqual([]);
  });
});

describe('isRefused', () => {
  it('tells a refused refresh token from a network failure', () => {
    expect(isRefused({ error: 'invalid_grant', message: 'token reused' })).toBe(true);
    expect(isRefused(new TypeError('Failed to fetch'))).toBe(false);
    expect(isRefused(null)).toBe(false);
  });
});
