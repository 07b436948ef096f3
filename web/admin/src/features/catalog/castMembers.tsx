// Cast members: the list and the form.
import { useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '@codeflix/web-shared/i18n';
import { CATALOG } from '../../api/client';
import { CAST_TYPES, type CastMember, type CastMemberType } from '../../api/types';
import { useEditor } from '../../components/editor';
import { EditFrame } from '../../components/EditFrame';
import { SelectField, TextField } from '../../components/fields';
import { ListPage } from '../../components/ListPage';

export function CastMemberList() {
  const { t, formatDate } = useI18n();
  const types = CAST_TYPES.map((type) => ({ value: type, label: t(`cast.${type}`) }));
  return (
    <ListPage<CastMember>
      title={t('nav.castMembers')}
      api={CATALOG['cast-members']}
      defaultSort="name"
      newLink={{ to: '/cast-members/new', label: t('cast.new') }}
      rowLink={(c) => `/cast-members/${c.id}`}
      deleteName={(c) => c.name}
      filters={[{ name: 'type', label: t('field.type'), options: types }]}
      columns={[
        { label: t('field.name'), sort: 'name', render: (c) => c.name },
        { label: t('field.type'), sort: 'type', render: (c) => t(`cast.${c.type}`) },
        { label: t('field.updated'), sort: 'updated_at', render: (c) => formatDate(c.updated_at) },
      ]}
    />
  );
}

export function CastMemberEdit() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const editor = useEditor({
    api: CATALOG['cast-members'],
    id,
    initial: { name: '', type: 'actor' as CastMemberType },
    toValues: (c: CastMember) => ({ name: c.name, type: c.type }),
    toBody: (v) => v,
  });
  const { values, set } = editor;
  return (
    <EditFrame
      title={id ? t('cast.edit', { name: editor.record?.name ?? '' }) : t('cast.new')}
      editor={editor}
      back="/cast-members"
      onSaved={(c) => !id && navigate(`/cast-members/${c.id}`, { replace: true })}
    >
      <TextField label={t('field.name')} required value={values.name} onChange={(v) => set('name', v)} error={editor.fieldError('name')} />
      <SelectField
        label={t('field.type')}
        value={values.type}
        onChange={(v) => set('type', v as CastMemberType)}
        options={CAST_TYPES.map((type) => ({ value: type, label: t(`cast.${type}`) }))}
        error={editor.fieldError('type')}
      />
    </EditFrame>
  );
}
