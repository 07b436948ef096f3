// catalog-api: the public catalog (anonymous) and the signed-in viewer's playback.
import { request, withQuery } from '@codeflix/web-shared/api';
import type {
  BrowseRow,
  ContinueWatchingItem,
  Entitlement,
  ListMeta,
  Named,
  PlaybackSession,
  SearchAnswer,
  TrailerUrls,
  Video,
} from './types';

const BASE = '/api/catalog';

export interface SearchFilters {
  category?: string;
  genre?: string;
  rating?: string;
  decade?: string;
}

export const catalog = {
  browse: (signal?: AbortSignal) =>
    request<{ rows: BrowseRow[] }>(withQuery(`${BASE}/browse`, { per_row: 20 }), { signal }),
  video: (id: string, signal?: AbortSignal) => request<Video>(`${BASE}/videos/${encodeURIComponent(id)}`, { signal }),
  search: (q: string, filters: SearchFilters, page = 1, signal?: AbortSignal) =>
    request<SearchAnswer>(withQuery(`${BASE}/search`, { q, page, per_page: 24, ...filters }), { signal }),
  trailer: (id: string, signal?: AbortSignal) =>
    request<TrailerUrls>(`${BASE}/videos/${encodeURIComponent(id)}/trailer`, { signal }),
  categories: (signal?: AbortSignal) =>
    request<{ data: Named[]; meta: ListMeta }>(withQuery(`${BASE}/categories`, { per_page: 100 }), { signal }),
  continueWatching: (token: string, signal?: AbortSignal) =>
    request<{ data: ContinueWatchingItem[]; meta: ListMeta }>(
      withQuery(`${BASE}/me/continue-watching`, { per_page: 20 }),
      { token, signal },
    ),
  entitlement: (token: string, signal?: AbortSignal) =>
    request<Entitlement>(`${BASE}/me/entitlement`, { token, signal }),
  startPlayback: (token: string, videoId: string) =>
    request<PlaybackSession>(`${BASE}/videos/${encodeURIComponent(videoId)}/playback`, {
      method: 'POST',
      token,
      body: {},
    }),
  heartbeat: (token: string, videoId: string, session: string, position: number, state: 'playing' | 'paused' | 'ended') =>
    request<{ next_heartbeat_seconds: number }>(
      `${BASE}/videos/${encodeURIComponent(videoId)}/playback/${encodeURIComponent(session)}`,
      { method: 'PUT', token, body: { position_seconds: Math.max(0, position), state }, keepalive: state !== 'playing' },
    ),
  stopPlayback: (token: string, videoId: string, session: string) =>
    request<void>(`${BASE}/videos/${encodeURIComponent(videoId)}/playback/${encodeURIComponent(session)}`, {
      method: 'DELETE',
      token,
      keepalive: true,
    }),
};
