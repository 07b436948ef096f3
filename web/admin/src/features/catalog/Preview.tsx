// Plays what the encoder made for a slot, before the title is published: catalog-admin signs a
// short-lived URL of the encoding (GET .../media/{kind}/preview); hls.js is loaded on demand.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '@codeflix/web-shared/i18n';
import { errorText } from '@codeflix/web-shared/status';
import { CATALOG, useCall } from '../../api/client';
import type { Preview as PreviewUrls } from '../../api/types';

export function Preview({ videoId, kind, encodingKey }: { videoId: string; kind: 'video' | 'trailer'; encodingKey: string }) {
  const { t } = useI18n();
  const call = useCall();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const element = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    let destroy = () => undefined as void;
    let live = true;
    (async () => {
      try {
        const urls = (await call<PreviewUrls>(`${CATALOG.videos}/${videoId}/media/${kind}/preview`)).body;
        const video = element.current;
        if (!live || !video) return;
        const { default: Hls } = await import('hls.js');
        if (!live) return; // closed while hls.js loaded
        if (Hls.isSupported()) {
          const hls = new Hls();
          hls.loadSource(urls.hls_url);
          hls.attachMedia(video);
          destroy = () => hls.destroy();
        } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
          video.src = urls.hls_url;
        } else {
          setProblem(t('media.previewUnsupported'));
        }
      } catch (e) {
        if (live) setProblem(errorText(e, t));
      }
    })();
    return () => {
      live = false;
      destroy();
    };
  }, [open, call, videoId, kind, encodingKey, t]);

  if (!open)
    return (
      <button type="button" className="button secondary small" onClick={() => setOpen(true)}>
        {t('media.preview')}
      </button>
    );
  return (
    <div className="preview">
      {/* eslint-disable-next-line jsx-a11y/media-has-caption -- a preview of the encoder's output */}
      <video ref={element} controls playsInline muted aria-label={t('media.previewOf', { kind: t(`media.${kind}`) })} />
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
