// Drives headless Chromium through the test web app (tests/e2e/browser/app) and identity's own
// pages behind the gateway: sign in with oidc-client-ts (a wrong password first), call
// catalog-admin with the token, sign out, and register a new account. Started by
// tests/e2e/identity_browser_test.sh, which sets:
//   GATEWAY_URL      http://127.0.0.1:PORT of the gateway (serves the app and proxies identity)
//   ADMIN_EMAIL      an account with the catalog-admin role
//   ADMIN_PASSWORD   its password
//   SCREENSHOT_DIR   where the PNG screenshots go
//   CHROMIUM         the browser binary (default /usr/bin/chromium)
// Prints PASS/FAIL lines; exits 1 on any failure.
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (!value) {
    console.log(`FAIL: login.mjs needs the ${name} environment variable`);
    process.exit(1);
  }
  return value;
};
const base = env('GATEWAY_URL');
const adminEmail = env('ADMIN_EMAIL');
const adminPassword = env('ADMIN_PASSWORD');
const shotDir = env('SCREENSHOT_DIR');
const executablePath = env('CHROMIUM', '/usr/bin/chromium');

const AUTH_PATH = '/realms/codeflix/protocol/openid-connect/auth';
const REGISTRATION_PATH = '/realms/codeflix/protocol/openid-connect/registrations';

let failed = false;
const pass = (message) => console.log(`PASS: ${message}`);
const fail = (message) => {
  console.log(`FAIL: ${message}`);
  failed = true;
};
const check = (ok, good, bad) => (ok ? pass(good) : fail(bad));
class Fatal extends Error {}
const must = (ok, message) => {
  if (!ok) throw new Fatal(message);
};

async function screenshot(page, name) {
  const file = path.join(shotDir, name);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`screenshot: ${file}`);
  return file;
}

// Waits until the test app has finished (body[data-state] set by app.js) and returns the state.
async function appState(page) {
  await page.waitForSelector('body[data-state]', { timeout: 15000 });
  return page.getAttribute('body', 'data-state');
}

async function appText(page, id) {
  return (await page.textContent(`#${id}`))?.trim() ?? '';
}

// Asserts the page is one of identity's server-rendered pages with this title: no script at all.
async function checkIdentityPage(page, response, title, what) {
  must(response, `${what}: no response`);
  const pageTitle = await page.title();
  const heading = (await page.textContent('h1'))?.trim();
  check(pageTitle === `${title} · CODEFLIX` && heading === title,
    `${what}: title "${pageTitle}", heading "${heading}"`,
    `${what}: expected title "${title} · CODEFLIX" and heading "${title}", got "${pageTitle}" / "${heading}"`);
  const scripts = await page.locator('script').count();
  const csp = (await response.allHeaders())['content-security-policy'] ?? '';
  check(scripts === 0 && csp.includes("default-src 'none'"),
    `${what}: no <script> element, CSP "${csp.split(';')[0]}"`,
    `${what}: expected no script and a default-src 'none' CSP, got ${scripts} script(s), CSP "${csp}"`);
}

// Clicks SELECTOR; returns the response of the first request whose URL path is PATHNAME once the
// page has navigated to a URL whose path is LANDING (default PATHNAME; or a URL predicate) and
// loaded.
async function clickFor(page, selector, pathname, method = 'GET', landing = pathname) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === pathname && r.request().method() === method,
      { timeout: 15000 }),
    page.waitForURL(typeof landing === 'function' ? landing : (url) => url.pathname === landing,
      { timeout: 15000 }),
    page.click(selector),
  ]);
  await page.waitForLoadState('load');
  return response;
}

async function signedInApp(page, what) {
  await page.waitForURL((url) => url.pathname === '/admin/callback', { timeout: 15000 });
  const state = await appState(page);
  must(state === 'signed-in',
    `${what}: the app did not finish signing in (state ${state}): ${await appText(page, 'error')}`);
  return {
    status: await appText(page, 'categories-status'),
    email: await appText(page, 'user-email'),
    roles: (await appText(page, 'user-roles')).split(/\s+/).filter(Boolean),
    count: await appText(page, 'categories-count'),
  };
}

