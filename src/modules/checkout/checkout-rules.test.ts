import { describe, expect, it } from 'vitest';
import { checkLogo, svgProblem } from '../branding/logo-rules.js';
import type { Payment } from '../payments/payment.js';
import { buildCheckoutState, checkCustomerEmail, checkoutStatusOf, checkReturnUrl, parseCheckoutToken } from './checkout-rules.js';
import { hashSecret, newSecret, secretMatches } from './checkout-secret.js';

const CREATED = Date.UTC(2026, 2, 10, 12);
const USDT = 1_000_000n;

function payment(overrides: Partial<Payment> = {}): Payment {
  return {
    id: 'pay_019cd79e4600f661d150c077de0276cb',
    merchantId: 'mer_019cd79e460054694823eb1a64b8a003',
    batchId: null,
    batchIndex: null,
    status: 'pending',
    method: 'payment_gateway',
    priority: 'normal',
    currency: 'USDT',
    amount: 10n * USDT,
    fee: 15_000n,
    netAmount: 9_985_000n,
    feeRatePpb: 1_500_000n,
    discountPpb: 0n,
    networkFeeEstimate: null,
    payerAddress: null,
    payeeAddress: 'TUznHJfHe6gdYY7gvWmf6bNZHuPHDZtowf',
    depositAddress: 'TPswDDCAWhJAZGdHPidFg5nEf8TkNToDX1',
    depositIndex: 7,
    referenceId: 'order-7',
    description: 'two hats',
    metadata: { internal: true },
    expiresAt: CREATED + 3_600_000,
    amountReceived: 0n,
    exception: null,
    confirmations: 0,
    finalized: false,
    transactionId: null,
    networkFee: null,
    flags: [],
    approvalStatus: null,
    approvedAt: null,
    approvedBy: null,
    failureReason: null,
    cancelReason: null,
    createdAt: CREATED,
    updatedAt: CREATED,
    processingAt: null,
    confirmedAt: null,
    completedAt: null,
    failedAt: null,
    cancelledAt: null,
    version: 1,
    checkout: {
      secretHash: null,
      successUrl: 'https://shop.example/ok?order=7',
      cancelUrl: null,
      customerEmail: null,
      paymentLinkId: null,
      revokedAt: null,
    },
    ...overrides,
  };
}

describe('checkoutStatusOf', () => {
  const now = CREATED + 60_000;
  it.each<[string, Partial<Payment>, string]>([
    ['pending, nothing received', {}, 'waiting'],
    ['pending past expires_at (the expiry job has not run yet)', { expiresAt: now - 1 }, 'expired'],
    ['processing with the full amount', { status: 'processing', amountReceived: 10n * USDT }, 'seen'],
    ['processing short of the amount', { status: 'processing', amountReceived: 4n * USDT, exception: 'underpaid' }, 'underpaid'],
    ['confirmed', { status: 'confirmed', amountReceived: 10n * USDT }, 'confirmed'],
    ['completed', { status: 'completed', amountReceived: 10n * USDT }, 'completed'],
    ['completed with more than the amount', { status: 'completed', amountReceived: 12n * USDT, exception: 'overpaid' }, 'overpaid'],
    ['cancelled by expiry', { status: 'cancelled', cancelReason: 'expired' }, 'expired'],
    ['cancelled by the customer', { status: 'cancelled', cancelReason: 'customer_cancelled' }, 'cancelled'],
    ['paid after expiry', { status: 'processing', amountReceived: 10n * USDT, exception: 'paid_late' }, 'paid_late'],
    ['paid after expiry, completed', { status: 'completed', amountReceived: 10n * USDT, exception: 'paid_late' }, 'paid_late'],
    ['failed (expired short)', { status: 'failed', amountReceived: 1n * USDT }, 'failed'],
  ])('%s → %s', (_what, overrides, expected) => {
    expect(checkoutStatusOf(payment(overrides), now, 0n)).toBe(expected);
  });

  it('a shortfall within the underpayment tolerance is not underpaid', () => {
    const p = payment({ status: 'processing', amountReceived: 9_950_000n });
    expect(checkoutStatusOf(p, CREATED, 0n)).toBe('underpaid');
    expect(checkoutStatusOf(p, CREATED, 10_000_000n)).toBe('seen'); // 1 %
  });
});

