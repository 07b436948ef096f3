// Playback checker: plays an HLS or DASH manifest in headless Chromium with hls.js or dash.js (the
// dashjs package) and checks that the video really plays.
//
//   node play.mjs <hls|dash> <manifest URL> [--seconds 3] [--timeout 60] [--screenshot path.png]
//
// The player page is served same-origin as the manifest, so the media server needs no CORS: the
// paths /__codeflix_player__/index.html, /__codeflix_player__/hls.min.js and
// /__codeflix_player__/dash.all.min.js on the manifest's origin are answered by this script
// (page.route; the libraries come from node_modules beside it); every other request goes to the
// real server. The page attaches the player to a muted <video> and plays it.
//
// Success: video.currentTime advanced by at least --seconds from where playback started, the video
// has decoded frames (videoWidth > 0 and getVideoPlaybackQuality().totalVideoFrames > 0), and the
// player reported no fatal error (hls.js Hls.Events.ERROR with data.fatal; dash.js `error` and
// `playbackError` events; a <video> MediaError; autoplay refused).
// Prints one JSON line on stdout: {ok, player, playerVersion, url, message, currentTime, advanced,
// videoWidth, videoHeight, totalVideoFrames, droppedVideoFrames, levels (video heights), errors,
// requests (segment requests: XHR/fetch other than .m3u8/.mpd), manifestRequests, httpErrors,
// elapsedMs}. On failure the reason is also printed on stderr as "FAIL: ...".
// Exit status: 0 played, 1 failed (timeouts included: --timeout bounds the whole run), 2 bad usage.
// --screenshot saves a PNG of the page at the end of the run (success or failure).
// CHROMIUM overrides the browser binary (default /usr/bin/chromium).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const USAGE = 'usage: node play.mjs <hls|dash> <manifest URL> [--seconds 3] [--timeout 60] [--screenshot path.png]';
const HERE = path.dirname(fileURLToPath(import.meta.url));
const PLAYER_DIR = '/__codeflix_player__/';
const LIBRARIES = {
  hls: { file: 'hls.min.js', source: 'node_modules/hls.js/dist/hls.min.js' },
  dash: { file: 'dash.all.min.js', source: 'node_modules/dashjs/dist/modern/umd/dash.all.min.js' },
};
const BROWSER_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--autoplay-policy=no-user-gesture-required'];
const POLL_MS = 200;

