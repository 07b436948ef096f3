import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { fakeSession, renderAt } from '../test/render';
import { Layout } from './Layout';

const at = (roles: string[]) =>
  renderAt('/', [{ path: '/', element: <Layout /> }], fakeSession({ roles, name: 'Bia' }));

describe('Layout', () => {
  it('tells an account without an admin role what is missing', () => {
    at(['user']);
    expect(screen.getByRole('heading', { name: 'No administrator role' })).toBeTruthy();
    expect(screen.getByText(/signed in as Bia/).textContent).toContain('catalog-admin');
    expect(screen.queryByRole('navigation', { name: 'Sections' })).toBeNull();
  });

  it('shows only the sections the roles open', () => {
    at(['user', 'subscription-admin']);
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    expect(nav.textContent).toContain('Plans');
    expect(nav.textContent).toContain('Subscribers');
    expect(nav.textContent).not.toContain('Videos');
    expect(nav.textContent).not.toContain('Users');
  });

  it('asks a signed-out visitor to sign in', () => {
    renderAt('/', [{ path: '/', element: <Layout /> }], fakeSession({ accessToken: null }));
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });
});
