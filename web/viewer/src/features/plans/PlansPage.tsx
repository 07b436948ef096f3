// The plans side by side, with why the viewer was sent here (not subscribed, ended, overdue).
import { Link, useSearchParams } from 'react-router-dom';
import { useSession } from '@codeflix/web-shared/auth';
import { useLoad } from '@codeflix/web-shared/hooks';
import { useI18n, type Translate } from '@codeflix/web-shared/i18n';
import { billing } from '../../api/subscription';
import type { Plan } from '../../api/types';
import { ErrorMessage, Loading } from '@codeflix/web-shared/status';

const REASONS = ['not_subscribed', 'subscription_ended', 'payment_overdue'];

export function planFeatures(plan: Plan, t: Translate): string[] {
  const features = [
    plan.max_streams === 1 ? t('plans.stream') : t('plans.streams', { count: plan.max_streams }),
    t('plans.quality', { quality: plan.max_quality }),
  ];
  if (plan.trial_days > 0) features.unshift(t('plans.trial', { days: plan.trial_days }));
  return features;
}

export function PlanPrice({ plan }: { plan: Plan }) {
  const { t, formatMoney } = useI18n();
  return (
    <p className="plan-price">
      <strong>{formatMoney(plan.price, plan.currency)}</strong>
      <span>{plan.interval === 'year' ? t('plans.perYear') : t('plans.perMonth')}</span>
    </p>
  );
}

export function PlansPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const session = useSession();
  const plans = useLoad((signal) => billing.plans(signal), []);
  const token = session.accessToken;
  const me = useLoad((signal) => (token ? billing.me(token, signal) : Promise.resolve(null)), [token]);
  const reason = params.get('reason');
  const current = me.data?.subscription;
  const live = current && ['trialing', 'active', 'past_due'].includes(current.status) ? current : null;

  if (plans.error) return <ErrorMessage error={plans.error} onRetry={plans.reload} />;
  if (!plans.data) return <Loading />;
  const offered = plans.data.data.filter((plan) => plan.active);
  return (
    <div className="plans-page">
      <h1>{t('plans.title')}</h1>
      {reason && REASONS.includes(reason) ? (
        <p className="notice" role="status" data-reason={reason}>
          {t(`plans.why.${reason}`)}
        </p>
      ) : (
        <p className="subtitle">{t('plans.subtitle')}</p>
      )}
      {offered.length === 0 && <p>{t('plans.empty')}</p>}
      <ul className="plans">
        {offered.map((plan) => (
          <li key={plan.id} className={`plan ${live?.plan_id === plan.id ? 'current' : ''}`}>
            <h2>{plan.name}</h2>
            <PlanPrice plan={plan} />
            {plan.description && <p className="plan-description">{plan.description}</p>}
            <ul className="plan-features">
              {planFeatures(plan, t).map((feature) => (
                <li key={feature}>{feature}</li>
              ))}
            </ul>
            {live?.plan_id === plan.id ? (
              <Link className="button secondary" to="/account">
                {t('plans.current')}
              </Link>
            ) : live ? (
              <Link className="button secondary" to="/account#change-plan">
                {t('account.changeTo', { name: plan.name })}
              </Link>
            ) : (
              <Link className="button" to={`/checkout/${plan.id}`} aria-label={t('plans.choose', { name: plan.name })}>
                {t('plans.choose', { name: '' }).trim()}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