function usage(message) {
  console.error(`play.mjs: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { seconds: 3, timeout: 60, screenshot: null };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    }
    const m = /^--(seconds|timeout|screenshot)(?:=(.*))?$/.exec(arg);
    if (!m) {
      if (arg.startsWith('--')) usage(`unknown option ${arg}`);
      positional.push(arg);
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') usage(`--${m[1]} needs a value`);
    if (m[1] === 'screenshot') {
      opts.screenshot = value;
    } else {
      const n = Number(value);
      if (!Number.isFinite(n) || n <= 0) usage(`--${m[1]} must be a positive number, got "${value}"`);
      opts[m[1]] = n;
    }
  }
  if (positional.length !== 2) usage('expected a player and a manifest URL');
  [opts.player, opts.url] = positional;
  if (!LIBRARIES[opts.player]) usage(`the player must be hls or dash, got "${opts.player}"`);
  let url;
  try {
    url = new URL(opts.url);
  } catch {
    usage(`not a URL: ${opts.url}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') usage(`the manifest URL must be http(s): ${opts.url}`);
  opts.origin = url.origin;
  return opts;
}

// Runs inside the page (stringified into the synthetic player page). State for the checker goes to
// window.__codeflix.
function pageMain(config) {
  const state = { version: null, errors: [], fatal: null, levels: [], startPosition: null };
  window.__codeflix = state;
  const video = document.getElementById('video');
  const status = document.getElementById('status');
  video.muted = true;
  const addError = (fatal, message) => {
    if (state.errors.length < 20) state.errors.push({ fatal, message });
    if (fatal && state.fatal === null) {
      state.fatal = message;
      status.textContent = `FATAL: ${message}`;
    }
  };
  video.addEventListener('playing', () => {
    if (state.startPosition === null) state.startPosition = video.currentTime;
    if (state.fatal === null) status.textContent = `playing (${config.player} ${state.version})`;
  });
  video.addEventListener('error', () => {
    const e = video.error;
    addError(true, `<video> MediaError ${e?.code}: ${e?.message || 'no message'}`);
  });
  const play = () => video.play().catch((e) =>
    addError(e.name === 'NotAllowedError', `video.play() rejected: ${e.name}: ${e.message}`));

  if (config.player === 'hls') {
    if (typeof Hls === 'undefined') return addError(true, 'hls.js did not load');
    state.version = Hls.version;
    if (!Hls.isSupported()) return addError(true, 'hls.js: Media Source Extensions are not supported here');
    const hls = new Hls();
    window.__codeflixPlayer = hls;
    hls.on(Hls.Events.ERROR, (event, data) => {
      const code = data.response?.code || data.networkDetails?.status;
      const url = data.url ?? data.frag?.url ?? data.context?.url;
      addError(!!data.fatal, `hls.js ${data.fatal ? 'fatal' : 'non-fatal'} error ${data.type}/${data.details}` +
        `${code ? ` (HTTP ${code})` : ''}${url ? ` ${url}` : ''}${data.error?.message ? `: ${data.error.message}` : ''}`);
    });
    hls.on(Hls.Events.MANIFEST_PARSED, () => {
      state.levels = hls.levels.map((level) => level.height);
      play();
    });
    hls.loadSource(config.url);
    hls.attachMedia(video);
  } else {
    if (typeof dashjs === 'undefined') return addError(true, 'dash.js did not load');
    const player = dashjs.MediaPlayer().create();
    window.__codeflixPlayer = player;
    state.version = player.getVersion();
    const events = dashjs.MediaPlayer.events;
    player.on(events.ERROR, (e) => {
      const error = e.error ?? {};
      addError(true, `dash.js error ${error.code ?? '?'}: ${error.message ?? JSON.stringify(error)}`);
    });
    player.on(events.PLAYBACK_ERROR, (e) =>
      addError(true, `dash.js playbackError: ${e.error?.message ?? e.error?.code ?? 'unknown'}`));
    player.on(events.PLAYBACK_NOT_ALLOWED, () => addError(true, 'dash.js playbackNotAllowed: autoplay refused'));
    // dash.js 5 removed getBitrateInfoListFor(); representations carry the heights.
    player.on(events.STREAM_INITIALIZED, () => {
      state.levels = player.getRepresentationsByType('video').map((r) => r.height);
    });
    player.initialize(video, config.url, true);
  }
}

function playerPage(player) {
  const config = JSON.stringify({ player: player.name, url: player.url }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CODEFLIX playback check</title>
<style>body{margin:0;background:#111;color:#eee;font:14px sans-serif}
video{display:block;width:640px;height:360px;background:#000}#status{padding:8px}</style></head>
<body><video id="video" muted playsinline></video><div id="status">loading ${player.name}</div>
<script src="${PLAYER_DIR}${LIBRARIES[player.name].file}"></script>
<script>(${pageMain.toString()})(${config});</script>
</body></html>
`;
}

const snapshot = (page) => page.evaluate(() => {
  const video = document.getElementById('video');
  const state = window.__codeflix;
  const quality = video?.getVideoPlaybackQuality?.();
  return {
    loaded: !!state,
    version: state?.version ?? null,
    fatal: state?.fatal ?? null,
    errors: state?.errors ?? [],
    levels: state?.levels ?? [],
    startPosition: state?.startPosition ?? null,
    currentTime: video?.currentTime ?? 0,
    videoWidth: video?.videoWidth ?? 0,
    videoHeight: video?.videoHeight ?? 0,
    readyState: video?.readyState ?? 0,
    paused: video?.paused ?? true,
    ended: video?.ended ?? false,
    duration: Number.isFinite(video?.duration) ? video.duration : null,
    totalVideoFrames: quality?.totalVideoFrames ?? 0,
    droppedVideoFrames: quality?.droppedVideoFrames ?? 0,
  };
});

class Failure extends Error {}

const advancedBy = (s) => (s && s.startPosition !== null ? s.currentTime - s.startPosition : 0);

function describe(ctx, opts) {
  const s = ctx.last;
  const parts = [];
  if (!s) parts.push('the player page never reported a state');
  else {
    parts.push(`currentTime ${s.currentTime.toFixed(2)} (advanced ${advancedBy(s).toFixed(2)} of ${opts.seconds} s` +
      `${s.startPosition === null ? ', never started playing' : ''})`);
    parts.push(`videoWidth ${s.videoWidth}, frames ${s.totalVideoFrames}, readyState ${s.readyState}, ` +
      `paused ${s.paused}`);
  }
  parts.push(`${ctx.segmentRequests} segment request(s)`);
  if (ctx.pending.size) {
    const urls = [...ctx.pending.values()];
    parts.push(`no response yet for ${urls.slice(0, 3).join(', ')}${urls.length > 3 ? ` and ${urls.length - 3} more` : ''}`);
  }
  if (ctx.httpErrors.length) {
    const counts = new Map();
    for (const e of ctx.httpErrors) counts.set(e, (counts.get(e) ?? 0) + 1);
    const distinct = [...counts].map(([e, n]) => (n > 1 ? `${e} (x${n})` : e));
    parts.push(`HTTP errors: ${distinct.slice(0, 3).join(', ')}` +
      `${distinct.length > 3 ? ` and ${distinct.length - 3} more` : ''}`);
  }
  const nonFatal = (s?.errors ?? []).filter((e) => !e.fatal);
  if (nonFatal.length) parts.push(`last player error: ${nonFatal[nonFatal.length - 1].message}`);
  return parts.join('; ');
}

async function run(opts, ctx) {
  const remaining = () => Math.max(1000, ctx.deadline - Date.now());
  const player = { name: opts.player, url: opts.url };
  const library = readFileSync(path.join(HERE, LIBRARIES[opts.player].source));
  const html = playerPage(player);
  const routed = new Set([`${PLAYER_DIR}index.html`, `${PLAYER_DIR}${LIBRARIES.hls.file}`,
    `${PLAYER_DIR}${LIBRARIES.dash.file}`]);

  ctx.browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: BROWSER_ARGS,
    timeout: remaining(),
  });
  const context = await ctx.browser.newContext({ viewport: { width: 800, height: 450 } });
  const page = await context.newPage();
  ctx.page = page;

  await page.route((url) => url.origin === opts.origin && routed.has(url.pathname), (route) => {
    const { pathname } = new URL(route.request().url());
    const headers = { 'Cache-Control': 'no-store' };
    if (pathname.endsWith('.html')) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html, headers });
    if (pathname.endsWith(LIBRARIES[opts.player].file)) {
      return route.fulfill({ status: 200, contentType: 'application/javascript', body: library, headers });
    }
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not this player', headers });
  });
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith(PLAYER_DIR)) return;
    const type = request.resourceType();
    if (type !== 'xhr' && type !== 'fetch') return;
    if (/\.(m3u8|mpd)$/i.test(pathname)) ctx.manifestRequests++;
    else ctx.segmentRequests++;
  });
  // Requests to the media server still unanswered (named in a timeout message).
  page.on('request', (request) => {
    if (!new URL(request.url()).pathname.startsWith(PLAYER_DIR)) ctx.pending.set(request, request.url());
  });
  page.on('requestfinished', (request) => ctx.pending.delete(request));
  page.on('response', (response) => {
    ctx.pending.delete(response.request());
    if (response.status() >= 400) ctx.httpErrors.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    ctx.pending.delete(request);
    ctx.httpErrors.push(`${request.failure()?.errorText ?? 'failed'} ${request.url()}`);
  });
  page.on('pageerror', (error) => ctx.pageErrors.push(`page error: ${error.message}`));

  await page.goto(`${opts.origin}${PLAYER_DIR}index.html`, { waitUntil: 'load', timeout: remaining() });

  let [lastTime, lastMove] = [-1, Date.now()];
  for (;;) {
    if (ctx.stopped) return;
    ctx.last = await snapshot(page);
    const s = ctx.last;
    if (!s.loaded) {
      throw new Failure(`the player page did not start${ctx.pageErrors.length ? `: ${ctx.pageErrors[0]}` : ''}`);
    }
    if (s.fatal) throw new Failure(`${s.fatal} (${describe(ctx, opts)})`);
    const advanced = advancedBy(s);
    if (advanced >= opts.seconds && s.videoWidth > 0 && s.totalVideoFrames > 0) return;
    // Near the end a player may stall a few frames short of the duration instead of ending.
    if (s.currentTime !== lastTime) [lastTime, lastMove] = [s.currentTime, Date.now()];
    const atEnd = s.ended || (s.duration !== null && s.currentTime >= s.duration - 0.5 && Date.now() - lastMove > 2000);
    if (atEnd) {
      throw new Failure(`the video ended (duration ${s.duration?.toFixed(2)} s) before playing ${opts.seconds} s: ` +
        describe(ctx, opts));
    }
    if (Date.now() >= ctx.deadline) {
      throw new Failure(`timed out after ${opts.timeout} s: ${describe(ctx, opts)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

// Resolves to the promise's value, or to FALLBACK after MS (for cleanup steps that must not hang).
const within = (promise, ms, fallback) => Promise.race([promise.catch(() => fallback),
  new Promise((resolve) => setTimeout(() => resolve(fallback), ms).unref())]);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const ctx = {
    deadline: started + opts.timeout * 1000, browser: null, page: null, last: null, stopped: false,
    segmentRequests: 0, manifestRequests: 0, httpErrors: [], pageErrors: [], pending: new Map(),
  };
  const result = () => {
    const s = ctx.last;
    return {
      ok: false, player: opts.player, playerVersion: s?.version ?? null, url: opts.url, message: '',
      currentTime: s ? Number(s.currentTime.toFixed(3)) : 0, advanced: Number(advancedBy(s).toFixed(3)),
      videoWidth: s?.videoWidth ?? 0, videoHeight: s?.videoHeight ?? 0,
      totalVideoFrames: s?.totalVideoFrames ?? 0, droppedVideoFrames: s?.droppedVideoFrames ?? 0,
      levels: s?.levels ?? [], errors: [...(s?.errors ?? []), ...ctx.pageErrors.map((m) => ({ fatal: false, message: m }))],
      requests: ctx.segmentRequests, manifestRequests: ctx.manifestRequests, httpErrors: ctx.httpErrors.slice(0, 20),
      elapsedMs: Date.now() - started,
    };
  };
  const finish = (out) => {
    console.log(JSON.stringify(out));
    if (!out.ok) console.error(`FAIL: ${out.message}`);
    process.exit(out.ok ? 0 : 1);
  };
  // Last resort if the browser itself stops answering (cleanup below is bounded too).
  setTimeout(() => finish({ ...result(), message: `hung: no result ${opts.timeout + 20} s after the start` }),
    (opts.timeout + 20) * 1000).unref();

  let timer;
  const overall = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Failure(`timed out after ${opts.timeout} s: ${describe(ctx, opts)}`)),
      opts.timeout * 1000 + 2000);
  });
  const out = result();
  try {
    await Promise.race([run(opts, ctx), overall]);
    Object.assign(out, result(), { ok: true, message: `played ${advancedBy(ctx.last).toFixed(2)} s` });
  } catch (error) {
    ctx.stopped = true;
    Object.assign(out, result(), { message: error instanceof Failure ? error.message : `play.mjs stopped: ${error.stack ?? error}` });
  } finally {
    clearTimeout(timer);
  }
  if (opts.screenshot && ctx.page) {
    const shot = await within(ctx.page.screenshot({ path: opts.screenshot, timeout: 5000 }).then(() => true), 6000, false);
    out.screenshot = shot ? opts.screenshot : null;
  }
  if (ctx.browser) await within(ctx.browser.close(), 5000);
  finish(out);
}

main();
