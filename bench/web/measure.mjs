// bench/web/measure.mjs: makes a published title and a subscribed viewer through the APIs of the
// stack at GATEWAY_URL, then measures, in headless Chromium, the time from pressing Play in the
// viewer app to the first video frame, RUNS times, next to the same stream opened in a bare
// page with only hls.js, in the same run. Prints one JSON document on stdout:
//   { video_id, app_ms: [...], bare_ms: [...] }
// Settings (environment): GATEWAY_URL, ADMIN_EMAIL, ADMIN_PASSWORD, VIDEO_FILE (an mp4),
// HLS_JS (hls.min.js of web/node_modules), RUNS (10), CHROMIUM (/usr/bin/chromium).
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (!value) throw new Error(`measure.mjs needs ${name}`);
  return value;
};
const base = env('GATEWAY_URL');
const runs = Number(env('RUNS', '10'));
const log = (message) => console.error(`==> ${message}`);

async function api(method, path, { token, body, headers = {}, raw } = {}) {
  const response = await fetch(base + path, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined && !raw ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function tokenFor(username, password) {
  const form = new URLSearchParams({ grant_type: 'password', client_id: 'codeflix-tools', username, password });
  const response = await fetch(`${base}/realms/codeflix/protocol/openid-connect/token`, { method: 'POST', body: form });
  if (!response.ok) throw new Error(`token for ${username}: ${response.status} ${await response.text()}`);
  return (await response.json()).access_token;
}

async function until(what, seconds, probe) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function publishedTitle() {
  const admin = await tokenFor(env('ADMIN_EMAIL'), env('ADMIN_PASSWORD'));
  const category = await api('POST', '/api/admin/categories', { token: admin, body: { name: `Bench ${Date.now()}` } });
  const genre = await api('POST', '/api/admin/genres', { token: admin, body: { name: `Bench ${Date.now()}`, categories_id: [category.id] } });
  const video = await api('POST', '/api/admin/videos', {
    token: admin,
    body: {
      title: 'Primeiro quadro', description: 'Play to first frame.', year_launched: 2024, rating: 'L', duration: 1,
      published: true, categories_id: [category.id], genres_id: [genre.id],
    },
  });
  const file = await readFile(env('VIDEO_FILE'));
  const ticket = await api('POST', `/api/admin/videos/${video.id}/media/video/uploads`, {
    token: admin,
    body: { file_name: 'video.mp4', size: file.length, content_type: 'video/mp4' },
  });
  await api('PUT', ticket.upload_url, { raw: file, headers: ticket.headers });
  await api('POST', `/api/admin/videos/${video.id}/media/video/uploads/${ticket.id}/complete`, { token: admin });
  log('waiting for the encoder and catalog-api');
  await until('the encoded title in catalog-api', 300, async () => {
    const doc = await api('GET', `/api/catalog/videos/${video.id}`).catch(() => null);
    return doc?.media?.video?.ready;
  });
  return video.id;
}

async function subscribedViewer() {
  const email = `bench-${Date.now()}@example.com`;
  const password = `Bench-${Date.now()}-pass!`;
  await api('POST', '/api/identity/users', { body: { email, password, display_name: 'Bench Viewer' } });
  const token = await tokenFor(email, password);
  const card = await api('POST', '/api/subscription/sandbox/payment-methods', {
    token,
    body: { card_number: '4242424242424242', exp_month: 12, exp_year: new Date().getFullYear() + 3, cvc: '123' },
  });
  const plans = (await api('GET', '/api/subscription/plans')).data;
  const plan = plans.filter((p) => p.trial_days === 0).sort((a, b) => b.max_streams - a.max_streams)[0];
  await api('POST', '/api/subscription/subscriptions', {
    token,
    body: { plan_id: plan.id, payment_method: card.token },
    headers: { 'Idempotency-Key': `bench-${Date.now()}` },
  });
  await until('the entitlement in catalog-api', 60, async () => (await api('GET', '/api/catalog/me/entitlement', { token })).entitled);
  return { email, password, token };
}

// In the page: waits for a <video> to present its first frame; answers ms since `t0`.
const FIRST_FRAME = `(t0) => new Promise((resolve, reject) => {
  const give_up = setTimeout(() => reject(new Error('no frame in 30 s')), 30000);
  const look = () => {
    const video = document.querySelector('video');
    if (!video) return requestAnimationFrame(look);
    video.requestVideoFrameCallback(() => { clearTimeout(give_up); resolve(performance.now() - t0); });
  };
  look();
})`;

async function measureApp(browser, viewer, videoId) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.fill('#email', viewer.email);
  await page.fill('#password', viewer.password);
  await page.click('form button[type=submit]');
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    await page.goto(`${base}/title/${videoId}`);
    const play = page.locator('[data-action=play]');
    await play.waitFor();
    // The click and the clock start together in the page; the player then opens its session,
    // loads its chunks (the first run from the network, later ones from the cache), the
    // manifest and the first segments.
    const ms = await page
      .evaluate(`(${FIRST_FRAME})((() => { const t0 = performance.now(); document.querySelector('[data-action=play]').click(); return t0; })())`)
      .catch(async (error) => {
        throw new Error(`${error.message} at ${page.url()}: ${await page.locator('main').innerText().catch(() => '?')}`);
      });
    times.push(ms);
    await page.waitForTimeout(300);
  }
  await page.goto(`${base}/`); // the player leaves: its session ends
  await context.close();
  return times;
}

async function measureBare(browser, viewer, videoId) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const hls = await readFile(env('HLS_JS'));
  // A page of the gateway's origin (so media needs no CORS) with nothing but hls.js.
  await context.route(`${base}/__bench/bare.html`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><video muted playsinline></video><script src="/__bench/hls.js"></script>' }),
  );
  await context.route(`${base}/__bench/hls.js`, (route) => route.fulfill({ contentType: 'application/javascript', body: hls }));
  const page = await context.newPage();
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    await page.goto(`${base}/__bench/bare.html`);
    // The same steps as the app's player: open a session, then load and play its HLS URL.
    const ms = await page.evaluate(
      `(async ({ token, videoId }) => {
        const t0 = performance.now();
        const frame = (${FIRST_FRAME})(t0);
        const session = await (await fetch('/api/catalog/videos/' + videoId + '/playback', { method: 'POST', headers: { Authorization: 'Bearer ' + token } })).json();
        const video = document.querySelector('video');
        const hls = new Hls();
        hls.loadSource(session.hls_url);
        hls.attachMedia(video);
        video.play();
        const ms = await frame;
        hls.destroy();
        await fetch('/api/catalog/videos/' + videoId + '/playback/' + session.session_id, { method: 'DELETE', headers: { Authorization: 'Bearer ' + token } });
        return ms;
      })(${JSON.stringify({ token: viewer.token, videoId })})`,
    );
    times.push(ms);
  }
  await context.close();
  return times;
}

const videoId = await publishedTitle();
const viewer = await subscribedViewer();
const browser = await chromium.launch({
  executablePath: env('CHROMIUM', '/usr/bin/chromium'),
  args: ['--headless', '--no-sandbox', '--autoplay-policy=no-user-gesture-required'],
});
try {
  log(`play to first frame, ${runs} times in the app and in a bare hls.js page`);
  const app_ms = await measureApp(browser, viewer, videoId);
  const bare_ms = await measureBare(browser, viewer, videoId);
  console.log(JSON.stringify({ video_id: videoId, app_ms, bare_ms }));
} finally {
  await browser.close();
}
