// Requests on behalf of the signed-in admin: a fresh access token on each, the answer's ETag
// kept for If-Match, list URLs built from a screen's query.
import { useCallback } from 'react';
import { send, type Answer, type RequestOptions } from '@codeflix/web-shared/api';
import { useSession } from '@codeflix/web-shared/auth';

export type Call = <T>(url: string, options?: RequestOptions) => Promise<Answer<T>>;

/** A `send` that signs the request with the admin's (renewed when needed) access token. */
export function useCall(): Call {
  const { freshToken } = useSession();
  return useCallback(
    async <T,>(url: string, options: RequestOptions = {}) => send<T>(url, { ...options, token: await freshToken() }),
    [freshToken],
  ) as Call;
}

/** The API prefix of each kind of record the catalog screens edit. */
export const CATALOG = {
  categories: '/api/admin/categories',
  genres: '/api/admin/genres',
  'cast-members': '/api/admin/cast-members',
  videos: '/api/admin/videos',
} as const;
export type CatalogResource = keyof typeof CATALOG;

export const PLANS = '/api/subscription/admin/plans';
export const SUBSCRIBERS = '/api/subscription/admin/subscribers';
export const SUBSCRIPTIONS = '/api/subscription/admin/subscriptions';
export const INVOICES = '/api/subscription/admin/invoices';
export const USERS = '/api/identity/users';

/** `If-Match` for a record of this version (catalog-admin and plans: 412 when it moved on). */
export function ifMatch(version: number | string | null | undefined): Record<string, string> {
  if (version === null || version === undefined) return {};
  const text = String(version);
  return { 'If-Match': text.startsWith('"') || text.startsWith('W/') ? text : `"${text}"` };
}
