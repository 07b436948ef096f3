// The shapes of the answers the viewer reads (services/catalog-api/openapi.yaml and
// services/subscription/openapi.yaml).
import type { ListMeta, Quality, Subscription, SubscriptionStatus } from '@codeflix/web-shared/billing';

export type { Invoice, ListMeta, Plan, Quality, Subscription, SubscriptionStatus } from '@codeflix/web-shared/billing';

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


export interface PaymentMethod {
  token: string;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
}
export interface Me {
  subscription: Subscription | null;
  upcoming: { at: string; amount: number; currency: string; plan_name: string } | null;
}
