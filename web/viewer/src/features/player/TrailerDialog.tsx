// A modal dialog playing a title's trailer from catalog-api's public, short-lived trailer URLs.
import { useEffect, useRef, useState } from 'react';
import { useLoad } from '@codeflix/web-shared/hooks';
import { useI18n } from '@codeflix/web-shared/i18n';
import { catalog } from '../../api/catalog';
import type { Video } from '../../api/types';
import { ErrorMessage, Loading } from '@codeflix/web-shared/status';
import { VideoPlayer } from './VideoPlayer';

export default function TrailerDialog({ video, onClose }: { video: Video; onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [failed, setFailed] = useState<Error | null>(null);
  const trailer = useLoad((signal) => catalog.trailer(video.id, signal), [video.id]);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal?.();
    return () => element?.close?.();
  }, []);
  return (
    <dialog ref={dialog} className="trailer-dialog" aria-label={`${t('video.trailer')}: ${video.title}`} onClose={onClose}>
      <form method="dialog" className="dialog-close">
        <button type="submit" className="icon-button" aria-label={t('player.back')}>
          ✕
        </button>
      </form>
      {trailer.error || failed ? (
        <ErrorMessage error={trailer.error ?? failed} />
      ) : !trailer.data ? (
        <Loading />
      ) : (
        <VideoPlayer
          title={`${t('video.trailer')}: ${video.title}`}
          sources={{ hls: trailer.data.hls_url, dash: trailer.data.dash_url }}
          onFatalError={() => setFailed(new Error(t('player.mediaError')))}
        />
      )}
    </dialog>
  );
}
