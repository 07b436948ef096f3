// A video's media: each slot uploaded to its signed URL with a progress bar, then checked by
// catalog-admin and (video, trailer) encoded, with the encoding's live status; a preview of
// what was encoded; publish and unpublish.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError, newIdempotencyKey } from '@codeflix/web-shared/api';
import { useI18n } from '@codeflix/web-shared/i18n';
import { ErrorMessage, errorText, Loading } from '@codeflix/web-shared/status';
import { CATALOG, ifMatch, useCall } from '../../api/client';
import { uploadFile, UploadError } from '../../api/upload';
import { MEDIA_KINDS, type MediaKind, type UploadTicket, type Video } from '../../api/types';
import { Preview } from './Preview';
import { VideoTabs } from './videos';

const ACCEPT: Record<MediaKind, string> = {
  video: 'video/*,.mkv,.ts',
  trailer: 'video/*,.mkv,.ts',
  banner: 'image/jpeg,image/png,image/webp',
  thumbnail: 'image/jpeg,image/png,image/webp',
  thumbnail_half: 'image/jpeg,image/png,image/webp',
};
const BY_EXTENSION: Record<string, string> = {
  mp4: 'video/mp4', m4v: 'video/x-m4v', mov: 'video/quicktime', mkv: 'video/x-matroska', webm: 'video/webm',
  ts: 'video/mp2t', avi: 'video/x-msvideo', mpg: 'video/mpeg', mpeg: 'video/mpeg', flv: 'video/x-flv',
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp',
};

/** The type to declare for a file: the browser's, else the one its extension names. */
export function contentTypeOf(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  return BY_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

const busy = (video: Video) => MEDIA_KINDS.some((kind) => ['pending', 'processing'].includes(video.media[kind].status));

export function VideoMedia() {
  const { t } = useI18n();
  const { id } = useParams();
  const call = useCall();
  const [video, setVideo] = useState<Video | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const url = `${CATALOG.videos}/${id}`;

  // A poll that started before an upload completed may answer after it: the newer version wins.
  const adopt = useCallback((next: Video) => setVideo((previous) => (previous && previous.version > next.version ? previous : next)), []);
  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        adopt((await call<Video>(url, { signal })).body);
        setError(null);
      } catch (e) {
        if (!signal?.aborted) setError(e);
      }
    },
    [call, url, adopt],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);
  // While something is being checked or encoded, its status is fetched every 2 seconds.
  const encoding = video ? busy(video) : false;
  useEffect(() => {
    if (!encoding) return;
    const controller = new AbortController();
    const timer = window.setInterval(() => void load(controller.signal), 2000);
    return () => {
      window.clearInterval(timer);
      controller.abort();
    };
  }, [encoding, load]);

  if (error && !video) return <ErrorMessage error={error} onRetry={() => void load()} />;
  if (!video) return <Loading />;

  const publish = async (published: boolean) => {
    setPublishing(true);
    setNotice(null);
    try {
      setVideo((await call<Video>(url, { method: 'PATCH', body: { published }, headers: ifMatch(video.version) })).body);
      setNotice(published ? t('media.publishedNow') : t('media.unpublishedNow'));
    } catch (e) {
      setNotice(e instanceof ApiError && e.status === 412 ? t('form.conflict') : errorText(e, t));
      void load();
    } finally {
      setPublishing(false);
    }
  };

  return (
    <section className="edit-page">
      <h1>{t('video.edit', { name: video.title })}</h1>
      <VideoTabs id={video.id} current="media" />
      <div className="publish-bar">
        <p data-published={video.published}>{video.published ? t('media.isPublished') : t('media.isDraft')}</p>
        <button type="button" className={video.published ? 'button secondary' : 'button'} disabled={publishing} onClick={() => void publish(!video.published)}>
          {video.published ? t('media.unpublish') : t('media.publish')}
        </button>
        {!video.published && video.media.video.status !== 'completed' && <small className="hint">{t('media.publishHint')}</small>}
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <div className="slots">
        {MEDIA_KINDS.map((kind) => (
          <Slot key={kind} video={video} kind={kind} onChanged={adopt} />
        ))}
      </div>
    </section>
  );
}

type Phase = { step: 'idle' } | { step: 'uploading'; fraction: number } | { step: 'checking' } | { step: 'failed'; message: string };

