// Plans: the list and the form (no delete: a plan people are on is deactivated instead).
import { useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '@codeflix/web-shared/i18n';
import { PLANS } from '../../api/client';
import type { Plan, Quality } from '../../api/types';
import { useEditor } from '../../components/editor';
import { EditFrame } from '../../components/EditFrame';
import { CheckField, SelectField, TextField } from '../../components/fields';
import { ListPage } from '../../components/ListPage';
import { YesNo } from '../catalog/common';

const QUALITIES: Quality[] = ['480p', '720p', '1080p'];

export function PlanList() {
  const { t, formatMoney } = useI18n();
  return (
    <ListPage<Plan>
      title={t('nav.plans')}
      api={PLANS}
      defaultSort="price"
      newLink={{ to: '/plans/new', label: t('plan.new') }}
      rowLink={(p) => `/plans/${p.id}`}
      columns={[
        { label: t('field.name'), sort: 'name', render: (p) => p.name },
        { label: t('field.price'), sort: 'price', render: (p) => `${formatMoney(p.price, p.currency)} / ${t(`plan.${p.interval}`)}` },
        { label: t('field.streams'), render: (p) => p.max_streams },
        { label: t('field.quality'), render: (p) => p.max_quality },
        { label: t('field.trial'), render: (p) => p.trial_days },
        { label: t('field.active'), render: (p) => <YesNo value={p.active} /> },
      ]}
    />
  );
}

interface PlanValues {
  name: string;
  description: string;
  price: string;
  currency: string;
  interval: Plan['interval'];
  trial_days: string;
  max_streams: string;
  max_quality: Quality;
  active: boolean;
}

export function PlanEdit() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const editor = useEditor<PlanValues, Plan>({
    api: PLANS,
    id,
    initial: { name: '', description: '', price: '', currency: 'BRL', interval: 'month', trial_days: '0', max_streams: '1', max_quality: '720p', active: true },
    toValues: (p) => ({
      name: p.name,
      description: p.description,
      price: (p.price / 100).toFixed(2),
      currency: p.currency,
      interval: p.interval,
      trial_days: String(p.trial_days),
      max_streams: String(p.max_streams),
      max_quality: p.max_quality,
      active: p.active,
    }),
    toBody: (v) => ({
      name: v.name,
      description: v.description,
      // An empty or malformed price is sent as null: the API names the field.
      price: v.price.trim() ? Math.round(Number(v.price.replace(',', '.')) * 100) : null,
      currency: v.currency.toUpperCase(),
      interval: v.interval,
      trial_days: Number(v.trial_days),
      max_streams: Number(v.max_streams),
      max_quality: v.max_quality,
      active: v.active,
    }),
    // Plans are changed with PATCH (there is no PUT): the body has every field.
    method: 'PATCH',
  });
  const { values, set } = editor;
  return (
    <EditFrame
      title={id ? t('plan.edit', { name: editor.record?.name ?? '' }) : t('plan.new')}
      editor={editor}
      back="/plans"
      onSaved={(p) => !id && navigate(`/plans/${p.id}`, { replace: true })}
    >
      <TextField label={t('field.name')} required value={values.name} onChange={(v) => set('name', v)} error={editor.fieldError('name')} />
      <TextField label={t('field.description')} multiline value={values.description} onChange={(v) => set('description', v)} error={editor.fieldError('description')} />
      <div className="field-row">
        <TextField label={t('field.price')} hint={t('plan.priceHint')} required value={values.price} onChange={(v) => set('price', v)} error={editor.fieldError('price')} />
        <TextField label={t('field.currency')} required value={values.currency} onChange={(v) => set('currency', v)} error={editor.fieldError('currency')} />
        <SelectField label={t('field.interval')} value={values.interval} onChange={(v) => set('interval', v as Plan['interval'])} options={[{ value: 'month', label: t('plan.month') }, { value: 'year', label: t('plan.year') }]} error={editor.fieldError('interval')} />
      </div>
      <div className="field-row">
        <TextField label={t('field.trial')} type="number" min={0} max={365} value={values.trial_days} onChange={(v) => set('trial_days', v)} error={editor.fieldError('trial_days')} />
        <TextField label={t('field.streams')} type="number" min={1} max={10} value={values.max_streams} onChange={(v) => set('max_streams', v)} error={editor.fieldError('max_streams')} />
        <SelectField label={t('field.quality')} value={values.max_quality} onChange={(v) => set('max_quality', v as Quality)} options={QUALITIES.map((q) => ({ value: q, label: q }))} error={editor.fieldError('max_quality')} />
      </div>
      <CheckField label={t('field.active')} hint={t('plan.activeHint')} checked={values.active} onChange={(v) => set('active', v)} />
      {id && <p className="hint">{t('plan.priceChange')}</p>}
    </EditFrame>
  );
}