describe('buildCheckoutState', () => {
  const context = {
    now: CREATED,
    decimals: 6,
    format: (units: bigint) => (Number(units) / 1e6).toString(),
    network: 'TRON (TRC-20)',
    tokenContract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
    confirmationsRequired: 19,
    tolerancePpb: 0n,
    overpaymentHandling: 'refund' as const,
    restartUrl: null,
  };

  it('shows the amount due, the success URL with payment_id, and nothing of metadata, reference or fee', () => {
    const state = buildCheckoutState(payment({ status: 'processing', amountReceived: 4n * USDT }), context);
    expect(state).toMatchObject({ checkoutStatus: 'underpaid', amountDue: '6', amountDueBaseUnits: '6000000', overpaymentHandling: null });
    expect(state.successUrl).toBe('https://shop.example/ok?order=7&payment_id=pay_019cd79e4600f661d150c077de0276cb');
    const text = JSON.stringify(state);
    expect(text).not.toContain('order-7');
    expect(text).not.toContain('internal');
    expect(text).not.toContain('mer_');
    expect(text).not.toContain('15000');
  });

  it('says how an overpayment is handled and by how much', () => {
    const state = buildCheckoutState(payment({ status: 'completed', amountReceived: 12n * USDT }), context);
    expect(state).toMatchObject({ checkoutStatus: 'overpaid', amountDue: '0', amountOver: '2', overpaymentHandling: 'refund' });
  });
});

describe('return URLs and e-mail', () => {
  const check = (value: unknown, devnet = false) => {
    const errors: Array<{ path: string; message: string }> = [];
    return { url: checkReturnUrl(value, 'success_url', devnet, errors), errors };
  };
  it('takes https, and http only for a loopback host on a devnet', () => {
    expect(check('https://shop.example/ok').url).toBe('https://shop.example/ok');
    expect(check('http://localhost:3000/ok', true).url).toBe('http://localhost:3000/ok');
    expect(check('http://127.0.0.1/ok', true).url).toBe('http://127.0.0.1/ok');
    expect(check('http://localhost:3000/ok', false).errors).toHaveLength(1);
    expect(check('http://shop.example/ok', true).errors).toHaveLength(1);
    expect(check('javascript:alert(1)').errors).toHaveLength(1);
    expect(check('https://a:b@shop.example/').errors).toHaveLength(1);
    expect(check(null).url).toBeNull();
  });
  it('checks an e-mail address', () => {
    const errors: Array<{ path: string; message: string }> = [];
    expect(checkCustomerEmail('buyer@example.com', 'customer_email', errors)).toBe('buyer@example.com');
    expect(checkCustomerEmail('buyer@', 'customer_email', errors)).toBeNull();
    expect(checkCustomerEmail('<script>@x.y', 'customer_email', errors)).toBeNull();
    expect(errors.map((e) => e.path)).toEqual(['customer_email', 'customer_email']);
  });
});

describe('checkout tokens', () => {
  it('parses id and secret, and refuses anything else', () => {
    const { secret } = newSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(parseCheckoutToken(`pay_019cd79e4600f661d150c077de0276cb.${secret}`)).toEqual({
      paymentId: 'pay_019cd79e4600f661d150c077de0276cb',
      secret,
    });
    for (const bad of ['pay_019cd79e4600f661d150c077de0276cb', `x.${secret}`, `pay_019cd79e4600f661d150c077de0276cb.${secret}x`]) {
      expect(parseCheckoutToken(bad)).toBeNull();
    }
  });
  it('matches only the secret whose hash is stored, never the dummy', () => {
    const { secret, hash } = newSecret();
    expect(hash).toBe(hashSecret(secret));
    expect(secretMatches(secret, hash)).toBe(true);
    expect(secretMatches(`${secret.slice(0, -1)}A`, hash)).toBe(secret.endsWith('A'));
    expect(secretMatches(secret, null)).toBe(false);
  });
});

describe('logos', () => {
  it('checks a PNG by its signature and the size limit', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    expect(checkLogo('image/png', png)).toEqual({ ok: true, type: 'image/png' });
    expect(checkLogo('image/png', png.slice(1)).ok).toBe(false);
    expect(checkLogo('image/gif', png).ok).toBe(false);
    expect(checkLogo('image/png', new Uint8Array(100 * 1024 + 1)).ok).toBe(false);
  });
  it.each([
    '<svg><SCRIPT>x</SCRIPT></svg>',
    '<svg><g ONCLICK="x"/></svg>',
    '<svg><use xlink:href="http://evil.example/a.svg#x"/></svg>',
    '<svg><use href="&#106;avascript:x"/></svg>',
    '<svg><style>@import url(https://evil.example/x.css);</style></svg>',
    '<svg><style>rect{fill:url(https://evil.example/)}</style></svg>',
    '<svg><![CDATA[x]]></svg>',
    '<svg><animate attributeName="href" to="javascript:x"/></svg>',
    '<svg><image href="#x"/></svg>',
    '<svg/><svg/>',
    '<svg><g></svg>',
    '<html><svg/></html>',
    '<svg width=10/>',
    'hello',
  ])('refuses %s', (svg) => {
    expect(svgProblem(svg)).not.toBeNull();
  });
  it('accepts drawing elements, local references and a style without outside references', () => {
    expect(
      svgProblem(
        '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- logo --><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 4 4"><title>Hat Shop</title><style>.a{fill:#123456}</style><defs><radialGradient id="r"><stop offset="1" stop-color="red"/></radialGradient></defs><circle class="a" cx="2" cy="2" r="2" fill="url(#r)"/><use xlink:href="#r"/></svg>',
      ),
    ).toBeNull();
  });
});