function Slot({ video, kind, onChanged }: { video: Video; kind: MediaKind; onChanged: (video: Video) => void }) {
  const { t } = useI18n();
  const call = useCall();
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file input once its file was sent.
  const [round, setRound] = useState(0);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const cancel = useRef<AbortController | null>(null);
  useEffect(() => () => cancel.current?.abort(), []);
  const slot = video.media[kind];
  const base = `${CATALOG.videos}/${video.id}/media/${kind}/uploads`;

  const upload = async () => {
    if (!file) return;
    const controller = new AbortController();
    cancel.current = controller;
    setPhase({ step: 'uploading', fraction: 0 });
    try {
      const ticket = (
        await call<UploadTicket>(base, {
          method: 'POST',
          body: { file_name: file.name, size: file.size, content_type: contentTypeOf(file) },
          idempotencyKey: newIdempotencyKey(),
          signal: controller.signal,
        })
      ).body;
      await uploadFile(ticket, file, (fraction) => setPhase({ step: 'uploading', fraction }), controller.signal);
      setPhase({ step: 'checking' });
      onChanged((await call<Video>(`${base}/${ticket.id}/complete`, { method: 'POST' })).body);
      setPhase({ step: 'idle' });
      setFile(null);
      setRound((n) => n + 1);
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return setPhase({ step: 'idle' });
      const message =
        e instanceof UploadError ? t(e.status === 410 ? 'media.uploadExpired' : e.status ? 'media.uploadRefused' : 'media.uploadInterrupted', { status: e.status })
        : e instanceof ApiError ? (e.fieldError('file') ?? e.fieldError('size') ?? e.fieldError('content_type') ?? e.detail)
        : errorText(e, t);
      setPhase({ step: 'failed', message });
    }
  };

  const encoded = slot.current && 'hls' in slot.current ? slot.current : null;
  const picture = slot.current?.url ?? slot.current?.poster_url;
  const inputId = `file-${kind}`;
  return (
    <article className="slot" data-kind={kind} data-status={slot.status} aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{t(`media.${kind}`)}</h2>
      <p className={`slot-status status-${slot.status}`} role="status">
        {t(`status.${slot.status}`)}
        {slot.status === 'processing' && ` · ${slot.progress}%`}
      </p>
      {slot.status === 'processing' && <progress max={100} value={slot.progress} aria-label={t('media.encodingProgress', { kind: t(`media.${kind}`) })} />}
      {slot.status === 'failed' && slot.error && (
        <p className="field-error" role="alert">
          {slot.error}
        </p>
      )}
      {picture && <img className="slot-picture" src={picture} alt={t('media.current', { kind: t(`media.${kind}`) })} loading="lazy" />}
      {encoded && (
        <p className="hint">
          {t('media.encoded', { seconds: Math.round(encoded.duration_seconds ?? 0), rungs: (encoded.renditions ?? []).map((r) => `${r.height}p`).join(', ') })}
        </p>
      )}
      {encoded && (kind === 'video' || kind === 'trailer') && <Preview videoId={video.id} kind={kind} encodingKey={encoded.hls ?? ''} />}
      <div className="slot-upload">
        <label htmlFor={inputId}>{t('media.chooseFile', { kind: t(`media.${kind}`) })}</label>
        <input key={round} id={inputId} type="file" accept={ACCEPT[kind]} disabled={phase.step === 'uploading' || phase.step === 'checking'} onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        <button type="button" className="button small" disabled={!file || phase.step === 'uploading' || phase.step === 'checking'} onClick={() => void upload()}>
          {t('media.upload')}
        </button>
        {phase.step === 'uploading' && (
          <>
            <progress max={1} value={phase.fraction} aria-label={t('media.uploadProgress', { kind: t(`media.${kind}`) })} />
            <span>{Math.round(phase.fraction * 100)}%</span>
            <button type="button" className="button secondary small" onClick={() => cancel.current?.abort()}>
              {t('common.cancel')}
            </button>
          </>
        )}
        {phase.step === 'checking' && <span role="status">{t('media.checking')}</span>}
        {phase.step === 'failed' && (
          <p className="field-error" role="alert">
            {phase.message}
          </p>
        )}
      </div>
    </article>
  );
}