async function run(page, context, consoleErrors) {
  // 1. The app, anonymous.
  await page.goto(`${base}/admin/`);
  must(await appState(page) === 'anonymous', 'the app at /admin/ did not start anonymous');
  pass('the app at /admin/ loads oidc-client-ts and shows Sign in');

  // 2. Sign in: oidc-client-ts reads the discovery document and redirects to identity.
  let response = await clickFor(page, '#sign-in', AUTH_PATH);
  const authorize = new URL(page.url());
  check(response.status() === 200 && authorize.searchParams.get('client_id') === 'codeflix-admin' &&
      authorize.searchParams.get('code_challenge_method') === 'S256' &&
      authorize.searchParams.get('redirect_uri') === `${base}/admin/callback`,
    'Sign in redirects to identity\'s login page (client codeflix-admin, PKCE S256)',
    `unexpected authorization request ${page.url()} (status ${response.status()})`);
  await checkIdentityPage(page, response, 'Sign in', 'login page');
  await screenshot(page, 'login-page.png');

  // 3. A wrong password first: same page, 401, a generic message, the email kept.
  await page.fill('#email', adminEmail);
  await page.fill('#password', 'not-the-right-password-42');
  response = await clickFor(page, 'form button[type=submit]', '/realms/codeflix/login-actions/authenticate', 'POST');
  const alert = (await page.textContent('[role=alert]').catch(() => ''))?.trim();
  check(response.status() === 401 && alert === 'Invalid email or password.' &&
      await page.inputValue('#email') === adminEmail,
    'a wrong password gets HTTP 401 and "Invalid email or password." with the email kept',
    `wrong password: expected 401 and "Invalid email or password.", got ${response.status()} and "${alert}"`);
  await screenshot(page, 'login-wrong-password.png');

  // 4. The right password: back to /admin/callback, token exchanged, catalog-admin called.
  await page.fill('#password', adminPassword);
  response = await clickFor(page, 'form button[type=submit]', '/realms/codeflix/login-actions/authenticate', 'POST',
    '/admin/callback');
  check(response.status() === 302, 'the right password redirects (302) back to the app',
    `the right password answered ${response.status()}`);
  let app = await signedInApp(page, 'admin sign-in');
  check(app.status === '200' && app.email === adminEmail,
    `signed in through the page: GET /api/admin/categories with the token -> ${app.status}, email ${app.email}, ${app.count} categories`,
    `after sign-in expected status 200 and email ${adminEmail}, got ${app.status} and "${app.email}"`);
  check(app.roles.includes('catalog-admin'), `the user's realm_access roles: ${app.roles.join(', ')}`,
    `the roles "${app.roles.join(' ')}" lack catalog-admin`);

  // 5. One category created with the same token, then the app reloaded (user from sessionStorage).
  const created = await page.evaluate(async () => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'));
    const user = JSON.parse(sessionStorage.getItem(key));
    const r = await fetch('/api/admin/categories', {
      method: 'POST',
      headers: { Authorization: `Bearer ${user.access_token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Browser test', description: 'Created by identity_browser_e2e', is_active: true }),
    });
    return r.status;
  });
  await page.reload();
  must(await appState(page) === 'signed-in', 'after a reload the app lost the signed-in user');
  app = { status: await appText(page, 'categories-status'), count: await appText(page, 'categories-count') };
  check(created === 201 && app.status === '200' && app.count === '1',
    'POST /api/admin/categories with the token -> 201; after a reload the app lists 1 category',
    `expected POST 201 then 1 category, got POST ${created}, list ${app.status} with "${app.count}"`);
  await screenshot(page, 'admin-signed-in.png');

  const cookies = await context.cookies(`${base}/realms/codeflix/`);
  const session = cookies.find((c) => c.name === 'CODEFLIX_SESSION');
  must(session, `no CODEFLIX_SESSION cookie after sign-in (cookies: ${cookies.map((c) => c.name).join(', ')})`);
  check(session.httpOnly && session.sameSite === 'Lax' && session.path === '/realms/codeflix/',
    'the session cookie is HttpOnly, SameSite=Lax, Path=/realms/codeflix/',
    `session cookie attributes: ${JSON.stringify({ ...session, value: '…' })}`);

  // Single sign-on: a second tab (its own sessionStorage, same cookies) signs in without a form,
  // so the login page after Sign out below really means the session ended.
  const tab = await context.newPage();
  await tab.goto(`${base}/admin/`);
  must(await appState(tab) === 'anonymous', 'a second tab did not start anonymous');
  await clickFor(tab, '#sign-in', AUTH_PATH, 'GET', '/admin/callback');
  const sso = await signedInApp(tab, 'single sign-on');
  check(sso.email === adminEmail && sso.status === '200',
    'a second tab signs in without the login form while the identity session lasts (SSO)',
    `single sign-on in a second tab: email "${sso.email}", status ${sso.status}`);
  await tab.close();

  // 6. Sign out (RP-initiated logout with id_token_hint): back to /admin/, session gone.
  await page.click('#sign-out');
  await page.waitForURL((url) => url.pathname === '/admin/' && !url.pathname.startsWith('/realms/'),
    { timeout: 15000 });
  const afterLogout = await appState(page);
  const stillThere = (await context.cookies(`${base}/realms/codeflix/`)).some((c) => c.name === 'CODEFLIX_SESSION');
  check(afterLogout === 'signed-out' && !stillThere,
    'Sign out returns to /admin/ and clears the session cookie',
    `after Sign out: app state ${afterLogout} (${await appText(page, 'error')}), session cookie still set: ${stillThere}`);
  await screenshot(page, 'admin-signed-out.png');

  // 7. The old session cookie replayed: identity must have ended the session on its side.
  await context.addCookies([session]);
  await clickFor(page, '#sign-in', AUTH_PATH, 'GET',
    (url) => url.pathname === AUTH_PATH || url.pathname === '/admin/callback');
  check(new URL(page.url()).pathname === AUTH_PATH && (await page.title()).startsWith('Sign in'),
    'after Sign out a fresh signinRedirect shows the login page (even with the old session cookie)',
    `after Sign out, signinRedirect with the old session cookie went to ${page.url()} instead of the login page`);

  // 8. Registration, from the login page's link.
  response = await clickFor(page, 'a:has-text("Create an account")', REGISTRATION_PATH);
  check(response.status() === 200, '"Create an account" opens the registration page',
    `the registration page answered ${response.status()}`);
  await checkIdentityPage(page, response, 'Create your account', 'registration page');
  const email = `viewer-${Date.now()}@example.test`;
  const password = 'Quiet-harbor-lantern-47';
  await page.fill('#display_name', 'Browser Viewer');
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.fill('#password_confirm', `${password}x`);
  response = await clickFor(page, 'form button[type=submit]', '/realms/codeflix/login-actions/registration', 'POST');
  const mismatch = (await page.textContent('#password_confirm-error').catch(() => ''))?.trim();
  check(response.status() === 422 && mismatch === 'The passwords do not match.',
    'registration with a mismatched confirmation gets 422 "The passwords do not match."',
    `mismatched confirmation: got ${response.status()} and "${mismatch}"`);
  await screenshot(page, 'registration-page.png');
  await page.fill('#password', password);
  await page.fill('#password_confirm', password);
  response = await clickFor(page, 'form button[type=submit]', '/realms/codeflix/login-actions/registration', 'POST',
    '/admin/callback');
  check(response.status() === 302, 'registration redirects (302) back to the app',
    `registration answered ${response.status()}: ${(await page.textContent('main').catch(() => ''))?.trim()}`);
  app = await signedInApp(page, 'registration');
  check(app.email === email && app.roles.includes('user') && !app.roles.includes('catalog-admin'),
    `the new account ${email} is signed in with roles: ${app.roles.join(', ')}`,
    `after registration expected ${email} with role user only, got "${app.email}" with "${app.roles.join(' ')}"`);
  check(app.status === '403', 'the new account\'s token gets 403 from GET /api/admin/categories (no catalog-admin role)',
    `the new account's GET /api/admin/categories answered ${app.status}, expected 403`);
  await screenshot(page, 'registered-user.png');

  const cspErrors = consoleErrors.filter((e) => /Content.Security.Policy|Refused to/i.test(e));
  check(cspErrors.length === 0, 'no Content-Security-Policy violation in the browser console',
    `CSP violations: ${cspErrors.join(' | ')}`);
  const pageErrors = consoleErrors.filter((e) => e.startsWith('page error:'));
  check(pageErrors.length === 0, 'no uncaught JavaScript error in the pages', pageErrors.join(' | '));
  // The rest are the expected 401 and 422 form answers ("Failed to load resource").
  for (const e of consoleErrors) if (!cspErrors.includes(e) && !pageErrors.includes(e)) console.log(`console: ${e}`);
}

async function main() {
  const browser = await chromium.launch({
    executablePath,
    headless: true, // Playwright passes --headless
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} (${page.url()})`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message} (${page.url()})`));
  try {
    await run(page, context, consoleErrors);
  } catch (error) {
    fail(error instanceof Fatal ? error.message : `browser test stopped: ${error.stack ?? error}`);
    try {
      console.log(`page at failure: ${page.url()}`);
      await screenshot(page, 'failure.png');
      writeFileSync(path.join(shotDir, 'failure.html'), await page.content());
    } catch {
      // the page may be gone
    }
    if (consoleErrors.length) console.log(`browser console errors: ${consoleErrors.join(' | ')}`);
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
}

main();
