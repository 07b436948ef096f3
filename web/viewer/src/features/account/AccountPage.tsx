// The viewer's account: the current plan and its state, the next charge, invoices, and the
// changes a subscriber makes (change plan, cancel at period end, resume, a new card).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, newIdempotencyKey } from '@codeflix/web-shared/api';
import { useSession } from '@codeflix/web-shared/auth';
import { useLoad } from '@codeflix/web-shared/hooks';
import { useI18n } from '@codeflix/web-shared/i18n';
import { billing } from '../../api/subscription';
import type { Invoice, Plan, Subscription } from '../../api/types';
import { SignInPrompt } from '../../components/Layout';
import { ErrorMessage, errorText, Loading } from '@codeflix/web-shared/status';
import { CardForm } from '../plans/CardForm';

function Invoices({ invoices }: { invoices: Invoice[] }) {
  const { t, formatDate, formatMoney } = useI18n();
  if (!invoices.length) return <p>{t('account.noInvoices')}</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('account.invoice.date')}</th>
          <th scope="col">{t('account.invoice.period')}</th>
          <th scope="col">{t('account.invoice.amount')}</th>
          <th scope="col">{t('account.invoice.status')}</th>
        </tr>
      </thead>
      <tbody>
        {invoices.map((invoice) => (
          <tr key={invoice.id}>
            <td>{formatDate(invoice.created_at)}</td>
            <td>
              {formatDate(invoice.period_start)} – {formatDate(invoice.period_end)}
            </td>
            <td>{formatMoney(invoice.amount, invoice.currency)}</td>
            <td>
              {t(`account.invoice.${invoice.status}`)}
              {invoice.refunded_amount > 0 &&
                ` (${t('account.invoice.refunded', { amount: formatMoney(invoice.refunded_amount, invoice.currency) })})`}
              {invoice.failure_message && <span className="note"> {invoice.failure_message}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SubscriptionPanel({ subscription, plans, onChanged }: { subscription: Subscription; plans: Plan[]; onChanged: () => void }) {
  const { t, formatDate } = useI18n();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [cardOpen, setCardOpen] = useState(subscription.status === 'past_due');
  const s = subscription;
  const pending = plans.find((p) => p.id === s.pending_plan_id);

  const act = async (action: (token: string, key: string) => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const token = await session.freshToken();
      if (!token) return session.signIn();
      await action(token, newIdempotencyKey());
      setMessage({ text: t('account.done') });
      onChanged();
    } catch (error) {
      setMessage({ text: error instanceof ApiError && error.status !== 0 ? error.detail : errorText(error, t), error: true });
    } finally {
      setBusy(false);
    }
  };

  const live = ['trialing', 'active', 'past_due'].includes(s.status);
  return (
    <section className="panel" aria-labelledby="plan-heading" data-status={s.status}>
      <h2 id="plan-heading">
        {t('account.plan')}: {s.plan_name}
      </h2>
      <p>
        {t('account.status')}: <strong>{t(`account.status.${s.status}`)}</strong>
      </p>
      {s.status === 'trialing' && s.trial_end && <p>{t('account.trialEnds', { date: formatDate(s.trial_end) })}</p>}
      {s.status === 'past_due' && s.next_payment_attempt && (
        <p className="notice">{t('account.pastDue', { date: formatDate(s.next_payment_attempt) })}</p>
      )}
      {live && s.cancel_at_period_end && <p className="notice">{t('account.endsOn', { date: formatDate(s.current_period_end) })}</p>}
      {pending && <p>{t('account.pendingPlan', { name: pending.name, date: formatDate(s.current_period_end) })}</p>}
      <p>{t('account.card', { brand: s.payment_method.brand, last4: s.payment_method.last4 })}</p>
      {message && (
        <p className={message.error ? 'form-error' : 'note'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {live && (
        <div className="actions">
          {s.cancel_at_period_end ? (
            <button type="button" className="button" disabled={busy} onClick={() => act((token, key) => billing.resume(token, s.id, key))}>
              {t('account.resume')}
            </button>
          ) : (
            <button
              type="button"
              className="button secondary"
              disabled={busy}
              onClick={() => {
                if (window.confirm(t('account.cancelConfirm', { date: formatDate(s.current_period_end) })))
                  void act((token, key) => billing.cancel(token, s.id, key));
              }}
            >
              {t('account.cancel')}
            </button>
          )}
          <button type="button" className="button secondary" onClick={() => setCardOpen((open) => !open)} aria-expanded={cardOpen}>
            {t('account.updateCard')}
          </button>
        </div>
      )}
      {!live && (
        <Link className="button" to="/plans">
          {t('account.seePlans')}
        </Link>
      )}
      {live && cardOpen && (
        <CardForm
          submitLabel={t('account.saveCard')}
          onToken={async (method) => {
            const token = await session.freshToken();
            if (!token) return;
            await billing.changeCard(token, s.id, method.token, newIdempotencyKey());
            setCardOpen(false);
            setMessage({ text: t('account.done') });
            onChanged();
          }}
        />
      )}
      {live && !s.cancel_at_period_end && (
        <section id="change-plan" aria-labelledby="change-plan-heading">
          <h3 id="change-plan-heading">{t('account.changePlan')}</h3>
          <p className="note">{t('account.upgradeNote')}</p>
          <ul className="change-plans">
            {plans
              .filter((p) => p.active && p.id !== s.plan_id)
              .map((p) => (
                <li key={p.id}>
                  <button type="button" className="button secondary" disabled={busy} onClick={() => act((token, key) => billing.changePlan(token, s.id, p.id, key))}>
                    {t('account.changeTo', { name: p.name })}
                  </button>
                </li>
              ))}
          </ul>
        </section>
      )}
    </section>
  );
}

export function AccountPage() {
  const { t, formatDate, formatMoney } = useI18n();
  const session = useSession();
  const token = session.accessToken;
  const me = useLoad((signal) => (token ? billing.me(token, signal) : Promise.resolve(null)), [token]);
  const invoices = useLoad((signal) => (token ? billing.invoices(token, signal) : Promise.resolve(null)), [token]);
  const plans = useLoad((signal) => billing.plans(signal), []);

  if (session.loading) return <Loading />;
  if (!session.user) return <SignInPrompt />;
  if (me.error) return <ErrorMessage error={me.error} onRetry={me.reload} />;
  if (!me.data) return <Loading />;
  const reload = () => {
    me.reload();
    invoices.reload();
  };
  const { subscription, upcoming } = me.data;
  return (
    <div className="account-page">
      <h1>{t('account.title')}</h1>
      <p>{session.user.profile.email}</p>
      {subscription ? (
        <>
          {upcoming && (
            <p className="next-charge">
              {t('account.nextCharge', { amount: formatMoney(upcoming.amount, upcoming.currency), date: formatDate(upcoming.at) })}
            </p>
          )}
          <SubscriptionPanel subscription={subscription} plans={plans.data?.data ?? []} onChanged={reload} />
        </>
      ) : (
        <div className="panel">
          <p>{t('account.none')}</p>
          <Link className="button" to="/plans">
            {t('account.seePlans')}
          </Link>
        </div>
      )}
      <section aria-labelledby="invoices-heading">
        <h2 id="invoices-heading">{t('account.invoices')}</h2>
        {invoices.error ? <ErrorMessage error={invoices.error} onRetry={invoices.reload} /> : <Invoices invoices={invoices.data?.data ?? []} />}
      </section>
    </div>
  );
}
