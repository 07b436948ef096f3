import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answerFetch, renderAt, video } from '../../test/render';
import { corrected, SearchPage } from './SearchPage';

afterEach(() => vi.unstubAllGlobals());

const matrix = video('m1', 'Matrix');
const searchAnswer = (q: string, total = 1) => ({
  data: total ? [{ video: matrix, highlights: { title: '<mark>Matrix</mark>' } }] : [],
  meta: { page: 1, per_page: 24, total, last_page: 1 },
  facets: {
    categories: [{ value: 'c1', name: 'Filmes', count: total }],
    genres: [{ value: 'g1', name: 'Ficção científica', count: total }],
    ratings: [{ value: '14', count: total }],
    decades: [{ value: '1990', count: total }],
  },
  query: { q, terms: q ? [{ word: q, prefix: true, matches: total ? [q, 'matrix'] : [] }] : [] },
});

describe('SearchPage', () => {
  it('searches once typing pauses, shows highlighted typo-tolerant results and facets', async () => {
    const fetchMock = answerFetch((url) =>
      url.pathname === '/api/catalog/search' ? { status: 200, body: searchAnswer(url.searchParams.get('q') ?? '') } : undefined,
    );
    renderAt('/search', [{ path: '/search', element: <SearchPage /> }]);
    await userEvent.type(screen.getByLabelText('Search titles, people, genres'), 'matirx');
    await waitFor(() => expect(screen.getByText(/Showing results for matrix/)).toBeTruthy());
    const queries = fetchMock.mock.calls.map(([input]) => new URL(String(input), 'http://x').searchParams.get('q'));
    expect(queries).not.toContain('m');
    expect(queries).not.toContain('mat');
    expect(queries).toContain('matirx');
    expect(screen.getByText('Matrix', { selector: 'mark' })).toBeTruthy();
    expect(screen.getByText(/^1 result/)).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Ficção científica (1)' })).toBeTruthy();
    expect(screen.getByRole('option', { name: '1990s (1)' })).toBeTruthy();
  });

  it('filters by a facet through the address and clears it', async () => {
    const fetchMock = answerFetch((url) =>
      url.pathname === '/api/catalog/search' ? { status: 200, body: searchAnswer('') } : undefined,
    );
    renderAt('/search', [{ path: '/search', element: <SearchPage /> }]);
    await userEvent.selectOptions(await screen.findByLabelText('Genre'), 'g1');
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([input]) => String(input).includes('genre=g1'))).toBe(true),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull());
  });

  it('suggests titles when nothing matches', async () => {
    answerFetch(
      (url) => (url.pathname === '/api/catalog/search' ? { status: 200, body: searchAnswer(url.searchParams.get('q') ?? '', 0) } : undefined),
      (url) =>
        url.pathname === '/api/catalog/browse'
          ? { status: 200, body: { rows: [{ id: 'new', title: 'New', videos: [video('b1', 'Bacurau')] }] } }
          : undefined,
    );
    renderAt('/search?q=zzzz', [{ path: '/search', element: <SearchPage /> }]);
    expect(await screen.findByText('Nothing matches “zzzz”.')).toBeTruthy();
    expect(await screen.findByRole('link', { name: /Bacurau/ })).toBeTruthy();
  });

  it('explains a failed search', async () => {
    answerFetch(() => ({ status: 503, body: { status: 503, detail: 'The database is unavailable; retry shortly' } }));
    renderAt('/search?q=x', [{ path: '/search', element: <SearchPage /> }]);
    expect(await screen.findByText(/The database is unavailable/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('corrected', () => {
  it('names only words that were corrected, not completed prefixes', () => {
    expect(corrected(searchAnswer('matirx'))).toBe('matrix');
    expect(corrected({ ...searchAnswer('matr'), query: { q: 'matr', terms: [{ word: 'matr', prefix: true, matches: ['matrix'] }] } })).toBeUndefined();
  });
});
