// The shapes of the answers the viewer reads (services/catalog-api/openapi.yaml and
// services/subscription/openapi.yaml).

export interface Named {
  id: string;
  name: string;
}
export interface CastMember extends Named {
  type: 'actor' | 'director';
}
export interface StreamMedia {
  ready: boolean;
  duration_seconds?: number;
  poster_url?: string;
  has_audio?: boolean;
  heights?: number[];
}
export interface ImageMedia {
  url: string;
  width: number;
  height: number;
}
export interface Video {
  id: string;
  title: string;
  description: string;
  year_launched: number;
  opened: boolean;
  rating: string;
  duration: number | null;
  categories: (Named & { description: string | null })[];
  genres: Named[];
  cast_members: CastMember[];
  media: {
    video: StreamMedia;
    trailer: StreamMedia;
    thumbnail: ImageMedia | null;
    thumbnail_half: ImageMedia | null;
    banner: ImageMedia | null;
  };
  version: number;
  created_at: string;
  updated_at: string;
}
export interface ListMeta {
  page: number;
  per_page: number;
  total: number;
  last_page: number;
}
export interface BrowseRow {
  id: string;
  title: string;
  videos: Video[];
}
export interface Facet {
  value: string;
  name?: string;
  count: number;
}
export interface SearchAnswer {
  data: { video: Video; highlights: { title?: string; description?: string } }[];
  meta: ListMeta;
  facets: { categories: Facet[]; genres: Facet[]; ratings: Facet[]; decades: Facet[] };
  query: { q: string; terms: { word: string; prefix: boolean; matches: string[] }[] };
}
export interface ContinueWatchingItem {
  video: Video;
  position_seconds: number;
  duration_seconds: number;
  progress: number;
  updated_at: string;
}
export interface PlaybackSession {
  session_id: string;
  video_id: string;
  heartbeat_interval_seconds: number;
  session_timeout_seconds: number;
  expires_at: string;
  max_quality: Quality;
  resume_position_seconds: number;
  duration_seconds: number;
  hls_url: string;
  dash_url: string;
  thumbnails_url: string | null;
  renditions: { width: number; height: number }[];
}
export interface TrailerUrls {
  hls_url: string;
  dash_url: string;
  duration_seconds: number;
  expires_at: string;
}
export interface Entitlement {
  entitled: boolean;
  reason: 'not_subscribed' | 'subscription_ended' | 'payment_overdue' | null;
  plan_name: string | null;
  status: SubscriptionStatus | null;
  max_streams: number | null;
  max_quality: Quality | null;
  current_period_end: string | null;
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
export interface PaymentMethod {
  token: string;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
}
export interface Subscription {
  id: string;
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
}
export interface Me {
  subscription: Subscription | null;
  upcoming: { at: string; amount: number; currency: string; plan_name: string } | null;
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
}
