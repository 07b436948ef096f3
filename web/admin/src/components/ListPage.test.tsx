import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answerFetch, renderAt } from '../test/render';
import { CategoryList } from '../features/catalog/categories';

afterEach(() => vi.unstubAllGlobals());

const category = (id: string, name: string, version = 1) => ({
  id, name, description: null, is_active: true, version,
  created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-02T00:00:00.000Z',
});

describe('ListPage (categories)', () => {
  it('asks the API for the page, sort and search of the address and sorts by a header', async () => {
    const fetchMock = answerFetch((url, init) =>
      url.pathname === '/api/admin/categories' && (init.method ?? 'GET') === 'GET'
        ? { status: 200, body: { data: [category('c1', 'Filmes')], meta: { page: 2, per_page: 20, total: 21, last_page: 2 } } }
        : undefined,
    );
    renderAt('/categories?page=2&q=fil', [{ path: '/categories', element: <CategoryList /> }]);
    expect(await screen.findByRole('link', { name: 'Filmes' })).toBeTruthy();
    const first = new URL(String(fetchMock.mock.calls[0][0]), 'http://localhost');
    expect(Object.fromEntries(first.searchParams)).toMatchObject({ page: '2', per_page: '20', sort: 'name', dir: 'asc', q: 'fil' });
    expect(screen.getByText('Page 2 of 2 · 21 in all')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() => {
      const last = new URL(String(fetchMock.mock.calls.at(-1)![0]), 'http://localhost');
      expect(last.searchParams.get('dir')).toBe('desc');
      expect(last.searchParams.get('page')).toBe('1');
    });
  });

  it('deletes only after confirmation, with If-Match, and says why a delete was refused', async () => {
    const deletes: RequestInit[] = [];
    answerFetch(
      (url, init) => {
        if (init.method !== 'DELETE') return undefined;
        deletes.push(init);
        return url.pathname.endsWith('/c2')
          ? { status: 409, body: { status: 409, detail: 'The category is used by the live genre Drama' } }
          : { status: 204 };
      },
      (url) =>
        url.pathname === '/api/admin/categories'
          ? { status: 200, body: { data: [category('c1', 'Filmes', 3), category('c2', 'Séries')], meta: { page: 1, per_page: 20, total: 2, last_page: 1 } } }
          : undefined,
    );
    renderAt('/categories', [{ path: '/categories', element: <CategoryList /> }]);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Filmes' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(deletes).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Delete Filmes' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('"Filmes" was deleted.')).toBeTruthy();
    expect((deletes[0].headers as Record<string, string>)['If-Match']).toBe('"3"');

    await userEvent.click(screen.getByRole('button', { name: 'Delete Séries' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect((await screen.findByRole('alert')).textContent).toContain('used by the live genre Drama');
  });
});
