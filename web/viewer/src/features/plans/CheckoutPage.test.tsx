import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answerFetch, fakeSession, renderAt } from '../../test/render';
import { CheckoutPage } from './CheckoutPage';

afterEach(() => vi.unstubAllGlobals());

const plan = {
  id: 'p1',
  name: 'Padrão',
  description: 'Two screens in HD',
  price: 3990,
  currency: 'BRL',
  interval: 'month',
  trial_days: 0,
  max_streams: 2,
  max_quality: '720p',
  active: true,
  version: 1,
};
const plans = (url: URL) => (url.pathname === '/api/subscription/plans' ? { status: 200, body: { data: [plan] } } : undefined);
const tokenize = (url: URL) =>
  url.pathname === '/api/subscription/sandbox/payment-methods'
    ? { status: 201, body: { token: 'pm_1', brand: 'visa', last4: '0002', exp_month: 12, exp_year: 2030 } }
    : undefined;

async function fillCard(number: string) {
  await userEvent.type(await screen.findByLabelText('Card number'), number);
  await userEvent.type(screen.getByLabelText('Expiry month'), '12');
  await userEvent.type(screen.getByLabelText('Expiry year'), '2030');
  await userEvent.type(screen.getByLabelText('Security code (CVC)'), '123');
}

describe('CheckoutPage', () => {
  it('tells a declined card apart and creates nothing', async () => {
    const fetchMock = answerFetch(plans, tokenize, (url) =>
      url.pathname === '/api/subscription/subscriptions'
        ? { status: 402, body: { status: 402, detail: 'Your card was declined', reason: 'card_declined' } }
        : undefined,
    );
    renderAt('/checkout/p1', [{ path: '/checkout/:planId', element: <CheckoutPage /> }]);
    await fillCard('4000 0000 0000 0002');
    await userEvent.click(screen.getByRole('button', { name: /Subscribe for/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('Your card was declined. No charge was made');
    const subscribe = fetchMock.mock.calls.filter(([input]) => String(input) === '/api/subscription/subscriptions');
    expect(subscribe).toHaveLength(1);
    const body = JSON.parse(String(subscribe[0][1]?.body));
    expect(body).toEqual({ plan_id: 'p1', payment_method: 'pm_1', price: 3990, currency: 'BRL' });
    expect((subscribe[0][1]?.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(screen.queryByText(/Welcome/)).toBeNull();
  });

  it('shows the provider field errors beside their fields', async () => {
    answerFetch(plans, (url) =>
      url.pathname === '/api/subscription/sandbox/payment-methods'
        ? { status: 400, body: { status: 400, detail: 'The card is invalid', errors: [{ field: 'card_number', message: 'fails the Luhn check' }] } }
        : undefined,
    );
    renderAt('/checkout/p1', [{ path: '/checkout/:planId', element: <CheckoutPage /> }]);
    await fillCard('4242 4242 4242 4241');
    await userEvent.click(screen.getByRole('button', { name: /Subscribe for/ }));
    expect(await screen.findByText('fails the Luhn check')).toBeTruthy();
    expect(screen.getByLabelText('Card number').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Please check the highlighted fields.');
  });

  it('subscribes and waits until playback knows the subscription', async () => {
    let entitled = false;
    answerFetch(plans, tokenize, (url) => {
      if (url.pathname === '/api/subscription/subscriptions') {
        entitled = true;
        return { status: 201, body: { ...plan, id: 's1', plan_id: 'p1', plan_name: 'Padrão', status: 'active', trial_end: null } };
      }
      if (url.pathname === '/api/catalog/me/entitlement') return { status: 200, body: { entitled } };
      return undefined;
    });
    renderAt('/checkout/p1', [{ path: '/checkout/:planId', element: <CheckoutPage /> }]);
    await fillCard('4242 4242 4242 4242');
    await userEvent.click(screen.getByRole('button', { name: /Subscribe for/ }));
    expect(await screen.findByText('Welcome to Padrão! You can start watching now.')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('link', { name: 'Home' }).getAttribute('aria-disabled')).toBe('false'));
  });

  it('asks an anonymous visitor to sign in first', async () => {
    answerFetch(plans);
    renderAt('/checkout/p1', [{ path: '/checkout/:planId', element: <CheckoutPage /> }], fakeSession({ accessToken: null }));
    expect(await screen.findByText('Sign in to continue.')).toBeTruthy();
  });
});
