// Sign-in for both web apps: OpenID Connect authorization code + PKCE against identity behind
// the gateway (oidc-client-ts), access tokens renewed with the refresh token before they
// expire, sign-out through identity's end-session endpoint. Tokens live in sessionStorage, so
// they end with the tab and are never shared with another site.

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { UserManager, WebStorageStateStore, type User, type UserManagerSettings } from 'oidc-client-ts';

export interface AuthConfig {
  clientId: string;
  /** The app's base path, ending with '/': '/' or '/admin/'. */
  basePath: string;
}

export interface Session {
  user: User | null;
  /** True until the stored session (if any) has been read. */
  loading: boolean;
  accessToken: string | null;
  roles: string[];
  name: string;
  signIn: (returnTo?: string) => Promise<void>;
  register: (returnTo?: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** A usable access token, renewed first when it is about to expire; null when signed out. */
  freshToken: () => Promise<string | null>;
  /** Completes the sign-in on the callback page; answers where to go next. */
  completeSignIn: () => Promise<string>;
}

const REALM = '/realms/codeflix';

export function oidcSettings(config: AuthConfig, origin = window.location.origin): UserManagerSettings {
  return {
    authority: origin + REALM,
    client_id: config.clientId,
    redirect_uri: origin + config.basePath + 'callback',
    post_logout_redirect_uri: origin + config.basePath,
    response_type: 'code',
    scope: 'openid profile email',
    // realm_access (the roles) is in the access token and userinfo, not the ID token (as in Keycloak).
    loadUserInfo: true,
    automaticSilentRenew: true,
    accessTokenExpiringNotificationTimeInSeconds: 60,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  };
}

/** The roles of a signed-in user, as identity puts them in `realm_access.roles`. */
export function rolesOf(user: User | null): string[] {
  const access = user?.profile?.realm_access as { roles?: unknown } | undefined;
  return Array.isArray(access?.roles) ? access.roles.filter((r): r is string => typeof r === 'string') : [];
}

/** Whether a failed renewal means identity refused the refresh token (not a network failure). */
export function isRefused(error: unknown): boolean {
  const code = (error as { error?: unknown } | null)?.error;
  return code === 'invalid_grant' || code === 'invalid_client' || code === 'unauthorized_client';
}

/** Where to go after signing in: only a path of this app, never another site. */
export function safeReturnPath(value: unknown, basePath: string): string {
  if (typeof value !== 'string' || !value.startsWith(basePath) || value.startsWith('//') || value.includes('\\')) return basePath;
  if (value.startsWith(basePath + 'callback')) return basePath;
  return value;
}

/** Exported for tests, which give screens a session without signing in. */
export const AuthContext = createContext<Session | null>(null);

export function AuthProvider({ config, children }: { config: AuthConfig; children: ReactNode }) {
  const manager = useMemo(() => new UserManager(oidcSettings(config)), [config]);
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    manager
      .getUser()
      .then((stored) => live && setUser(stored && !stored.expired ? stored : null))
      .catch(() => live && setUser(null))
      .finally(() => live && setLoading(false));
    const loaded = (next: User) => setUser(next);
    const unloaded = () => setUser(null);
    manager.events.addUserLoaded(loaded);
    manager.events.addUserUnloaded(unloaded);
    manager.events.addSilentRenewError(unloaded);
    return () => {
      live = false;
      manager.events.removeUserLoaded(loaded);
      manager.events.removeUserUnloaded(unloaded);
      manager.events.removeSilentRenewError(unloaded);
    };
  }, [manager]);

  const here = () => window.location.pathname + window.location.search;
  const signIn = useCallback(
    (returnTo?: string) => manager.signinRedirect({ state: { returnTo: returnTo ?? here() } }),
    [manager],
  );
  const register = useCallback(async (returnTo?: string) => {
    // identity's registration page takes the same parameters as its authorization endpoint
    // (as Keycloak's does): the same flow, started at another address.
    const metadata = await manager.metadataService.getMetadata();
    const registering = new UserManager({
      ...oidcSettings(config),
      metadata: { ...metadata, authorization_endpoint: metadata.issuer + '/protocol/openid-connect/registrations' },
    });
    await registering.signinRedirect({ state: { returnTo: returnTo ?? here() } });
  }, [manager, config]);
  const signOut = useCallback(async () => {
    await manager.signoutRedirect();
  }, [manager]);
  const completeSignIn = useCallback(async () => {
    const signedIn = await manager.signinRedirectCallback();
    const state = signedIn.state as { returnTo?: unknown } | undefined;
    return safeReturnPath(state?.returnTo, config.basePath);
  }, [manager, config]);
  // One renewal at a time: identity treats a refresh token used twice as stolen and ends the
  // login, so requests that find the token about to expire share the same renewal.
  const renewing = useRef<Promise<string | null> | null>(null);
  const freshToken = useCallback(async () => {
    const current = await manager.getUser();
    if (!current) return null;
    if ((current.expires_in ?? 0) > 30) return current.access_token;
    renewing.current ??= manager
      .signinSilent()
      .then(
        (renewed) => renewed?.access_token ?? null,
        async (error: unknown) => {
          // Signed out only when identity refused the refresh token; a network failure
          // leaves the session for the next try.
          if (isRefused(error)) await manager.removeUser();
          return null;
        },
      )
      .finally(() => {
        renewing.current = null;
      });
    return renewing.current;
  }, [manager]);

  const session = useMemo<Session>(
    () => ({
      user,
      loading,
      accessToken: user?.access_token ?? null,
      roles: rolesOf(user),
      name: (user?.profile?.name as string) || (user?.profile?.preferred_username as string) || user?.profile?.email || '',
      signIn,
      register,
      signOut,
      freshToken,
      completeSignIn,
    }),
    [user, loading, signIn, register, signOut, freshToken, completeSignIn],
  );
  return <AuthContext.Provider value={session}>{children}</AuthContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(AuthContext);
  if (!session) throw new Error('useSession outside AuthProvider');
  return session;
}

