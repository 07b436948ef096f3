// Subscribing to a plan: the card form, then the subscription (one per click, thanks to the
// Idempotency-Key kept for the token), then waiting until playback knows about it.
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { newIdempotencyKey } from '@codeflix/web-shared/api';
import { useSession } from '@codeflix/web-shared/auth';
import { useLoad } from '@codeflix/web-shared/hooks';
import { useI18n } from '@codeflix/web-shared/i18n';
import { catalog } from '../../api/catalog';
import { billing } from '../../api/subscription';
import type { PaymentMethod, Subscription } from '../../api/types';
import { SignInPrompt } from '../../components/Layout';
import { ErrorMessage, Loading } from '@codeflix/web-shared/status';
import { CardForm } from './CardForm';
import { planFeatures, PlanPrice } from './PlansPage';

/** Waits (up to `timeoutMs`) until catalog-api has received the subscription's event. */
async function untilEntitled(token: string, timeoutMs = 15000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await catalog.entitlement(token)).entitled) return true;
    } catch {
      // Keep trying until the deadline.
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  return false;
}

export function CheckoutPage() {
  const { planId = '' } = useParams();
  const { t, formatMoney, formatDate } = useI18n();
  const session = useSession();
  const plans = useLoad((signal) => billing.plans(signal), []);
  const [done, setDone] = useState<Subscription | null>(null);
  const [ready, setReady] = useState(false);
  const keys = useRef(new Map<string, string>());

  if (session.loading) return <Loading />;
  if (!session.user) return <SignInPrompt />;
  if (plans.error) return <ErrorMessage error={plans.error} onRetry={plans.reload} />;
  if (!plans.data) return <Loading />;
  const plan = plans.data.data.find((p) => p.id === planId && p.active);
  if (!plan)
    return (
      <div className="panel narrow">
        <p>{t('common.notFound')}</p>
        <Link to="/plans">{t('account.seePlans')}</Link>
      </div>
    );

  const subscribe = async (method: PaymentMethod) => {
    const token = await session.freshToken();
    if (!token) return session.signIn();
    // One key per card token: a double click or a retry of the same card answers the same
    // subscription instead of making a second one.
    let key = keys.current.get(method.token);
    if (!key) keys.current.set(method.token, (key = newIdempotencyKey()));
    const subscription = await billing.subscribe(token, plan, method.token, key);
    setDone(subscription);
    setReady(await untilEntitled(token));
  };

  if (done)
    return (
      <div className="panel narrow" role="status" data-subscription={done.status}>
        <h1>{t('checkout.welcome', { name: done.plan_name })}</h1>
        {done.trial_end && <p>{t('account.trialEnds', { date: formatDate(done.trial_end) })}</p>}
        <div className="actions">
          <Link className="button" to="/" aria-disabled={!ready}>
            {ready ? t('nav.home') : t('common.loading')}
          </Link>
          <Link className="button secondary" to="/account">
            {t('nav.account')}
          </Link>
        </div>
      </div>
    );

  const price = formatMoney(plan.price, plan.currency);
  return (
    <div className="checkout panel narrow">
      <h1>{t('checkout.title', { name: plan.name })}</h1>
      <PlanPrice plan={plan} />
      <ul className="plan-features">
        {planFeatures(plan, t).map((feature) => (
          <li key={feature}>{feature}</li>
        ))}
      </ul>
      {plan.trial_days > 0 && <p className="note">{t('checkout.trialNote', { days: plan.trial_days, price })}</p>}
      <CardForm
        submitLabel={plan.trial_days > 0 ? t('checkout.start') : t('checkout.pay', { price })}
        onToken={subscribe}
        notice={<p className="note sandbox">{t('checkout.sandbox')}</p>}
      />
    </div>
  );
}
