// Subscribers: search by name or email and filter by status; one subscriber's subscriptions
// with their history and invoices; cancel at once; refund an invoice.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { newIdempotencyKey } from '@codeflix/web-shared/api';
import { useLoad } from '@codeflix/web-shared/hooks';
import { useI18n } from '@codeflix/web-shared/i18n';
import { ErrorMessage, errorText, Loading } from '@codeflix/web-shared/status';
import { INVOICES, SUBSCRIBERS, SUBSCRIPTIONS, useCall } from '../../api/client';
import type { Invoice, Subscriber, SubscriptionDetail } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ListPage } from '../../components/ListPage';

const STATUSES = ['none', 'trialing', 'active', 'past_due', 'canceled', 'expired'];

export function SubscriberList() {
  const { t, formatDate } = useI18n();
  return (
    <ListPage<Subscriber>
      title={t('nav.subscribers')}
      api={SUBSCRIBERS}
      filters={[{ name: 'status', label: t('field.status'), options: STATUSES.map((s) => ({ value: s, label: t(`subscription.${s}`) })) }]}
      rowLink={(s) => (s.subscription ? `/subscriptions/${s.subscription.id}` : undefined)}
      columns={[
        { label: t('field.name'), render: (s) => s.display_name || s.email },
        { label: t('field.email'), render: (s) => s.email },
        { label: t('field.status'), render: (s) => t(`subscription.${s.subscription?.status ?? 'none'}`) },
        { label: t('field.plan'), render: (s) => s.subscription?.plan_name ?? '—' },
        { label: t('field.periodEnd'), render: (s) => (s.subscription ? formatDate(s.subscription.current_period_end) : '—') },
      ]}
      idOf={(s) => s.user_id}
    />
  );
}

type Pending = { kind: 'cancel' } | { kind: 'refund'; invoice: Invoice };

export function SubscriptionPage() {
  const { t, formatDate, formatMoney } = useI18n();
  const { id } = useParams();
  const call = useCall();
  const detail = useLoad(async (signal) => (await call<SubscriptionDetail>(`${SUBSCRIPTIONS}/${id}`, { signal })).body, [id]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [keys] = useState(() => new Map<string, string>());
  if (detail.error) return <ErrorMessage error={detail.error} onRetry={detail.reload} />;
  const s = detail.data;
  if (!s) return <Loading />;

  // One key per action on one record: a retried refund or cancel happens once.
  const keyFor = (action: string) => {
    if (!keys.has(action)) keys.set(action, newIdempotencyKey());
    return keys.get(action)!;
  };
  const act = async (what: Pending) => {
    setPending(null);
    try {
      if (what.kind === 'cancel') await call(`${SUBSCRIPTIONS}/${s.id}/cancel`, { method: 'POST', idempotencyKey: keyFor(`cancel-${s.id}`) });
      else await call(`${INVOICES}/${what.invoice.id}/refund`, { method: 'POST', idempotencyKey: keyFor(`refund-${what.invoice.id}`) });
      setNotice({ ok: true, text: what.kind === 'cancel' ? t('subscription.canceledNow') : t('subscription.refunded') });
      detail.reload();
    } catch (error) {
      setNotice({ ok: false, text: errorText(error, t) });
    }
  };
  const live = ['trialing', 'active', 'past_due'].includes(s.status);
  return (
    <section className="detail-page">
      <p>
        <Link to="/subscribers">← {t('common.back')}</Link>
      </p>
      <h1>{s.customer ? `${s.customer.display_name} · ${s.customer.email}` : s.user_id}</h1>
      {notice && (
        <p className={`notice ${notice.ok ? 'ok' : 'error'}`} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
      <dl className="facts">
        <dt>{t('field.plan')}</dt>
        <dd>{`${s.plan_name} · ${formatMoney(s.price, s.currency)} / ${t(`plan.${s.interval}`)}`}</dd>
        <dt>{t('field.status')}</dt>
        <dd data-status={s.status}>{t(`subscription.${s.status}`)}{s.cancel_at_period_end ? ` · ${t('subscription.endsAtPeriodEnd')}` : ''}</dd>
        <dt>{t('field.periodEnd')}</dt>
        <dd>{formatDate(s.current_period_end)}</dd>
        <dt>{t('field.card')}</dt>
        <dd>{`${s.payment_method.brand} •••• ${s.payment_method.last4}`}</dd>
        {s.end_reason && (
          <>
            <dt>{t('field.endReason')}</dt>
            <dd>{t(`subscription.end.${s.end_reason}`)}</dd>
          </>
        )}
      </dl>
      {live && (
        <button type="button" className="button danger" onClick={() => setPending({ kind: 'cancel' })}>
          {t('subscription.cancelNow')}
        </button>
      )}
      <h2>{t('subscription.invoices')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('field.date')}</th>
            <th scope="col">{t('field.period')}</th>
            <th scope="col">{t('field.amount')}</th>
            <th scope="col">{t('field.status')}</th>
            <th scope="col">{t('field.refunded')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('list.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {s.invoices.map((invoice) => (
            <tr key={invoice.id}>
              <td>{formatDate(invoice.created_at)}</td>
              <td>{`${formatDate(invoice.period_start)} – ${formatDate(invoice.period_end)}`}</td>
              <td>{formatMoney(invoice.amount, invoice.currency)}</td>
              <td>{t(`invoice.${invoice.status}`)}{invoice.failure_message ? ` · ${invoice.failure_message}` : ''}</td>
              <td>{invoice.refunded_amount ? formatMoney(invoice.refunded_amount, invoice.currency) : '—'}</td>
              <td>
                {invoice.status === 'paid' && invoice.amount > invoice.refunded_amount && (
                  <button type="button" className="button secondary small" onClick={() => setPending({ kind: 'refund', invoice })}>
                    {t('subscription.refund')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('subscription.history')}</h2>
      <ol className="history">
        {s.history.map((entry, index) => (
          <li key={index}>
            <time dateTime={entry.at}>{formatDate(entry.at)}</time> {t(`history.${entry.action}`)}
          </li>
        ))}
      </ol>
      {pending && (
        <ConfirmDialog
          title={pending.kind === 'cancel' ? t('subscription.cancelNow') : t('subscription.refund')}
          text={
            pending.kind === 'cancel'
              ? t('subscription.confirmCancel')
              : t('subscription.confirmRefund', { amount: formatMoney(pending.invoice.amount - pending.invoice.refunded_amount, pending.invoice.currency) })
          }
          confirm={pending.kind === 'cancel' ? t('subscription.cancelNow') : t('subscription.refund')}
          onConfirm={() => void act(pending)}
          onCancel={() => setPending(null)}
        />
      )}
    </section>
  );
}
