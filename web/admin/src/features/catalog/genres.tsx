// Genres: the list and the form (a genre belongs to one or more categories).
import { useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '@codeflix/web-shared/i18n';
import { CATALOG } from '../../api/client';
import type { Genre } from '../../api/types';
import { useEditor } from '../../components/editor';
import { EditFrame } from '../../components/EditFrame';
import { CheckField, TextField } from '../../components/fields';
import { ListPage } from '../../components/ListPage';
import { RefPicker } from '../../components/RefPicker';
import { activeFilter, YesNo } from './common';

export function GenreList() {
  const { t, formatDate } = useI18n();
  return (
    <ListPage<Genre>
      title={t('nav.genres')}
      api={CATALOG.genres}
      defaultSort="name"
      newLink={{ to: '/genres/new', label: t('genre.new') }}
      rowLink={(g) => `/genres/${g.id}`}
      deleteName={(g) => g.name}
      filters={[activeFilter(t)]}
      columns={[
        { label: t('field.name'), sort: 'name', render: (g) => g.name },
        { label: t('nav.categories'), render: (g) => g.categories_id.length },
        { label: t('field.active'), render: (g) => <YesNo value={g.is_active} /> },
        { label: t('field.updated'), sort: 'updated_at', render: (g) => formatDate(g.updated_at) },
      ]}
    />
  );
}

export function GenreEdit() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const editor = useEditor({
    api: CATALOG.genres,
    id,
    initial: { name: '', categories_id: [] as string[], is_active: true },
    toValues: (g: Genre) => ({ name: g.name, categories_id: g.categories_id, is_active: g.is_active }),
    toBody: (v) => v,
  });
  const { values, set } = editor;
  return (
    <EditFrame
      title={id ? t('genre.edit', { name: editor.record?.name ?? '' }) : t('genre.new')}
      editor={editor}
      back="/genres"
      onSaved={(g) => !id && navigate(`/genres/${g.id}`, { replace: true })}
    >
      <TextField label={t('field.name')} required value={values.name} onChange={(v) => set('name', v)} error={editor.fieldError('name')} />
      <RefPicker legend={t('nav.categories')} api={CATALOG.categories} value={values.categories_id} onChange={(v) => set('categories_id', v)} error={editor.fieldError('categories_id')} />
      <CheckField label={t('field.active')} checked={values.is_active} onChange={(v) => set('is_active', v)} />
    </EditFrame>
  );
}
