// The title at the top of the home page: its banner, what it is, and the ways in.
import { Link } from 'react-router-dom';
import { useI18n } from '@codeflix/web-shared/i18n';
import type { Video } from '../../api/types';
import { RatingBadge } from '../../components/VideoCard';
import { TrailerButton } from '../title/Trailer';

export function Hero({ video }: { video: Video }) {
  const { t } = useI18n();
  const banner = video.media.banner?.url ?? video.media.video.poster_url;
  return (
    <section className="hero" aria-labelledby="hero-title">
      {banner && (
        <img className="hero-banner" src={banner} alt="" fetchPriority="high" decoding="async" width={1280} height={720} />
      )}
      <div className="hero-text">
        <h1 id="hero-title">{video.title}</h1>
        <p className="meta">
          {video.year_launched} · <RatingBadge rating={video.rating} />
          {video.duration ? <> · {t('video.minutes', { minutes: video.duration })}</> : null}
        </p>
        <p className="hero-description">{video.description}</p>
        <div className="actions">
          {video.media.video.ready && (
            <Link className="button" to={`/watch/${video.id}`}>
              ▶ {t('video.play')}
            </Link>
          )}
          <TrailerButton video={video} />
          <Link className="button secondary" to={`/title/${video.id}`}>
            {t('video.moreInfo')}
          </Link>
        </div>
      </div>
    </section>
  );
}
