// A <video> with an adaptive stream and controls people know: play and pause, the scrub bar
// with thumbnails, ten-second jumps, volume and mute, quality (within the plan), full screen,
// and the keyboard (space, arrows, F, M) whenever the player has focus.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '@codeflix/web-shared/i18n';
import { attachStream, type Level, type Sources, type Stream } from './engine';
import { clock } from './problems';
import { Icon } from './icons';
import { ScrubBar } from './ScrubBar';

export interface PlayerReport {
  position: number;
  state: 'playing' | 'paused' | 'ended';
}

export interface VideoPlayerProps {
  title: string;
  sources: Omit<Sources, 'onFatalError' | 'onLevels'>;
  thumbnailsUrl?: string | null;
  autoPlay?: boolean;
  /** Called on play, pause, end and seek. */
  onReport?: (report: PlayerReport) => void;
  /** The video element, for the page's periodic heartbeats. */
  videoRef?: React.RefObject<HTMLVideoElement | null>;
  onFatalError: (detail: string) => void;
}

export function VideoPlayer({ title, sources, thumbnailsUrl, autoPlay = true, onReport, videoRef, onFatalError }: VideoPlayerProps) {
  const { t } = useI18n();
  const frame = useRef<HTMLDivElement>(null);
  const ownVideo = useRef<HTMLVideoElement>(null);
  const video = videoRef ?? ownVideo;
  const stream = useRef<Stream | null>(null);
  const [levels, setLevels] = useState<Level[]>([]);
  const [level, setLevel] = useState(-1);
  const [paused, setPaused] = useState(true);
  const [muted, setMuted] = useState(false);
  const [volume, setVolume] = useState(1);
  const [position, setPosition] = useState(sources.start ?? 0);
  const [duration, setDuration] = useState(0);
  const [fullscreen, setFullscreen] = useState(false);
  const report = useRef(onReport);
  report.current = onReport;
  const fatal = useRef(onFatalError);
  fatal.current = onFatalError;

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let live = true;
    attachStream(element, {
      ...sources,
      onFatalError: (detail) => fatal.current(detail),
      onLevels: () => live && setLevels(stream.current?.levels() ?? []),
    })
      .then((attached) => {
        if (!live) {
          attached?.destroy();
          return;
        }
        if (!attached) {
          fatal.current('unsupported');
          return;
        }
        stream.current = attached;
        setLevels(attached.levels());
        if (autoPlay) element.play().catch(() => setPaused(true));
      })
      .catch((error: unknown) => fatal.current(String(error)));
    return () => {
      live = false;
      stream.current?.destroy();
      stream.current = null;
    };
    // The stream is attached once per source.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sources.hls, sources.dash]);

  // The shortcuts work from the start: the player takes the focus when it opens.
  useEffect(() => frame.current?.focus({ preventScroll: true }), []);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === frame.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const toggle = useCallback(() => {
    const element = video.current;
    if (!element) return;
    if (element.paused) void element.play().catch(() => undefined);
    else element.pause();
  }, [video]);
  const seek = useCallback(
    (seconds: number) => {
      const element = video.current;
      if (!element) return;
      element.currentTime = Math.max(0, Math.min(seconds, element.duration || seconds));
      setPosition(element.currentTime);
    },
    [video],
  );
  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void frame.current?.requestFullscreen?.();
  }, []);
  const changeVolume = (next: number) => {
    const element = video.current;
    if (!element) return;
    element.volume = Math.max(0, Math.min(1, next));
    element.muted = element.volume === 0;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const element = video.current;
    if (!element || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    // Form controls keep their own keys; a slider (volume, scrub bar) keeps its arrows.
    if (target.tagName === 'SELECT' || (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'range')) return;
    if (target.tagName === 'INPUT' && event.key.startsWith('Arrow')) return;
    switch (event.key) {
      case ' ':
      case 'k':
        if (target.tagName === 'BUTTON') return; // the focused button acts on its own
        toggle();
        break;
      case 'ArrowLeft':
        seek(element.currentTime - 10);
        break;
      case 'ArrowRight':
        seek(element.currentTime + 10);
        break;
      case 'ArrowUp':
        changeVolume(element.volume + 0.1);
        break;
      case 'ArrowDown':
        changeVolume(element.volume - 0.1);
        break;
      case 'f':
      case 'F':
        toggleFullscreen();
        break;
      case 'm':
      case 'M':
        element.muted = !element.muted;
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const emit = (state: PlayerReport['state']) => report.current?.({ position: video.current?.currentTime ?? 0, state });

  return (
    <div className="player" ref={frame} onKeyDown={onKeyDown} role="region" aria-label={title} tabIndex={-1}>
      <video
        ref={video}
        className="player-video"
        playsInline
        onClick={toggle}
        onPlay={() => {
          setPaused(false);
          emit('playing');
        }}
        onPause={() => {
          setPaused(true);
          if (!video.current?.ended) emit('paused');
        }}
        onEnded={() => emit('ended')}
        onSeeked={() => emit(video.current?.paused ? 'paused' : 'playing')}
        onTimeUpdate={() => setPosition(video.current?.currentTime ?? 0)}
        onDurationChange={() => setDuration(Number.isFinite(video.current?.duration) ? video.current!.duration : 0)}
        onVolumeChange={() => {
          setMuted(video.current?.muted ?? false);
          setVolume(video.current?.volume ?? 1);
        }}
        onLoadedMetadata={() => setLevels(stream.current?.levels() ?? [])}
      />
      <div className="player-controls">
        <ScrubBar position={position} duration={duration} thumbnailsUrl={thumbnailsUrl} onSeek={seek} />
        <div className="player-buttons">
          <button type="button" className="icon-button" onClick={toggle} aria-label={paused ? t('player.play') : t('player.pause')}>
            <Icon name={paused ? 'play' : 'pause'} />
          </button>
          <button type="button" className="icon-button" onClick={() => seek(position - 10)} aria-label={t('player.back10')}>
            <Icon name="back" />
            <span className="icon-seconds" aria-hidden="true">10</span>
          </button>
          <button type="button" className="icon-button" onClick={() => seek(position + 10)} aria-label={t('player.forward10')}>
            <Icon name="forward" />
            <span className="icon-seconds" aria-hidden="true">10</span>
          </button>
          <span className="player-time" aria-hidden="true">
            {clock(position)} / {clock(duration)}
          </span>
          <button
            type="button"
            className="icon-button"
            onClick={() => {
              if (video.current) video.current.muted = !video.current.muted;
            }}
            aria-label={muted ? t('player.unmute') : t('player.mute')}
          >
            <Icon name={muted ? 'muted' : 'volume'} />
          </button>
          <input
            type="range"
            className="player-volume"
            min={0}
            max={1}
            step={0.05}
            value={muted ? 0 : volume}
            aria-label={t('player.volume')}
            onChange={(event) => changeVolume(Number(event.target.value))}
          />
          {levels.length > 1 && (
            <label className="player-quality">
              <span>{t('player.quality')}</span>
              <select
                value={level}
                onChange={(event) => {
                  const index = Number(event.target.value);
                  stream.current?.setLevel(index);
                  setLevel(index);
                }}
              >
                <option value={-1}>{t('player.auto')}</option>
                {levels.map((l) => (
                  <option key={l.index} value={l.index}>
                    {Math.min(l.height, l.width)}p
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="button"
            className="icon-button"
            onClick={toggleFullscreen}
            aria-label={fullscreen ? t('player.exitFullscreen') : t('player.fullscreen')}
          >
            <Icon name={fullscreen ? 'exitFullscreen' : 'fullscreen'} />
          </button>
        </div>
        <p className="player-shortcuts">{t('player.shortcuts')}</p>
      </div>
    </div>
  );
}
