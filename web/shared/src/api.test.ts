import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, request, send, withQuery } from './api';

function answer(status: number, body: unknown, type = 'application/json') {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': type },
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('request', () => {
  it('sends the token, the idempotency key and a JSON body', async () => {
    const fetchMock = vi.fn().mockResolvedValue(answer(201, { id: 's1' }));
    vi.stubGlobal('fetch', fetchMock);
    const result = await request<{ id: string }>('/api/x', {
      method: 'POST',
      body: { plan_id: 'p' },
      token: 'tok',
      idempotencyKey: 'k-1',
    });
    expect(result.id).toBe('s1');
    const [, init] = fetchMock.mock.calls[0];
    expect(init.method).toBe('POST');
    expect(init.headers.Authorization).toBe('Bearer tok');
    expect(init.headers['Idempotency-Key']).toBe('k-1');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(init.body)).toEqual({ plan_id: 'p' });
  });

  it('turns a problem document into an ApiError with its reason and field errors', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        answer(
          409,
          {
            status: 409,
            detail: 'Your plan allows 2 streams',
            reason: 'stream_limit',
            max_streams: 2,
            errors: [{ field: 'name', message: 'is required' }, { bad: true }, { field: 'genres_id[1]', message: 'does not exist' }],
          },
          'application/problem+json',
        ),
      ),
    );
    const error = await request('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const problem = error as ApiError;
    expect(problem.status).toBe(409);
    expect(problem.detail).toBe('Your plan allows 2 streams');
    expect(problem.reason).toBe('stream_limit');
    expect(problem.problem.max_streams).toBe(2);
    expect(problem.fieldError('name')).toBe('is required');
    expect(problem.fieldError('genres_id')).toBe('does not exist');
    expect(problem.fieldError('genres')).toBeUndefined();
    expect(problem.fields).toHaveLength(2);
  });

  it('explains a failure without a problem document by its status', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('<html>', { status: 502, statusText: 'Bad Gateway' })));
    const error = (await request('/api/x').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.detail).toBe('502 Bad Gateway');
  });

  it('reports a network failure as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = (await request('/api/x').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(0);
  });

  it('answers undefined for 204', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(null, { status: 204 })));
    expect(await request('/api/x', { method: 'DELETE' })).toBeUndefined();
  });

  it('answers the ETag and Location with the body, for If-Match on the next save', async () => {
    const headers = { 'Content-Type': 'application/json', ETag: '"3"', Location: '/api/admin/genres/g1' };
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('{"id":"g1"}', { status: 201, headers })));
    expect(await send('/api/admin/genres', { method: 'POST', body: {} })).toEqual({
      body: { id: 'g1' },
      etag: '"3"',
      location: '/api/admin/genres/g1',
    });
  });
});

describe('withQuery', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(withQuery('/s', { q: 'ação & co', page: 2, genre: '', x: undefined })).toBe('/s?q=a%C3%A7%C3%A3o+%26+co&page=2');
    expect(withQuery('/s', {})).toBe('/s');
  });
});
