// One title in a row or a grid: its picture (lazy), title and year; a progress bar when the
// viewer is in the middle of it.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '@codeflix/web-shared/i18n';
import type { Video } from '../api/types';

export function pictureOf(video: Video): string | undefined {
  return (
    video.media.thumbnail_half?.url ??
    video.media.thumbnail?.url ??
    video.media.video.poster_url ??
    video.media.banner?.url
  );
}

export function VideoCard({ video, progress, titleNode }: { video: Video; progress?: number; titleNode?: ReactNode }) {
  const { t } = useI18n();
  const picture = pictureOf(video);
  return (
    <Link className="card" to={`/title/${video.id}`} data-video-id={video.id}>
      <div className="card-picture">
        {picture ? (
          <img src={picture} alt="" loading="lazy" decoding="async" width={320} height={180} />
        ) : (
          <span className="card-placeholder" aria-hidden="true">
            {video.title.slice(0, 1)}
          </span>
        )}
        {progress !== undefined && (
          <span className="card-progress" role="img" aria-label={t('home.progress', { percent: Math.round(progress * 100) })}>
            <span style={{ width: `${Math.min(100, Math.max(0, progress * 100))}%` }} />
          </span>
        )}
      </div>
      <span className="card-title">{titleNode ?? video.title}</span>
      <span className="card-meta">
        {video.year_launched} · <RatingBadge rating={video.rating} />
      </span>
    </Link>
  );
}

export function RatingBadge({ rating }: { rating: string }) {
  const { t } = useI18n();
  const label = rating === 'L' ? t('video.ratingL') : t('video.rating', { rating });
  return (
    <span className={`rating rating-${rating}`} title={label} aria-label={label}>
      {rating}
    </span>
  );
}
