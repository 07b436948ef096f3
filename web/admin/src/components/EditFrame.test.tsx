import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answerFetch, renderAt } from '../test/render';
import { CategoryEdit } from '../features/catalog/categories';

afterEach(() => vi.unstubAllGlobals());

const stored = { id: 'c1', name: 'Filmes', description: 'Longas', is_active: true, version: 4, created_at: '', updated_at: '' };

describe('EditFrame (a category)', () => {
  it('saves with the ETag it loaded and shows a conflict when someone else saved first', async () => {
    const puts: RequestInit[] = [];
    answerFetch((url, init) => {
      if (url.pathname !== '/api/admin/categories/c1') return undefined;
      if (init.method === 'PUT') {
        puts.push(init);
        return { status: 412, body: { status: 412, detail: 'The category changed since version 4' } };
      }
      return { status: 200, body: stored, headers: { ETag: '"4"' } };
    });
    renderAt('/categories/c1', [{ path: '/categories/:id', element: <CategoryEdit /> }]);
    const name = await screen.findByLabelText('Name');
    expect((name as HTMLInputElement).value).toBe('Filmes');
    await userEvent.clear(name);
    await userEvent.type(name, 'Longas-metragens');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Someone else changed this record');
    expect((puts[0].headers as Record<string, string>)['If-Match']).toBe('"4"');
    expect(JSON.parse(String(puts[0].body))).toEqual({ name: 'Longas-metragens', description: 'Longas', is_active: true });
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  it('puts the API’s field errors beside their fields and creates with an idempotency key', async () => {
    const posts: RequestInit[] = [];
    answerFetch((url, init) => {
      if (url.pathname !== '/api/admin/categories' || init.method !== 'POST') return undefined;
      posts.push(init);
      return { status: 409, body: { status: 409, detail: 'Name taken', errors: [{ field: 'name', message: 'is already used by category c9' }] } };
    });
    renderAt('/categories/new', [{ path: '/categories/new', element: <CategoryEdit /> }]);
    await userEvent.type(screen.getByLabelText('Name'), 'Filmes');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const name = screen.getByLabelText('Name');
    expect(await screen.findByText('is already used by category c9')).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toContain('error');
    expect((posts[0].headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows a record that failed to load as an error with a retry, never as an empty form', async () => {
    answerFetch((url) => (url.pathname === '/api/admin/categories/c1' ? { status: 503, body: { status: 503, detail: 'Database unavailable' } } : undefined));
    renderAt('/categories/c1', [{ path: '/categories/:id', element: <CategoryEdit /> }]);
    expect((await screen.findByRole('alert')).textContent).toContain('Database unavailable');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByLabelText('Name')).toBeNull();
  });
});
