import { describe, expect, it } from 'vitest';
import { ApiError } from '@codeflix/web-shared/api';
import { clock, explain, maxHeightOf } from './problems';

describe('explain', () => {
  it('sends viewers without a subscription to the plans with the reason', () => {
    expect(explain(new ApiError(403, 'no', { reason: 'subscription_ended' }))).toEqual({
      kind: 'plans',
      reason: 'subscription_ended',
    });
    expect(explain(new ApiError(403, 'no'))).toEqual({ kind: 'plans', reason: 'not_subscribed' });
  });

  it('names the stream limit and how long a stopped stream still counts', () => {
    expect(explain(new ApiError(409, 'limit', { reason: 'stream_limit', max_streams: 2 }), 90)).toEqual({
      kind: 'stream-limit',
      maxStreams: 2,
      waitMinutes: 2,
    });
    expect(explain(new ApiError(409, 'limit', { reason: 'stream_limit', max_streams: 'x' }), 30)).toMatchObject({
      maxStreams: 1,
      waitMinutes: 1,
    });
  });

  it('tells the other failures apart', () => {
    expect(explain(new ApiError(401, 'x'))).toEqual({ kind: 'sign-in' });
    expect(explain(new ApiError(409, 'not ready'))).toEqual({ kind: 'not-ready' });
    expect(explain(new ApiError(410, 'gone', { reason: 'session_expired' }))).toEqual({ kind: 'expired' });
    expect(explain(new ApiError(404, 'x'))).toEqual({ kind: 'not-found' });
    expect(explain(new Error('boom')).kind).toBe('error');
  });
});

describe('maxHeightOf and clock', () => {
  it('reads qualities and formats times', () => {
    expect(maxHeightOf('720p')).toBe(720);
    expect(maxHeightOf('best')).toBeUndefined();
    expect(clock(0)).toBe('0:00');
    expect(clock(75.9)).toBe('1:15');
    expect(clock(3723)).toBe('1:02:03');
    expect(clock(Number.NaN)).toBe('0:00');
  });
});
