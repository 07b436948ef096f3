// Loading and error states every screen of both apps shares: errors in plain words, with a way
// to retry. The words are the apps' own (common.loading, common.network, common.error,
// common.retry).
import { ApiError } from './api';
import { useI18n, type Translate } from './i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="status" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}

export function errorText(error: unknown, t: Translate) {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('common.network');
    return t('common.error', { detail: error.detail });
  }
  return t('common.error', { detail: error instanceof Error ? error.message : String(error) });
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="status error" role="alert">
      <p>{errorText(error, t)}</p>
      {onRetry && (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
