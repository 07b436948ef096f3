import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAt, video } from '../test/render';
import { Row } from './Row';
import { VideoCard } from './VideoCard';

// jsdom lays nothing out, so it has no scrollIntoView: a spy stands in and tells where the row scrolled.
const scrolled = vi.fn();
Element.prototype.scrollIntoView = scrolled;
afterEach(() => scrolled.mockClear());

describe('Row', () => {
  it('moves between titles with the arrow keys, Home and End, and labels its buttons', async () => {
    const videos = ['A', 'B', 'C'].map((t) => video(t.toLowerCase(), t));
    renderAt('/', [
      {
        path: '/',
        element: (
          <Row id="new" title="New on CODEFLIX">
            {videos.map((v) => (
              <VideoCard key={v.id} video={v as never} />
            ))}
          </Row>
        ),
      },
    ]);
    expect(screen.getByRole('region', { name: 'New on CODEFLIX' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Scroll New on CODEFLIX right' })).toBeTruthy();
    const links = screen.getAllByRole('link');
    links[0].focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(links[1]);
    expect(scrolled.mock.contexts.at(-1)).toBe(links[1]);
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(links[2]);
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(links[2]);
    await userEvent.keyboard('{Home}');
    expect(document.activeElement).toBe(links[0]);
  });
});
