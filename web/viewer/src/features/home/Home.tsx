// Home: the hero, then Continue watching (signed in), New and one row per category.
import { useSession } from '@codeflix/web-shared/auth';
import { useLoad } from '@codeflix/web-shared/hooks';
import { useI18n } from '@codeflix/web-shared/i18n';
import { catalog } from '../../api/catalog';
import { ErrorMessage, Loading } from '@codeflix/web-shared/status';
import { Row } from '../../components/Row';
import { VideoCard } from '../../components/VideoCard';
import type { BrowseRow, Video } from '../../api/types';
import { Hero } from './Hero';

/** The hero: the newest title with a banner, else the newest one. */
export function heroOf(rows: BrowseRow[]): Video | undefined {
  const newest = rows.find((row) => row.id === 'new')?.videos ?? [];
  return newest.find((video) => video.media.banner) ?? newest[0];
}

function ContinueWatching() {
  const { t } = useI18n();
  const session = useSession();
  const token = session.accessToken;
  const list = useLoad((signal) => (token ? catalog.continueWatching(token, signal) : Promise.resolve(null)), [token]);
  const items = list.data?.data ?? [];
  if (!items.length) return null;
  return (
    <Row id="continue" title={t('home.continue')}>
      {items.map((item) => (
        <VideoCard key={item.video.id} video={item.video} progress={item.progress} />
      ))}
    </Row>
  );
}

export function Home() {
  const { t } = useI18n();
  const browse = useLoad((signal) => catalog.browse(signal), []);
  if (browse.error) return <ErrorMessage error={browse.error} onRetry={browse.reload} />;
  if (!browse.data) return <Loading />;
  const rows = browse.data.rows;
  const hero = heroOf(rows);
  if (!hero)
    return (
      <div className="panel narrow">
        <h1>CODEFLIX</h1>
        <p>{t('home.empty')}</p>
      </div>
    );
  return (
    <>
      <Hero video={hero} />
      <ContinueWatching />
      {rows
        .filter((row) => row.videos.length)
        .map((row) => (
          <Row key={row.id} id={row.id} title={row.id === 'new' ? t('home.new') : row.title}>
            {row.videos.map((video) => (
              <VideoCard key={video.id} video={video} />
            ))}
          </Row>
        ))}
    </>
  );
}
