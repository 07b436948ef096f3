// A minimal stand-in for the admin web app, used by tests/e2e/identity_browser_test.sh: signs in
// with oidc-client-ts (authorization code + PKCE) against identity behind the gateway, then calls
// catalog-admin with the access token. Element ids are what tests/e2e/browser/login.mjs reads.
'use strict';

const manager = new oidc.UserManager({
  authority: location.origin + '/realms/codeflix',
  client_id: 'codeflix-admin',
  redirect_uri: location.origin + '/admin/callback',
  post_logout_redirect_uri: location.origin + '/admin/',
  response_type: 'code',
  scope: 'openid profile email',
  // realm_access is in the access token and in userinfo, not in the ID token (as in Keycloak).
  loadUserInfo: true,
  userStore: new oidc.WebStorageStateStore({ store: window.sessionStorage }),
});

const $ = (id) => document.getElementById(id);

function show(state) {
  $('state').textContent = state;
  document.body.dataset.state = state;
}

function showError(error) {
  $('error').textContent = String(error && error.message ? error.message : error);
  $('error').hidden = false;
  document.body.dataset.state = 'error';
}

async function showUser(user) {
  $('user-email').textContent = user.profile.email || '';
  const roles = (user.profile.realm_access && user.profile.realm_access.roles) || [];
  $('user-roles').textContent = roles.join(' ');
  $('user').hidden = false;
  $('sign-out').hidden = false;
  const response = await fetch('/api/admin/categories', {
    headers: { Authorization: 'Bearer ' + user.access_token },
  });
  let count = '';
  if (response.ok) {
    const body = await response.json(); // {data: [...], meta: {total, ...}}
    count = String(body.meta.total);
  }
  $('categories-count').textContent = count;
  $('categories-status').textContent = String(response.status);
  show('signed-in');
}

async function main() {
  $('sign-in').addEventListener('click', () => manager.signinRedirect().catch(showError));
  // With state data, oidc-client-ts sends a state that identity must echo after logout.
  $('sign-out').addEventListener('click', () =>
    manager.signoutRedirect({ state: 'signed-out' }).catch(showError));
  const params = new URLSearchParams(location.search);
  if (location.pathname === '/admin/callback' && (params.has('code') || params.has('error'))) {
    const user = await manager.signinRedirectCallback();
    history.replaceState(null, '', '/admin/callback');
    await showUser(user);
    return;
  }
  if (params.has('state')) {
    // Back from identity's logout endpoint.
    const response = await manager.signoutRedirectCallback();
    if (response.userState !== 'signed-out') throw new Error('logout state not returned');
    history.replaceState(null, '', '/admin/');
    $('sign-in').hidden = false;
    show('signed-out');
    return;
  }
  const user = await manager.getUser();
  if (user && !user.expired) {
    await showUser(user);
    return;
  }
  $('sign-in').hidden = false;
  show('anonymous');
}

main().catch(showError);
