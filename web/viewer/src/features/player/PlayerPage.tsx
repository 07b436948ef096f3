// Watching a title: opens a playback session (entitlement and stream limit checked by
// catalog-api), plays its signed manifests from the saved position, reports the position by
// heartbeats, and stops the session when the viewer leaves. Loaded on demand with its engines.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useSession } from '@codeflix/web-shared/auth';
import { useI18n } from '@codeflix/web-shared/i18n';
import { catalog } from '../../api/catalog';
import type { PlaybackSession } from '../../api/types';
import { errorText } from '@codeflix/web-shared/status';
import { explain, maxHeightOf, type PlaybackProblem } from './problems';
import { VideoPlayer, type PlayerReport } from './VideoPlayer';

function ProblemPanel({ problem, onRetry }: { problem: PlaybackProblem; onRetry: () => void }) {
  const { t } = useI18n();
  let text: string;
  if (problem.kind === 'stream-limit')
    text =
      problem.maxStreams === 1
        ? t('player.limitOne', { minutes: problem.waitMinutes })
        : t('player.limit', { max: problem.maxStreams, minutes: problem.waitMinutes });
  else if (problem.kind === 'not-ready') text = t('video.notReady');
  else if (problem.kind === 'expired') text = t('player.expired');
  else if (problem.kind === 'not-found') text = t('common.notFound');
  else if (problem.kind === 'plans') text = t('player.ended');
  else if (problem.kind === 'error') text = errorText(problem.error, t);
  else text = t('auth.required');
  return (
    <div className="panel narrow player-problem" role="alert" data-problem={problem.kind}>
      <p>{text}</p>
      <div className="actions">
        {problem.kind === 'plans' ? (
          <Link className="button" to={`/plans?reason=${encodeURIComponent(problem.reason)}`}>
            {t('player.seePlans')}
          </Link>
        ) : problem.kind !== 'not-found' ? (
          <button type="button" className="button" onClick={onRetry}>
            {t('player.tryAgain')}
          </button>
        ) : null}
        <Link className="button secondary" to="/">
          {t('common.backHome')}
        </Link>
      </div>
    </div>
  );
}

export default function PlayerPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const auth = useSession();
  const [playback, setPlayback] = useState<PlaybackSession | null>(null);
  const [problem, setProblem] = useState<PlaybackProblem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [title, setTitle] = useState('');
  const video = useRef<HTMLVideoElement>(null);
  const current = useRef<PlaybackSession | null>(null);
  current.current = playback;

  useEffect(() => {
    const controller = new AbortController();
    catalog
      .video(id, controller.signal)
      .then((v) => setTitle(v.title))
      .catch(() => undefined);
    return () => controller.abort();
  }, [id]);

  // Open the session.
  useEffect(() => {
    if (auth.loading) return;
    if (!auth.user) {
      void auth.signIn(`/watch/${id}`);
      return;
    }
    let live = true;
    setProblem(null);
    (async () => {
      const token = await auth.freshToken();
      if (!token) return auth.signIn(`/watch/${id}`);
      try {
        const opened = await catalog.startPlayback(token, id);
        if (live) setPlayback(opened);
        else void catalog.stopPlayback(token, id, opened.session_id).catch(() => undefined);
      } catch (error) {
        if (!live) return;
        const explained = explain(error);
        if (explained.kind === 'plans') navigate(`/plans?reason=${encodeURIComponent(explained.reason)}`, { replace: true });
        else if (explained.kind === 'sign-in') void auth.signIn(`/watch/${id}`);
        else setProblem(explained);
      }
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, auth.loading, Boolean(auth.user), attempt]);

  // Renewing the token changes `auth`, not `freshToken`: the heartbeats (and the session) go on.
  const { freshToken } = auth;
  const send = useCallback(
    async (state: PlayerReport['state'], position?: number) => {
      const session = current.current;
      if (!session) return;
      const token = await freshToken();
      if (!token) return;
      try {
        await catalog.heartbeat(token, session.video_id, session.session_id, position ?? video.current?.currentTime ?? 0, state);
      } catch (error) {
        const explained = explain(error, session.session_timeout_seconds);
        if (explained.kind === 'plans' || explained.kind === 'expired' || explained.kind === 'not-found') {
          video.current?.pause();
          setPlayback(null);
          setProblem(explained);
        }
      }
    },
    [freshToken],
  );

  // Heartbeats while the session lives; the session ends when the viewer leaves. The
  // element and the token are read through what this effect captured and a ref: by the time the
  // cleanup runs React has let go of the <video> ref, and a renewed token must not end the session.
  const accessToken = useRef(auth.accessToken);
  accessToken.current = auth.accessToken;
  useEffect(() => {
    if (!playback) return;
    const element = video.current;
    const timer = window.setInterval(() => {
      if (element && !element.paused) void send('playing');
    }, playback.heartbeat_interval_seconds * 1000);
    let left = false;
    const leave = () => {
      const token = accessToken.current;
      if (left || !token) return;
      left = true;
      // One request that outlives the page (keepalive): it saves the position and, with the
      // state `ended`, ends the session and frees its stream.
      void catalog.heartbeat(token, playback.video_id, playback.session_id, element?.currentTime ?? 0, 'ended').catch(() => undefined);
    };
    window.addEventListener('pagehide', leave);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [playback, send]);

  const onReport = useCallback((report: PlayerReport) => void send(report.state, report.position), [send]);
  const onFatalError = useCallback(
    (detail: string) =>
      setProblem({ kind: 'error', error: new Error(detail === 'unsupported' ? t('player.unsupported') : t('player.mediaError')) }),
    [t],
  );

  return (
    <main className="watch" id="main">
      <div className="watch-bar">
        <Link className="button secondary" to={`/title/${id}`}>
          ← {t('player.back')}
        </Link>
        <h1 className="watch-title">{title}</h1>
      </div>
      {problem ? (
        <ProblemPanel problem={problem} onRetry={() => setAttempt((n) => n + 1)} />
      ) : playback ? (
        <VideoPlayer
          title={title || t('video.play')}
          videoRef={video}
          sources={{
            hls: playback.hls_url,
            dash: playback.dash_url,
            start: playback.resume_position_seconds,
            maxHeight: maxHeightOf(playback.max_quality),
            prefer: new URLSearchParams(window.location.search).get('engine') === 'dash' ? 'dash' : 'hls',
          }}
          thumbnailsUrl={playback.thumbnails_url}
          onReport={onReport}
          onFatalError={onFatalError}
        />
      ) : (
        <p className="status" role="status">
          {t('player.starting')}
        </p>
      )}
    </main>
  );
}
