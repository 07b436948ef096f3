// What subscription answers, as both apps read it (services/subscription/openapi.yaml).

export interface ListMeta {
  page: number;
  per_page: number;
  total: number;
  last_page: number;
}

export type Quality = '480p' | '720p' | '1080p';
export type SubscriptionStatus = 'trialing' | 'active' | 'past_due' | 'canceled' | 'expired';

export interface Plan {
  id: string;
  name: string;
  description: string;
  price: number;
  currency: string;
  interval: 'month' | 'year';
  trial_days: number;
  max_streams: number;
  max_quality: Quality;
  active: boolean;
  version: number;
}

export interface Subscription {
  id: string;
  user_id?: string;
  plan_id: string;
  plan_name: string;
  status: SubscriptionStatus;
  price: number;
  currency: string;
  interval: 'month' | 'year';
  max_streams: number;
  max_quality: Quality;
  payment_method: { brand: string; last4: string };
  trial_end: string | null;
  current_period_start: string;
  current_period_end: string;
  cancel_at_period_end: boolean;
  pending_plan_id: string | null;
  past_due_since: string | null;
  next_payment_attempt: string | null;
  ended_at: string | null;
  end_reason: string | null;
  version?: number;
}

export interface Invoice {
  id: string;
  reason: 'subscription_create' | 'subscription_cycle' | 'subscription_update';
  amount: number;
  currency: string;
  status: 'open' | 'paid' | 'uncollectible' | 'void';
  period_start: string;
  period_end: string;
  failure_message: string | null;
  refunded_amount: number;
  created_at: string;
  paid_at?: string | null;
}
