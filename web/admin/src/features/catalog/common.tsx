// Bits the catalog screens share.
import { useI18n, type Translate } from '@codeflix/web-shared/i18n';
import type { Filter } from '../../components/ListPage';

export function YesNo({ value }: { value: boolean }) {
  const { t } = useI18n();
  return <span className={value ? 'yes' : 'no'}>{value ? t('common.yes') : t('common.no')}</span>;
}

export const activeFilter = (t: Translate): Filter => ({
  name: 'is_active',
  label: t('field.active'),
  options: [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ],
});
