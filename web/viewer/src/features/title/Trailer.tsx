// The trailer button: opens a dialog that plays the title's trailer (anyone may watch one;
// the player loads on demand).
import { lazy, Suspense, useState } from 'react';
import { useI18n } from '@codeflix/web-shared/i18n';
import type { Video } from '../../api/types';

const TrailerDialog = lazy(() => import('../player/TrailerDialog'));

export function TrailerButton({ video }: { video: Video }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!video.media.trailer.ready) return null;
  return (
    <>
      <button type="button" className="button secondary" onClick={() => setOpen(true)}>
        {t('video.trailer')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <TrailerDialog video={video} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
