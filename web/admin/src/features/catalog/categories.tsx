// Categories: the list and the form.
import { useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '@codeflix/web-shared/i18n';
import { CATALOG } from '../../api/client';
import type { Category } from '../../api/types';
import { useEditor } from '../../components/editor';
import { EditFrame } from '../../components/EditFrame';
import { CheckField, TextField } from '../../components/fields';
import { ListPage } from '../../components/ListPage';
import { activeFilter, YesNo } from './common';

export function CategoryList() {
  const { t, formatDate } = useI18n();
  return (
    <ListPage<Category>
      title={t('nav.categories')}
      api={CATALOG.categories}
      defaultSort="name"
      newLink={{ to: '/categories/new', label: t('category.new') }}
      rowLink={(c) => `/categories/${c.id}`}
      deleteName={(c) => c.name}
      filters={[activeFilter(t)]}
      columns={[
        { label: t('field.name'), sort: 'name', render: (c) => c.name },
        { label: t('field.active'), render: (c) => <YesNo value={c.is_active} /> },
        { label: t('field.updated'), sort: 'updated_at', render: (c) => formatDate(c.updated_at) },
      ]}
    />
  );
}

export function CategoryEdit() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const editor = useEditor({
    api: CATALOG.categories,
    id,
    initial: { name: '', description: '', is_active: true },
    toValues: (c: Category) => ({ name: c.name, description: c.description ?? '', is_active: c.is_active }),
    toBody: (v) => ({ ...v, description: v.description || null }),
  });
  const { values, set } = editor;
  return (
    <EditFrame
      title={id ? t('category.edit', { name: editor.record?.name ?? '' }) : t('category.new')}
      editor={editor}
      back="/categories"
      onSaved={(c) => !id && navigate(`/categories/${c.id}`, { replace: true })}
    >
      <TextField label={t('field.name')} required value={values.name} onChange={(v) => set('name', v)} error={editor.fieldError('name')} />
      <TextField label={t('field.description')} multiline value={values.description} onChange={(v) => set('description', v)} error={editor.fieldError('description')} />
      <CheckField label={t('field.active')} checked={values.is_active} onChange={(v) => set('is_active', v)} />
    </EditFrame>
  );
}
