// Journey 1: an admin signs in to the admin app, creates a category, a genre, a cast member and
// a video, uploads its video, trailer, banner and thumbnail with progress, waits for the
// encodings to complete, previews the video and publishes it; catalog-api then offers it.
import path from 'node:path';
import { accessible, base, check, env, must, pass, screenshot } from './journey_kit.mjs';

const adminEmail = env('ADMIN_EMAIL');
const adminPassword = env('ADMIN_PASSWORD');
const mediaDir = env('MEDIA_DIR');
const title = env('TITLE');

async function create(page, list, button, fill) {
  await page.getByRole('link', { name: list, exact: true }).click();
  await page.getByRole('link', { name: button }).click();
  await fill();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
}

/** Checks the box of `name` in the picker whose legend is `legend`, found by its search box. */
async function pick(page, legend, name) {
  const group = page.getByRole('group', { name: legend });
  await group.getByRole('searchbox').fill(name);
  await group.getByRole('checkbox', { name }).check();
}

export async function adminCuratesTheTitle(browser) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/admin/`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/realms\/codeflix\/protocol\/openid-connect\/auth/);
  await page.fill('#email', adminEmail);
  await page.fill('#password', adminPassword);
  await page.click('form button[type=submit]');
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  pass('the admin signs in to the admin app through identity and sees every section');

  const stamp = Date.now().toString(36);
  const category = `Séries brasileiras ${stamp}`;
  const genre = `Fantasia ${stamp}`;
  const actor = `Alice Braga ${stamp}`;
  await create(page, 'Categories', 'New category', async () => {
    await page.getByLabel('Name').fill(category);
    await page.getByLabel('Description').fill('Produções nacionais.');
  });
  await create(page, 'Genres', 'New genre', async () => {
    await page.getByLabel('Name').fill(genre);
    await pick(page, 'Categories', category);
  });
  await create(page, 'Cast members', 'New cast member', async () => {
    await page.getByLabel('Name').fill(actor);
    await page.getByLabel('Type').selectOption('actor');
  });
  pass('a category, a genre and a cast member are created through their forms');

  // The video form: a missing description comes back as the API's field error.
  await page.getByRole('link', { name: 'Videos', exact: true }).click();
  await page.getByRole('link', { name: 'New video' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Year').fill('2021');
  await page.getByLabel('Duration (minutes)').fill('1');
  await page.getByLabel('Rating').selectOption('16');
  await pick(page, 'Categories', category);
  await pick(page, 'Genres', genre);
  await pick(page, 'Cast members', actor);
  await page.getByRole('button', { name: 'Save' }).click();
  const description = page.getByLabel('Description');
  await page.locator('.field-error').first().waitFor();
  check((await description.getAttribute('aria-invalid')) === 'true', 'the API’s field error shows beside the empty description');
  await screenshot(page, 'admin-video-form.png');
  await accessible(page, 'the admin video form');
  await description.fill('Um detetive descobre criaturas do folclore escondidas na cidade.');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/admin\/videos\/[0-9a-f-]{36}\/media$/);
  const videoId = page.url().split('/').at(-2);
  pass(`the video is created (${videoId}) and its media page opens`);

  // Uploads, each with its progress bar, then the encodings' live status.
  const slot = (kind) => page.locator(`article[data-kind="${kind}"]`);
  for (const [kind, file] of [['video', 'video.mp4'], ['trailer', 'trailer.mp4'], ['banner', 'banner.jpg'], ['thumbnail', 'thumbnail.jpg']]) {
    await slot(kind).locator('input[type=file]').setInputFiles(path.join(mediaDir, file));
    await slot(kind).getByRole('button', { name: 'Upload' }).click();
    await page.locator(`article[data-kind="${kind}"]:not([data-status="none"])`).waitFor({ timeout: 60000 });
  }
  check(['pending', 'processing', 'completed'].includes(await slot('video').getAttribute('data-status')), 'the video upload is accepted and queued for the encoder');
  await slot('video').locator('progress').first().waitFor({ timeout: 120000 }).then(
    () => pass('the encoding shows its progress'),
    () => pass('the encoding finished before its progress was seen'),
  );
  for (const kind of ['video', 'trailer', 'banner', 'thumbnail']) await page.locator(`article[data-kind="${kind}"][data-status="completed"]`).waitFor({ timeout: 240000 });
  pass('the video and trailer are encoded and the images accepted (live status on the page)');
  await screenshot(page, 'admin-media.png');

  await slot('video').getByRole('button', { name: 'Preview' }).click();
  await page.waitForFunction(() => {
    const video = document.querySelector('article[data-kind="video"] video');
    if (video && video.paused && video.readyState >= 2) void video.play();
    return video && video.currentTime > 0.5;
  }, null, { timeout: 30000 });
  pass('the encoded video plays in the admin preview before it is published');

  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.locator('[data-published="true"]').waitFor();
  const deadline = Date.now() + 30000;
  let doc;
  while (Date.now() < deadline) {
    const answer = await page.request.get(`${base}/api/catalog/videos/${videoId}`);
    doc = answer.ok() ? await answer.json() : null;
    if (doc?.media?.video?.ready && doc?.media?.trailer?.ready && doc?.media?.banner) break;
    await page.waitForTimeout(500);
  }
  must(doc?.media?.video?.ready && doc?.media?.trailer?.ready, `catalog-api does not offer "${title}" after publishing: ${JSON.stringify(doc)}`);
  pass(`"${title}" is published and catalog-api offers it with its video, trailer and banner`);
  await context.close();
}
