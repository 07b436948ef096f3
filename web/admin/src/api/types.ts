// What the admin APIs answer (services/{catalog-admin,subscription,identity}/openapi.yaml).
import type { Invoice, ListMeta, Subscription, SubscriptionStatus } from '@codeflix/web-shared/billing';

export type { Invoice, ListMeta, Plan, Quality, Subscription, SubscriptionStatus } from '@codeflix/web-shared/billing';

export interface List<T> {
  data: T[];
  meta: ListMeta;
}

export const RATINGS = ['L', '10', '12', '14', '16', '18'] as const;
export type Rating = (typeof RATINGS)[number];
export const CAST_TYPES = ['director', 'actor'] as const;
export type CastMemberType = (typeof CAST_TYPES)[number];

interface Versioned {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
}
export interface Category extends Versioned {
  name: string;
  description: string | null;
  is_active: boolean;
}
export interface Genre extends Versioned {
  name: string;
  is_active: boolean;
  categories_id: string[];
}
export interface CastMember extends Versioned {
  name: string;
  type: CastMemberType;
}

export const MEDIA_KINDS = ['video', 'trailer', 'banner', 'thumbnail', 'thumbnail_half'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
export type MediaStatus = 'none' | 'pending' | 'processing' | 'completed' | 'failed';
export interface MediaSlot {
  status: MediaStatus;
  progress: number;
  error: string | null;
  upload_id: string | null;
  current: { url?: string; poster_url?: string; hls?: string; duration_seconds?: number; width?: number; height?: number; renditions?: { height: number }[] } | null;
}
export interface Video extends Versioned {
  title: string;
  description: string;
  year_launched: number;
  opened: boolean;
  rating: Rating;
  duration: number;
  published: boolean;
  categories_id: string[];
  genres_id: string[];
  cast_members_id: string[];
  media: Record<MediaKind, MediaSlot>;
}
export interface UploadTicket {
  id: string;
  upload_url: string;
  method: 'PUT';
  headers: Record<string, string>;
  max_size: number;
}
export interface Preview {
  hls_url: string;
  dash_url: string;
  expires_at: string;
}

export interface Customer {
  user_id: string;
  email: string;
  display_name: string;
  created_at: string;
}
export interface Subscriber extends Customer {
  subscription: { id: string; status: SubscriptionStatus; plan_name: string; current_period_end: string } | null;
}
export interface SubscriptionDetail extends Subscription {
  customer: Customer | null;
  history: { at: string; action: string; detail: Record<string, unknown> }[];
  invoices: Invoice[];
}

export const ROLES = ['user', 'catalog-admin', 'subscription-admin', 'identity-admin'] as const;
export type Role = (typeof ROLES)[number];
export interface User extends Versioned {
  email: string;
  display_name: string;
  enabled: boolean;
  locked: boolean;
  roles: Role[];
}
