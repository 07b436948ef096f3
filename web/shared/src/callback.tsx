// Where identity sends the browser back after signing in or registering (both apps' /callback).
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useSession } from './auth';
import { useI18n } from './i18n';

/** `basePath` is the app's ('/' or '/admin/'): the router's paths are relative to it. */
export function Callback({ basePath }: { basePath: string }) {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    session
      .completeSignIn()
      .then((next) => navigate(next.slice(basePath.length - 1) || '/', { replace: true }))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [session, navigate, basePath]);
  if (error)
    return (
      <div className="panel narrow" role="alert">
        <p>{t('auth.failed', { detail: error })}</p>
        <Link to="/">{t('common.backHome')}</Link>
      </div>
    );
  return (
    <p className="status" role="status">
      {t('auth.signingIn')}
    </p>
  );
}
