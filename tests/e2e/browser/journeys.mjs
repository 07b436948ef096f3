// The web apps' journeys over the whole stack, in headless Chromium, with axe accessibility
// checks on each screen. Started by tests/e2e/web_test.sh, which sets:
//   GATEWAY_URL     http://localhost:PORT of the stack started by ./codeflix up
//   ADMIN_EMAIL, ADMIN_PASSWORD  an account with every admin role
//   MEDIA_DIR       video.mp4 (60 s), trailer.mp4, banner.jpg and thumbnail.jpg for the title
//   TITLE           the title the admin makes and publishes, the viewers then find and watch
//   TYPO            that title searched with a typo
//   SCREENSHOT_DIR  where the PNG screenshots go
//   CHROMIUM        the browser binary (default /usr/bin/chromium)
// Prints PASS/FAIL lines; exits 1 on any failure.
import { chromium } from 'playwright-core';
import { adminCuratesTheTitle } from './admin_journey.mjs';
import { accessible, base, check, env, fail, Fatal, must, outcome, pass, screenshot } from './journey_kit.mjs';

const title = env('TITLE');
const typo = env('TYPO');
const executablePath = env('CHROMIUM', '/usr/bin/chromium');

/** Registers a new account through identity's page from the app's header; back signed in. */
async function register(page, email, password, name) {
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: /Create account|Criar conta/ }).click();
  await page.waitForURL(/\/realms\/codeflix\/protocol\/openid-connect\/registrations/);
  await page.fill('#display_name', name);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.fill('#password_confirm', password);
  await page.click('form button[type=submit]');
  await page.waitForURL((url) => url.origin === new URL(base).origin && !url.pathname.startsWith('/realms') && !url.pathname.startsWith('/callback'));
  await page.getByRole('button', { name: /Sign out|Sair/ }).waitFor();
  pass(`${email} registered through identity and is signed in to the app`);
}

/** Subscribes to the first plan without a trial with `card`; answers the alert text if refused. */
async function checkout(page, card) {
  await page.goto(`${base}/plans`);
  const plans = page.locator('.plans > li');
  await plans.first().waitFor();
  await screenshot(page, 'plans.png');
  await page.locator('.plans > li').filter({ hasNotText: /free trial|dias grátis/ }).first().getByRole('link').click();
  await page.getByLabel(/Card number|Número do cartão/).fill(card);
  await page.getByLabel(/Expiry month|Mês de validade/).fill('12');
  await page.getByLabel(/Expiry year|Ano de validade/).fill(String(new Date().getFullYear() + 3));
  await page.getByLabel(/CVC/).fill('123');
  await page.locator('.card-form button[type=submit]').click();
  const outcome = await Promise.race([
    page.locator('[data-subscription]').waitFor().then(() => 'subscribed'),
    page.locator('.card-form [role=alert]').waitFor().then(() => 'refused'),
  ]);
  return outcome;
}

/** The <video>'s position, once it has started (or null after the timeout). */
async function positionAfterStart(page, timeout = 30000) {
  await page.waitForFunction(() => {
    const video = document.querySelector('video');
    return video && video.currentTime > 0.5 && !video.paused;
  }, null, { timeout });
  return page.evaluate(() => document.querySelector('video').currentTime);
}

