// subscription: public plans, the sandbox card tokenisation, the viewer's own subscription.
import { request } from '@codeflix/web-shared/api';
import type { Invoice, Me, PaymentMethod, Plan, Subscription } from './types';

const BASE = '/api/subscription';

export interface CardInput {
  card_number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
}

export const billing = {
  plans: (signal?: AbortSignal) => request<{ data: Plan[] }>(`${BASE}/plans`, { signal }),
  tokenizeCard: (token: string, card: CardInput, idempotencyKey: string) =>
    request<PaymentMethod>(`${BASE}/sandbox/payment-methods`, { method: 'POST', token, body: card, idempotencyKey }),
  subscribe: (token: string, plan: Plan, paymentMethod: string, idempotencyKey: string) =>
    request<Subscription>(`${BASE}/subscriptions`, {
      method: 'POST',
      token,
      idempotencyKey,
      // The price the viewer saw: if the plan changed meanwhile the service refuses (422).
      body: { plan_id: plan.id, payment_method: paymentMethod, price: plan.price, currency: plan.currency },
    }),
  me: (token: string, signal?: AbortSignal) => request<Me>(`${BASE}/me`, { token, signal }),
  invoices: (token: string, signal?: AbortSignal) => request<{ data: Invoice[] }>(`${BASE}/invoices`, { token, signal }),
  changePlan: (token: string, subscription: string, planId: string, idempotencyKey: string) =>
    request<Subscription>(`${BASE}/subscriptions/${encodeURIComponent(subscription)}/change-plan`, {
      method: 'POST',
      token,
      idempotencyKey,
      body: { plan_id: planId },
    }),
  cancel: (token: string, subscription: string, idempotencyKey: string) =>
    request<Subscription>(`${BASE}/subscriptions/${encodeURIComponent(subscription)}/cancel`, {
      method: 'POST',
      token,
      idempotencyKey,
    }),
  resume: (token: string, subscription: string, idempotencyKey: string) =>
    request<Subscription>(`${BASE}/subscriptions/${encodeURIComponent(subscription)}/resume`, {
      method: 'POST',
      token,
      idempotencyKey,
    }),
  changeCard: (token: string, subscription: string, paymentMethod: string, idempotencyKey: string) =>
    request<Subscription>(`${BASE}/subscriptions/${encodeURIComponent(subscription)}/payment-method`, {
      method: 'POST',
      token,
      idempotencyKey,
      body: { payment_method: paymentMethod },
    }),
};
