// Videos: the list and the details form; the media of a video have their own page (media.tsx).
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '@codeflix/web-shared/i18n';
import { CATALOG } from '../../api/client';
import { RATINGS, type Rating, type Video } from '../../api/types';
import { useEditor } from '../../components/editor';
import { EditFrame } from '../../components/EditFrame';
import { CheckField, SelectField, TextField } from '../../components/fields';
import { ListPage } from '../../components/ListPage';
import { RefPicker } from '../../components/RefPicker';
import { YesNo } from './common';

export function VideoList() {
  const { t, formatDate } = useI18n();
  return (
    <ListPage<Video>
      title={t('nav.videos')}
      api={CATALOG.videos}
      defaultSort="title"
      newLink={{ to: '/videos/new', label: t('video.new') }}
      rowLink={(v) => `/videos/${v.id}`}
      deleteName={(v) => v.title}
      filters={[
        { name: 'published', label: t('field.published'), options: [{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }] },
        { name: 'rating', label: t('field.rating'), options: RATINGS.map((r) => ({ value: r, label: r })) },
      ]}
      columns={[
        { label: t('field.title'), sort: 'title', render: (v) => v.title },
        { label: t('field.year'), sort: 'year_launched', render: (v) => v.year_launched },
        { label: t('field.rating'), sort: 'rating', render: (v) => v.rating },
        { label: t('media.video'), render: (v) => t(`status.${v.media.video.status}`) },
        { label: t('field.published'), render: (v) => <YesNo value={v.published} /> },
        { label: t('field.updated'), sort: 'updated_at', render: (v) => formatDate(v.updated_at) },
      ]}
    />
  );
}

export function VideoTabs({ id, current }: { id: string; current: 'details' | 'media' }) {
  const { t } = useI18n();
  return (
    <nav className="tabs" aria-label={t('video.sections')}>
      <Link to={`/videos/${id}`} aria-current={current === 'details' ? 'page' : undefined}>
        {t('video.details')}
      </Link>
      <Link to={`/videos/${id}/media`} aria-current={current === 'media' ? 'page' : undefined}>
        {t('video.media')}
      </Link>
    </nav>
  );
}

interface VideoValues {
  title: string;
  description: string;
  year_launched: string;
  duration: string;
  rating: Rating;
  opened: boolean;
  published: boolean;
  categories_id: string[];
  genres_id: string[];
  cast_members_id: string[];
}

export function VideoEdit() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const editor = useEditor<VideoValues, Video>({
    api: CATALOG.videos,
    id,
    initial: {
      title: '',
      description: '',
      year_launched: String(new Date().getFullYear()),
      duration: '',
      rating: 'L',
      opened: false,
      published: false,
      categories_id: [],
      genres_id: [],
      cast_members_id: [],
    },
    toValues: (v) => ({
      title: v.title,
      description: v.description,
      year_launched: String(v.year_launched),
      duration: String(v.duration),
      rating: v.rating,
      opened: v.opened,
      published: v.published,
      categories_id: v.categories_id,
      genres_id: v.genres_id,
      cast_members_id: v.cast_members_id,
    }),
    toBody: (v) => ({ ...v, year_launched: Number(v.year_launched), duration: Number(v.duration) }),
  });
  const { values, set } = editor;
  return (
    <EditFrame
      title={id ? t('video.edit', { name: editor.record?.title ?? '' }) : t('video.new')}
      editor={editor}
      back="/videos"
      onSaved={(v) => !id && navigate(`/videos/${v.id}/media`, { replace: true })}
    >
      {id && <VideoTabs id={id} current="details" />}
      <TextField label={t('field.title')} required value={values.title} onChange={(v) => set('title', v)} error={editor.fieldError('title')} />
      <TextField label={t('field.description')} required multiline value={values.description} onChange={(v) => set('description', v)} error={editor.fieldError('description')} />
      <div className="field-row">
        <TextField label={t('field.year')} type="number" required min={1888} value={values.year_launched} onChange={(v) => set('year_launched', v)} error={editor.fieldError('year_launched')} />
        <TextField label={t('field.duration')} type="number" required min={1} value={values.duration} onChange={(v) => set('duration', v)} error={editor.fieldError('duration')} />
        <SelectField label={t('field.rating')} value={values.rating} onChange={(v) => set('rating', v as Rating)} options={RATINGS.map((r) => ({ value: r, label: r === 'L' ? t('rating.L') : t('rating.age', { age: r }) }))} error={editor.fieldError('rating')} />
      </div>
      <RefPicker legend={t('nav.categories')} api={CATALOG.categories} value={values.categories_id} onChange={(v) => set('categories_id', v)} error={editor.fieldError('categories_id')} />
      <RefPicker legend={t('nav.genres')} api={CATALOG.genres} value={values.genres_id} onChange={(v) => set('genres_id', v)} error={editor.fieldError('genres_id')} />
      <RefPicker legend={t('nav.castMembers')} api={CATALOG['cast-members']} value={values.cast_members_id} onChange={(v) => set('cast_members_id', v)} error={editor.fieldError('cast_members_id')} />
      <CheckField label={t('field.opened')} hint={t('field.openedHint')} checked={values.opened} onChange={(v) => set('opened', v)} />
      <CheckField label={t('field.published')} hint={t('field.publishedHint')} checked={values.published} onChange={(v) => set('published', v)} />
    </EditFrame>
  );
}
