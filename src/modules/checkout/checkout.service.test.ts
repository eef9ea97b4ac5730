/**
 * A wrong checkout token costs the same work whatever is wrong with it (docs/adr/0026): one lookup by
 * payment id (when the token parses) and exactly one constant-time hash comparison. This is checked by
 * counting the work, not by timing it; the checkout benchmark measures the timings.
 */
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../config/load.js';
import type { Payment } from '../payments/payment.js';
import { CheckoutService } from './checkout.service.js';
import * as secrets from './checkout-secret.js';

vi.mock('./checkout-secret.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./checkout-secret.js')>();
  return { ...original, secretMatches: vi.fn(original.secretMatches) };
});

const ID = 'pay_019cd79e4600f661d150c077de0276cb';

function serviceWith(stored: Partial<Payment> | null) {
  const findAnyPayment = vi.fn(async () => stored as Payment | null);
  const service = new CheckoutService({
    config: loadConfig({ file: '/nonexistent/tpg-test-config.yaml', allowMissingFile: true, env: {} }),
    clock: { now: () => 0 },
    payments: { findAnyPayment, cancelFromCheckout: vi.fn(), paymentVersions: vi.fn() },
    branding: { forCheckout: vi.fn() },
    links: { urlOfId: vi.fn() },
    tokenContract: () => null,
  } as unknown as ConstructorParameters<typeof CheckoutService>[0]);
  return { service, findAnyPayment };
}

describe('opening a checkout token', () => {
  const { secret, hash } = secrets.newSecret();
  const stored = { id: ID, checkout: { secretHash: hash } } as unknown as Partial<Payment>;

  it.each([
    ['an unknown payment id', null, `${ID}.${secret}`],
    ['a wrong secret of a real payment', stored, `${ID}.${'A'.repeat(24)}`],
    ['a payment without a checkout', { id: ID, checkout: null } as unknown as Partial<Payment>, `${ID}.${secret}`],
  ])('%s: one lookup, one hash comparison, no payment', async (_name, row, token) => {
    const { service, findAnyPayment } = serviceWith(row);
    vi.mocked(secrets.secretMatches).mockClear();
    expect(await service.open(token)).toBeNull();
    expect(findAnyPayment).toHaveBeenCalledTimes(1);
    expect(secrets.secretMatches).toHaveBeenCalledTimes(1);
  });

  it('a malformed token: no lookup, still one hash comparison', async () => {
    const { service, findAnyPayment } = serviceWith(stored);
    vi.mocked(secrets.secretMatches).mockClear();
    expect(await service.open('garbage')).toBeNull();
    expect(findAnyPayment).not.toHaveBeenCalled();
    expect(secrets.secretMatches).toHaveBeenCalledTimes(1);
  });

  it('the right token opens its payment', async () => {
    const { service } = serviceWith(stored);
    expect(await service.open(`${ID}.${secret}`)).toBe(stored);
  });
});
