// The trailer button: opens a dialog that plays the title's trailer (anyone may watch one;
// the player's engine loads on demand).
import { useState } from 'react';
import { useI18n } from '@codeflix/web-shared/i18n';
import type { Video } from '../../api/types';
import TrailerDialog from '../player/TrailerDialog';

export function TrailerButton({ video }: { video: Video }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!video.media.trailer.ready) return null;
  return (
    <>
      <button type="button" className="button secondary" onClick={() => setOpen(true)}>
        {t('video.trailer')}
      </button>
      {open && <TrailerDialog video={video} onClose={() => setOpen(false)} />}
    </>
  );
}
