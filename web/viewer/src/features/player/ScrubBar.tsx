// The position slider, with the trick-play thumbnail of the time under the pointer.
import { useEffect, useState, type PointerEvent } from 'react';
import { useI18n } from '@codeflix/web-shared/i18n';
import { clock } from './problems';
import { cueAt, parseTrickplay, type Cue } from './trickplay';

function useTrickplay(url: string | null | undefined): Cue[] {
  const [cues, setCues] = useState<Cue[]>([]);
  useEffect(() => {
    if (!url) return;
    const controller = new AbortController();
    fetch(url, { signal: controller.signal })
      .then((response) => (response.ok ? response.text() : ''))
      .then((text) => setCues(parseTrickplay(text, url)))
      .catch(() => setCues([]));
    return () => controller.abort();
  }, [url]);
  return cues;
}

export function ScrubBar({
  position,
  duration,
  thumbnailsUrl,
  onSeek,
}: {
  position: number;
  duration: number;
  thumbnailsUrl?: string | null;
  onSeek: (seconds: number) => void;
}) {
  const { t } = useI18n();
  const cues = useTrickplay(thumbnailsUrl);
  const [hover, setHover] = useState<{ time: number; left: number } | null>(null);

  const onPointerMove = (event: PointerEvent<HTMLInputElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    setHover({ time: fraction * duration, left: fraction * 100 });
  };
  const cue = hover ? cueAt(cues, hover.time) : undefined;

  return (
    <div className="scrub">
      {hover && (
        <div className="scrub-preview" style={{ left: `${hover.left}%` }} aria-hidden="true">
          {cue && (
            <span
              className="scrub-thumb"
              data-testid="trickplay-thumb"
              style={{
                width: cue.width,
                height: cue.height,
                backgroundImage: `url("${cue.image}")`,
                backgroundPosition: `-${cue.x}px -${cue.y}px`,
              }}
            />
          )}
          <span className="scrub-time">{clock(hover.time)}</span>
        </div>
      )}
      <input
        type="range"
        min={0}
        max={duration || 0}
        step={1}
        value={Math.min(position, duration || 0)}
        aria-label={t('player.seek')}
        aria-valuetext={`${clock(position)} / ${clock(duration)}`}
        onChange={(event) => onSeek(Number(event.target.value))}
        onPointerMove={onPointerMove}
        onPointerLeave={() => setHover(null)}
      />
    </div>
  );
}
