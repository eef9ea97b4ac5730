import { describe, expect, it } from 'vitest';
import type { Payment } from '../payments/payment.js';
import { holderAt, withinLateWindow } from './attribution.js';

const DAY = 86_400_000;
const payment = (id: string, createdAt: number) => ({ id, createdAt }) as Payment;

describe('holderAt', () => {
  const first = payment('pay_first', 1_000);
  const second = payment('pay_second', 50 * DAY);

  it('gives a transfer to the payment that held the address at its block time', () => {
    expect(holderAt([first, second], 2_000)?.id).toBe('pay_first');
    expect(holderAt([first, second], 50 * DAY - 1)?.id).toBe('pay_first');
    expect(holderAt([first, second], 50 * DAY)?.id).toBe('pay_second');
    expect(holderAt([first, second], 90 * DAY)?.id).toBe('pay_second');
  });

  it('a transfer stamped before every invoice goes to the first; no payment, no holder', () => {
    expect(holderAt([first, second], 10)?.id).toBe('pay_first');
    expect(holderAt([], 10)).toBeNull();
  });
});

describe('withinLateWindow', () => {
  it('counts from the expiry, up to and including the window’s last millisecond', () => {
    const expired = { expiresAt: 10 * DAY, cancelledAt: 10 * DAY + 5 };
    expect(withinLateWindow(expired, 10 * DAY + 1, 7)).toBe(true);
    expect(withinLateWindow(expired, 17 * DAY, 7)).toBe(true);
    expect(withinLateWindow(expired, 17 * DAY + 1, 7)).toBe(false);
    expect(withinLateWindow(expired, 10 * DAY + 1, 0)).toBe(false);
  });

  it('without an expiry it counts from the cancellation', () => {
    expect(withinLateWindow({ expiresAt: null, cancelledAt: DAY }, 2 * DAY, 1)).toBe(true);
    expect(withinLateWindow({ expiresAt: null, cancelledAt: DAY }, 2 * DAY + 1, 1)).toBe(false);
  });
});
