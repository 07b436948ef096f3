// Attaches an adaptive stream to a <video>: hls.js where Media Source Extensions exist, the
// browser's own HLS (Safari, iOS) otherwise, dash.js when neither plays HLS. The libraries are
// loaded on demand, so none of them weighs on the first page.

export interface Level {
  /** The engine's index of the rendition. */
  index: number;
  height: number;
  width: number;
  bitrate: number;
}

export interface Stream {
  engine: 'hls.js' | 'native' | 'dash.js';
  /** The renditions, lowest first (empty when the browser chooses alone). */
  levels: () => Level[];
  /** -1: automatic. */
  setLevel: (index: number) => void;
  currentLevel: () => number;
  destroy: () => void;
}

export interface Sources {
  hls: string;
  dash: string;
  /** Never pick a rendition taller than this (the plan's quality). */
  maxHeight?: number;
  /** Seconds to start from. */
  start?: number;
  /** Forces one engine (tests and the budget script compare them). */
  prefer?: 'hls' | 'dash';
  onFatalError: (detail: string) => void;
  onLevels?: () => void;
}

const byHeight = (a: Level, b: Level) => a.height - b.height || a.bitrate - b.bitrate;

async function withHlsJs(video: HTMLVideoElement, sources: Sources): Promise<Stream | null> {
  const { default: Hls } = await import('hls.js');
  if (!Hls.isSupported()) return null;
  const hls = new Hls({
    startPosition: sources.start && sources.start > 0 ? sources.start : -1,
    capLevelToPlayerSize: false,
    backBufferLength: 30,
  });
  hls.on(Hls.Events.MANIFEST_PARSED, () => {
    if (sources.maxHeight) {
      const allowed = hls.levels.map((l, i) => ({ i, h: Math.min(l.height, l.width) })).filter((l) => l.h <= sources.maxHeight!);
      if (allowed.length) hls.autoLevelCapping = allowed[allowed.length - 1].i;
    }
    sources.onLevels?.();
  });
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (!data.fatal) return;
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
      hls.recoverMediaError();
      return;
    }
    sources.onFatalError(`${data.type}: ${data.details}`);
  });
  hls.loadSource(sources.hls);
  hls.attachMedia(video);
  const levels = () =>
    hls.levels
      .map((l, index) => ({ index, height: l.height, width: l.width, bitrate: l.bitrate }))
      .filter((l) => !sources.maxHeight || Math.min(l.height, l.width) <= sources.maxHeight)
      .sort(byHeight);
  return {
    engine: 'hls.js',
    levels,
    setLevel: (index) => {
      hls.currentLevel = index;
    },
    currentLevel: () => (hls.autoLevelEnabled ? -1 : hls.currentLevel),
    destroy: () => hls.destroy(),
  };
}

async function withDashJs(video: HTMLVideoElement, sources: Sources): Promise<Stream | null> {
  if (typeof window.MediaSource === 'undefined' && !('ManagedMediaSource' in window)) return null;
  const dashjs = await import('dashjs');
  const player = dashjs.MediaPlayer().create();
  player.on(dashjs.MediaPlayer.events.ERROR, (event: unknown) => {
    const error = (event as { error?: { message?: string } }).error;
    sources.onFatalError(`dash.js: ${error?.message ?? 'error'}`);
  });
  player.on(dashjs.MediaPlayer.events.STREAM_INITIALIZED, () => sources.onLevels?.());
  player.initialize(video, sources.dash, true, sources.start && sources.start > 0 ? sources.start : undefined);
  const representations = () => player.getRepresentationsByType('video') ?? [];
  return {
    engine: 'dash.js',
    levels: () =>
      representations()
        .map((r, index) => ({ index, height: r.height ?? 0, width: r.width ?? 0, bitrate: r.bandwidth ?? 0 }))
        .filter((l) => !sources.maxHeight || Math.min(l.height, l.width) <= sources.maxHeight)
        .sort(byHeight),
    setLevel: (index) => {
      const automatic = index < 0;
      player.updateSettings({ streaming: { abr: { autoSwitchBitrate: { video: automatic } } } });
      if (!automatic) player.setRepresentationForTypeByIndex('video', index, true);
    },
    currentLevel: () => {
      const settings = player.getSettings();
      if (settings.streaming?.abr?.autoSwitchBitrate?.video !== false) return -1;
      return player.getCurrentRepresentationForType('video')?.index ?? -1;
    },
    destroy: () => player.destroy(),
  };
}

function native(video: HTMLVideoElement, sources: Sources): Stream | null {
  if (!video.canPlayType('application/vnd.apple.mpegurl')) return null;
  video.src = sources.hls + (sources.start ? `#t=${sources.start}` : '');
  return { engine: 'native', levels: () => [], setLevel: () => undefined, currentLevel: () => -1, destroy: () => video.removeAttribute('src') };
}

/** Starts the stream on `video`; null when this browser cannot play either format. */
export async function attachStream(video: HTMLVideoElement, sources: Sources): Promise<Stream | null> {
  if (sources.prefer === 'dash') return (await withDashJs(video, sources)) ?? (await withHlsJs(video, sources)) ?? native(video, sources);
  return (await withHlsJs(video, sources)) ?? native(video, sources) ?? (await withDashJs(video, sources));
}
