// A title: banner, poster, year, duration, rating, genres, cast, description, trailer and
// Play, or Resume where the viewer stopped.
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '@codeflix/web-shared/api';
import { useSession } from '@codeflix/web-shared/auth';
import { useLoad } from '@codeflix/web-shared/hooks';
import { useI18n } from '@codeflix/web-shared/i18n';
import { catalog } from '../../api/catalog';
import { ErrorMessage, Loading } from '@codeflix/web-shared/status';
import { RatingBadge } from '../../components/VideoCard';
import { clock } from '../player/problems';
import { TrailerButton } from './Trailer';

function useResumePosition(videoId: string): number | undefined {
  const { accessToken } = useSession();
  const progress = useLoad(
    (signal) => (accessToken ? catalog.continueWatching(accessToken, signal) : Promise.resolve(null)),
    [accessToken, videoId],
  );
  return progress.data?.data.find((item) => item.video.id === videoId)?.position_seconds;
}

export function TitlePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const video = useLoad((signal) => catalog.video(id, signal), [id]);
  const resume = useResumePosition(id);

  if (video.error instanceof ApiError && (video.error.status === 404 || video.error.status === 400))
    return (
      <div className="panel narrow">
        <h1>{t('common.notFound')}</h1>
        <Link to="/">{t('common.backHome')}</Link>
      </div>
    );
  if (video.error) return <ErrorMessage error={video.error} onRetry={video.reload} />;
  if (!video.data) return <Loading />;
  const v = video.data;
  const banner = v.media.banner?.url;
  const poster = v.media.thumbnail?.url ?? v.media.video.poster_url;
  const directors = v.cast_members.filter((c) => c.type === 'director');
  const actors = v.cast_members.filter((c) => c.type === 'actor');
  return (
    <article className="title-page">
      {banner && <img className="title-banner" src={banner} alt="" width={1280} height={720} />}
      <div className="title-body">
        {poster && <img className="title-poster" src={poster} alt="" width={320} height={180} loading="lazy" />}
        <div className="title-text">
          <h1>{v.title}</h1>
          <p className="meta">
            <span>{v.year_launched}</span>
            {v.duration ? <span>{t('video.minutes', { minutes: v.duration })}</span> : null}
            <RatingBadge rating={v.rating} />
          </p>
          <div className="actions">
            {v.media.video.ready ? (
              <Link className="button" to={`/watch/${v.id}`} data-action="play">
                ▶ {resume ? `${t('video.resume')} (${clock(resume)})` : t('video.play')}
              </Link>
            ) : (
              <p className="note">{t('video.notReady')}</p>
            )}
            <TrailerButton video={v} />
          </div>
          <p className="title-description">{v.description}</p>
          <dl className="facts">
            {v.genres.length > 0 && (
              <>
                <dt>{t('video.genres')}</dt>
                <dd>{v.genres.map((g) => g.name).join(', ')}</dd>
              </>
            )}
            {actors.length > 0 && (
              <>
                <dt>{t('video.cast')}</dt>
                <dd>{actors.map((c) => c.name).join(', ')}</dd>
              </>
            )}
            {directors.length > 0 && (
              <>
                <dt>{t('video.directors')}</dt>
                <dd>{directors.map((c) => c.name).join(', ')}</dd>
              </>
            )}
            {v.categories.length > 0 && (
              <>
                <dt>{t('video.categories')}</dt>
                <dd>{v.categories.map((c) => c.name).join(', ')}</dd>
              </>
            )}
          </dl>
        </div>
      </div>
    </article>
  );
}