async function viewerSubscribesFindsWatchesAndResumes(browser) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const stamp = Date.now();
  await register(page, `viewer-${stamp}@example.com`, `Watch-${stamp}-ok!`, 'Journey Viewer');
  await page.goto(`${base}/`);
  await page.locator('.hero h1').waitFor();
  await screenshot(page, 'home.png');
  await accessible(page, 'home');

  must((await checkout(page, '4242 4242 4242 4242')) === 'subscribed', 'the succeeding test card did not subscribe');
  await page.locator('.actions a[aria-disabled="false"]').first().waitFor({ timeout: 20000 });
  pass('the succeeding test card subscribes and catalog-api knows the entitlement');
  await screenshot(page, 'subscribed.png');

  // Search with a typo, results as you type.
  await page.goto(`${base}/search`);
  await page.getByLabel(/Search titles/).pressSequentially(typo, { delay: 40 });
  await page.waitForURL((url) => url.searchParams.get('q') === typo);
  const result = page.locator('.results a.card', { hasText: title });
  // The typed words answer with the title first, its matched words highlighted.
  await result.locator('mark').first().waitFor({ timeout: 10000 });
  const first = await page.locator('.results a.card').first().locator('.card-title').textContent();
  check(first === title, `"${typo}" finds "${title}" first, with highlighted matches`, `"${typo}" answers "${first}" first`);
  await screenshot(page, 'search.png');
  await accessible(page, 'search');
  await result.first().click();
  await page.locator('.title-page h1', { hasText: title }).waitFor();
  await screenshot(page, 'title.png');
  await accessible(page, 'title');

  // Trailer for anyone, in a dialog.
  await page.getByRole('button', { name: 'Trailer' }).click();
  const trailerStart = await positionAfterStart(page).catch(() => null);
  check(trailerStart !== null, 'the trailer plays in its dialog');
  await page.keyboard.press('Escape');

  // Play: the position advances at least 3 s.
  await page.locator('[data-action=play]').click();
  await page.waitForURL(/\/watch\//);
  const start = await positionAfterStart(page);
  await page.waitForFunction((from) => document.querySelector('video').currentTime >= from + 3, start, { timeout: 30000 });
  pass('playback starts and the position advances at least 3 s');
  await screenshot(page, 'player.png');
  await accessible(page, 'player');
  // Keyboard: focus the player, jump forward 4 x 10 s past the 30 s that Continue watching needs.
  await page.locator('.player').focus();
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('video').currentTime >= 40, null, { timeout: 20000 });
  await page.waitForTimeout(1500);
  const left = await page.evaluate(() => document.querySelector('video').currentTime);
  check(left >= 40, `the arrow keys seek forward (now at ${left.toFixed(1)} s)`);
  const quality = await page.locator('.player-quality option').allTextContents();
  check(quality.length >= 2 && quality.every((q) => q === 'Auto' || /^\d+p$/.test(q)), `the quality menu offers ${quality.join(', ')}`);

  // Leave; the last position is saved by the app's heartbeat when the player closes.
  await page.getByRole('link', { name: /Back/ }).click();
  await page.goto(`${base}/`);
  const row = page.getByRole('region', { name: 'Continue watching' });
  await row.waitFor({ timeout: 15000 });
  check(await row.getByText(title).isVisible(), `"${title}" is under Continue watching`);
  await screenshot(page, 'continue-watching.png');

  await row.locator('a.card', { hasText: title }).click();
  const resume = page.locator('[data-action=play]');
  await resume.waitFor();
  check(/Resume/.test(await resume.textContent()), 'the title page offers Resume');
  await resume.click();
  const resumedAt = await positionAfterStart(page);
  check(Math.abs(resumedAt - left) < 6, `playback resumes near where the viewer left (${resumedAt.toFixed(1)} s, left at ${left.toFixed(1)} s)`);
  await screenshot(page, 'resumed.png');
  await context.close();
}

async function declinedCardAndNoSubscriptionPlay(browser) {
  const context = await browser.newContext({ locale: 'pt-BR', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const stamp = Date.now();
  await register(page, `declined-${stamp}@example.com`, `Declined-${stamp}-ok!`, 'Recusado');
  const outcome = await checkout(page, '4000 0000 0000 0002');
  const alert = outcome === 'refused' ? await page.locator('.card-form [role=alert]').textContent() : '';
  check(/recusado/i.test(alert), `the declined test card shows "${alert}"`, `declined card: ${outcome} ${alert}`);
  await screenshot(page, 'declined.png');
  await page.goto(`${base}/account`);
  await page.getByText('Você não tem assinatura.').waitFor();
  pass('after the decline the account has no subscription');

  // A viewer without a subscription who presses Play lands on the plans page.
  await page.goto(`${base}/search?q=${encodeURIComponent(title)}`);
  await page.locator('.results a.card').first().click();
  await page.locator('[data-action=play]').click();
  await page.waitForURL(/\/plans\?reason=not_subscribed/);
  await page.locator('[data-reason=not_subscribed]').waitFor();
  pass('Play without a subscription lands on the plans page with the reason');
  await screenshot(page, 'play-without-subscription.png');
  await context.close();
}

const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--autoplay-policy=no-user-gesture-required'],
});
try {
  for (const journey of [adminCuratesTheTitle, viewerSubscribesFindsWatchesAndResumes, declinedCardAndNoSubscriptionPlay]) {
    try {
      await journey(browser);
    } catch (error) {
      fail(`${journey.name}: ${error instanceof Fatal ? error.message : error.stack}`);
      if (journey === adminCuratesTheTitle) break; // the viewers' journeys need its title
    }
  }
} finally {
  await browser.close();
}
process.exit(outcome.failed ? 1 : 0);
