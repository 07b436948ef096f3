import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import { answerFetch, renderAt, video } from '../../test/render';
import PlayerPage from './PlayerPage';

afterEach(() => vi.unstubAllGlobals());

function Where() {
  const location = useLocation();
  return <p>at {location.pathname + location.search}</p>;
}

const title = (url: URL) => (url.pathname === '/api/catalog/videos/v1' ? { status: 200, body: video('v1', 'Bacurau') } : undefined);

describe('PlayerPage', () => {
  it('sends a viewer without a subscription to the plans, with the reason', async () => {
    answerFetch(title, (url) =>
      url.pathname === '/api/catalog/videos/v1/playback'
        ? { status: 403, body: { status: 403, detail: 'No subscription', reason: 'not_subscribed', plans_url: '/api/subscription/plans' } }
        : undefined,
    );
    renderAt('/watch/v1', [
      { path: '/watch/:id', element: <PlayerPage /> },
      { path: '/plans', element: <Where /> },
    ]);
    expect(await screen.findByText('at /plans?reason=not_subscribed')).toBeTruthy();
  });

  it('names the stream limit and how to free a stream', async () => {
    answerFetch(title, (url) =>
      url.pathname === '/api/catalog/videos/v1/playback'
        ? {
            status: 409,
            body: { status: 409, detail: 'limit', reason: 'stream_limit', max_streams: 2, active_sessions: [] },
          }
        : undefined,
    );
    renderAt('/watch/v1', [{ path: '/watch/:id', element: <PlayerPage /> }]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your plan allows 2 screens at once and all are in use');
    expect(alert.textContent).toContain('wait about 2 minutes');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('says when a title is not ready yet', async () => {
    answerFetch(title, (url) =>
      url.pathname === '/api/catalog/videos/v1/playback'
        ? { status: 409, body: { status: 409, detail: 'The video is not ready to play yet (no encoded video)' } }
        : undefined,
    );
    renderAt('/watch/v1', [{ path: '/watch/:id', element: <PlayerPage /> }]);
    expect((await screen.findByRole('alert')).textContent).toContain('being prepared');
  });
});
