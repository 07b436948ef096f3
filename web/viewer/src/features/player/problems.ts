// What a failed start or heartbeat means for the viewer, from catalog-api's problem documents.
import { ApiError } from '@codeflix/web-shared/api';

export type PlaybackProblem =
  | { kind: 'sign-in' }
  | { kind: 'plans'; reason: string }
  | { kind: 'stream-limit'; maxStreams: number; waitMinutes: number }
  | { kind: 'not-ready' }
  | { kind: 'not-found' }
  | { kind: 'expired' }
  | { kind: 'error'; error: unknown };

/** `timeoutSeconds`: how long a stopped stream still counts (the session timeout). */
export function explain(error: unknown, timeoutSeconds = 90): PlaybackProblem {
  if (!(error instanceof ApiError)) return { kind: 'error', error };
  if (error.status === 401) return { kind: 'sign-in' };
  if (error.status === 403) return { kind: 'plans', reason: error.reason ?? 'not_subscribed' };
  if (error.status === 404) return { kind: 'not-found' };
  if (error.status === 410) return { kind: 'expired' };
  if (error.status === 409 && error.reason === 'stream_limit') {
    const max = Number(error.problem.max_streams);
    return {
      kind: 'stream-limit',
      maxStreams: Number.isFinite(max) && max > 0 ? max : 1,
      waitMinutes: Math.max(1, Math.ceil(timeoutSeconds / 60)),
    };
  }
  if (error.status === 409) return { kind: 'not-ready' };
  return { kind: 'error', error };
}

/** The plan's quality as the tallest picture allowed (the short side of the frame). */
export function maxHeightOf(quality: string): number | undefined {
  const match = /^(\d+)p$/.exec(quality);
  return match ? Number(match[1]) : undefined;
}

export function clock(totalSeconds: number): string {
  const value = Number.isFinite(totalSeconds) && totalSeconds > 0 ? Math.floor(totalSeconds) : 0;
  const hours = Math.floor(value / 3600);
  const minutes = Math.floor((value % 3600) / 60);
  const seconds = String(value % 60).padStart(2, '0');
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
