import { describe, expect, it } from 'vitest';
import { PAYMENT_METHODS } from '../../config/schema.js';
import {
  approve,
  canCancel,
  FINAL_STATUSES,
  isCollection,
  PAYMENT_STATUSES,
  type Payment,
  type PaymentStatus,
  revertStep,
  transition,
} from './payment.js';

const CREATED = Date.UTC(2024, 0, 15, 12, 0, 0);
const LATER = CREATED + 5 * 60_000;

function makePayment(overrides: Partial<Payment> = {}): Payment {
  return {
    id: 'pay_0123456789abcdef',
    merchantId: 'mer_0000000000000001',
    batchId: null,
    batchIndex: null,
    status: 'pending',
    method: 'payment_gateway',
    priority: 'normal',
    currency: 'USDT',
    amount: 100_000_000n,
    fee: 150_000n,
    netAmount: 99_850_000n,
    feeRatePpb: 1_500_000n,
    discountPpb: 0n,
    networkFeeEstimate: null,
    payerAddress: null,
    payeeAddress: 'TUznHJfHe6gdYY7gvWmf6bNZHuPHDZtowf',
    depositAddress: 'TPswDDCAWhJAZGdHPidFg5nEf8TkNToDX1',
    depositIndex: 7,
    referenceId: null,
    description: null,
    metadata: null,
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
    ...overrides,
  };
}

/** A payout from the hot wallet. */
function makePayout(overrides: Partial<Payment> = {}): Payment {
  return makePayment({
    method: 'route',
    depositAddress: null,
    depositIndex: null,
    expiresAt: null,
    payerAddress: 'TPswDDCAWhJAZGdHPidFg5nEf8TkNToDX1',
    ...overrides,
  });
}

/** A payment in `status` that may leave it (a cancelled one is an expired collection). */
function inStatus(status: PaymentStatus): Payment {
  return status === 'cancelled'
    ? makePayment({ status, cancelReason: 'expired', cancelledAt: CREATED + 3_600_000 })
    : makePayment({ status, processingAt: status === 'pending' ? null : CREATED + 1000 });
}

/** The lifecycle of SPEC §3.3, written out independently of the implementation. */
const ALLOWED: ReadonlyArray<readonly [PaymentStatus, PaymentStatus]> = [
  ['pending', 'processing'],
  ['pending', 'cancelled'],
  ['pending', 'failed'],
  ['processing', 'confirmed'],
  ['processing', 'failed'],
  ['processing', 'disputed'],
  ['confirmed', 'completed'],
  ['confirmed', 'failed'],
  ['confirmed', 'disputed'],
  ['completed', 'refunded'],
  ['completed', 'disputed'],
  ['cancelled', 'processing'],
  ['disputed', 'completed'],
  ['disputed', 'refunded'],
  ['disputed', 'failed'],
];
const isAllowed = (from: PaymentStatus, to: PaymentStatus) => ALLOWED.some(([f, t]) => f === from && t === to);
const ALL_PAIRS = PAYMENT_STATUSES.flatMap((from) => PAYMENT_STATUSES.map((to) => [from, to] as const));
const DISALLOWED = ALL_PAIRS.filter(([from, to]) => !isAllowed(from, to));

function expectOk(result: ReturnType<typeof transition>): Payment {
  if (!result.ok) throw new Error(`expected the transition to succeed: ${result.error.message}`);
  return result.value;
}

describe('statuses', () => {
  it('are the seed’s eight', () => {
    expect(PAYMENT_STATUSES).toEqual(['pending', 'processing', 'confirmed', 'completed', 'failed', 'cancelled', 'refunded', 'disputed']);
  });

  it('final ones are completed, failed, cancelled and refunded', () => {
    expect([...FINAL_STATUSES].sort()).toEqual(['cancelled', 'completed', 'failed', 'refunded']);
  });

  it('collections are payment_gateway and direct_transfer', () => {
    expect(PAYMENT_METHODS.filter(isCollection)).toEqual(['payment_gateway', 'direct_transfer']);
  });

  it('the test table covers 15 allowed and 49 refused pairs', () => {
    expect(ALL_PAIRS).toHaveLength(64);
    expect(DISALLOWED).toHaveLength(49);
  });
});

describe('transition: allowed pairs', () => {
  it.each(ALLOWED)('%s → %s', (from, to) => {
    const before = inStatus(from);
    const after = expectOk(transition(before, { to, at: LATER, reason: 'because' }));
    expect(after.status).toBe(to);
    expect(after.updatedAt).toBe(LATER);
    expect(after.version).toBe(before.version + 1);
    expect(after.id).toBe(before.id);
    expect(after.amount).toBe(before.amount);
  });

  it('does not modify the payment it is given', () => {
    const before = makePayment();
    const snapshot = structuredClone(before);
    expectOk(transition(before, { to: 'processing', at: LATER }));
    expect(before).toEqual(snapshot);
  });

  it('increments the version once per step along the whole happy path', () => {
    let payment = makePayment({ version: 3 });
    for (const [to, at] of [
      ['processing', CREATED + 1000],
      ['confirmed', CREATED + 2000],
      ['completed', CREATED + 3000],
      ['refunded', CREATED + 4000],
    ] as const) {
      payment = expectOk(transition(payment, { to, at }));
    }
    expect(payment.version).toBe(7);
    expect(payment).toMatchObject({
      status: 'refunded',
      processingAt: CREATED + 1000,
      confirmedAt: CREATED + 2000,
      completedAt: CREATED + 3000,
    });
  });
});

describe('transition: every other pair is invalid_transition', () => {
  it.each(DISALLOWED)('%s → %s', (from, to) => {
    const payment = inStatus(from);
    const result = transition(payment, { to, at: LATER });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_transition');
      expect(result.error.message).toContain(payment.id);
      expect(result.error.message).toContain(from);
      expect(result.error.message).toContain(to);
    }
  });

  it('holds for payouts as well as collections', () => {
    for (const [from, to] of DISALLOWED) {
      const result = transition(makePayout({ status: from }), { to, at: LATER });
      expect(result.ok, `${from} → ${to}`).toBe(false);
    }
  });

  it('refuses staying in the same status', () => {
    for (const status of PAYMENT_STATUSES) expect(transition(inStatus(status), { to: status, at: LATER }).ok).toBe(false);
  });

  it('nothing leaves failed or refunded', () => {
    for (const to of PAYMENT_STATUSES) {
      expect(transition(inStatus('failed'), { to, at: LATER }).ok).toBe(false);
      expect(transition(inStatus('refunded'), { to, at: LATER }).ok).toBe(false);
    }
  });
});

describe('transition: timestamps and fields per step', () => {
  it('processing sets processingAt', () => {
    const after = expectOk(transition(makePayment(), { to: 'processing', at: LATER }));
    expect(after.processingAt).toBe(LATER);
    expect(after.exception).toBeNull();
    expect(after.finalized).toBe(false);
  });

  it('confirmed sets confirmedAt and keeps processingAt', () => {
    const after = expectOk(transition(makePayment({ status: 'processing', processingAt: CREATED + 1 }), { to: 'confirmed', at: LATER }));
    expect(after.confirmedAt).toBe(LATER);
    expect(after.processingAt).toBe(CREATED + 1);
    expect(after.finalized).toBe(false);
  });

  it('completed sets completedAt and finalized', () => {
    const after = expectOk(transition(makePayment({ status: 'confirmed', confirmedAt: CREATED + 2 }), { to: 'completed', at: LATER }));
    expect(after.completedAt).toBe(LATER);
    expect(after.finalized).toBe(true);
    expect(after.confirmedAt).toBe(CREATED + 2);
  });

  it('a dispute resolved as completed is finalized too', () => {
    const after = expectOk(transition(makePayment({ status: 'disputed' }), { to: 'completed', at: LATER }));
    expect(after).toMatchObject({ status: 'completed', completedAt: LATER, finalized: true });
  });

  it('failed sets failedAt and the reason', () => {
    const after = expectOk(transition(makePayout({ status: 'processing' }), { to: 'failed', at: LATER, reason: 'out_of_energy' }));
    expect(after.failedAt).toBe(LATER);
    expect(after.failureReason).toBe('out_of_energy');
  });

  it('failed without a reason records "failed"', () => {
    const after = expectOk(transition(makePayout(), { to: 'failed', at: LATER }));
    expect(after.failureReason).toBe('failed');
  });

  it('cancelled sets cancelledAt and the reason', () => {
    const after = expectOk(transition(makePayment(), { to: 'cancelled', at: LATER, reason: 'expired' }));
    expect(after.cancelledAt).toBe(LATER);
    expect(after.cancelReason).toBe('expired');
  });

  it('cancelled without a reason records "cancelled"', () => {
    const after = expectOk(transition(makePayment(), { to: 'cancelled', at: LATER }));
    expect(after.cancelReason).toBe('cancelled');
  });

  it('refunded and disputed only touch status, updatedAt and version', () => {
    const completed = makePayment({ status: 'completed', completedAt: CREATED + 3, finalized: true });
    for (const to of ['refunded', 'disputed'] as const) {
      const after = expectOk(transition(completed, { to, at: LATER }));
      expect(after).toEqual({ ...completed, status: to, updatedAt: LATER, version: completed.version + 1 });
    }
  });
});

describe('transition: a cancelled payment', () => {
  it('an expired collection paid late becomes processing with exception paid_late', () => {
    for (const method of ['payment_gateway', 'direct_transfer'] as const) {
      const expired = makePayment({ method, status: 'cancelled', cancelReason: 'expired', cancelledAt: CREATED + 3_600_000 });
      const after = expectOk(transition(expired, { to: 'processing', at: LATER }));
      expect(after).toMatchObject({
        status: 'processing',
        exception: 'paid_late',
        processingAt: LATER,
        cancelledAt: null,
        cancelReason: null,
      });
      expect(after.version).toBe(expired.version + 1);
    }
  });

  it('a collection the merchant cancelled cannot be processed', () => {
    const cancelled = makePayment({ status: 'cancelled', cancelReason: 'merchant_request', cancelledAt: LATER });
    const result = transition(cancelled, { to: 'processing', at: LATER + 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
  });

  it('a cancelled payout cannot be processed, even with reason expired', () => {
    const result = transition(makePayout({ status: 'cancelled', cancelReason: 'expired', cancelledAt: LATER }), {
      to: 'processing',
      at: LATER + 1,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
  });

  it('can go nowhere but processing', () => {
    const expired = makePayment({ status: 'cancelled', cancelReason: 'expired' });
    for (const to of PAYMENT_STATUSES.filter((s) => s !== 'processing')) expect(transition(expired, { to, at: LATER }).ok).toBe(false);
  });
});

describe('transition: payouts waiting for approval', () => {
  it('cannot become processing', () => {
    const held = makePayout({ approvalStatus: 'required', amount: 1_000_000_000_000n });
    const result = transition(held, { to: 'processing', at: LATER });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_transition');
      expect(result.error.message).toMatch(/waiting for approval/);
    }
  });

  it('can still be cancelled or failed', () => {
    const held = makePayout({ approvalStatus: 'required' });
    expect(transition(held, { to: 'cancelled', at: LATER, reason: 'merchant_request' }).ok).toBe(true);
    expect(transition(held, { to: 'failed', at: LATER, reason: 'rejected' }).ok).toBe(true);
  });

  it('become processing once approved', () => {
    const approved = makePayout({ approvalStatus: 'approved', approvedAt: LATER, approvedBy: 'key_1' });
    expect(expectOk(transition(approved, { to: 'processing', at: LATER + 1 })).processingAt).toBe(LATER + 1);
  });

  it('the hold is about payouts: a collection flagged "required" still processes', () => {
    expect(transition(makePayment({ approvalStatus: 'required' }), { to: 'processing', at: LATER }).ok).toBe(true);
  });
});

describe('canCancel', () => {
  it('allows a pending payment with nothing received', () => {
    expect(canCancel(makePayment())).toEqual({ ok: true, value: true });
    expect(canCancel(makePayout({ approvalStatus: 'required' }))).toEqual({ ok: true, value: true });
  });

  it('refuses a pending payment that has received funds', () => {
    const result = canCancel(makePayment({ amountReceived: 1n }));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    if (!result.ok) expect(result.error.message).toMatch(/received funds/);
  });

  it.each(PAYMENT_STATUSES.filter((s) => s !== 'pending'))('refuses a %s payment', (status) => {
    const result = canCancel(makePayment({ status }));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    if (!result.ok) expect(result.error.message).toContain(status);
  });
});

describe('approve', () => {
  it('approves a pending route payout that requires it', () => {
    const held = makePayout({ approvalStatus: 'required', version: 4 });
    const result = approve(held, LATER, 'key_admin', 'payee verified');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value).toEqual({
        ...held,
        approvalStatus: 'approved',
        approvedAt: LATER,
        approvedBy: 'key_admin',
        approvalNote: 'payee verified',
        updatedAt: LATER,
        version: 5,
      });
      expect(held.approvalStatus).toBe('required');
    }
  });

  it('then lets it become processing', () => {
    const result = approve(makePayout({ approvalStatus: 'required' }), LATER, 'key_admin');
    if (!result.ok) throw new Error(result.error.message);
    expect(transition(result.value, { to: 'processing', at: LATER + 1 }).ok).toBe(true);
  });

  it.each([
    ['a payout that needs no approval', makePayout({ approvalStatus: null })],
    ['an approved payout (no second approval)', makePayout({ approvalStatus: 'approved', approvedAt: LATER, approvedBy: 'key_1' })],
    ['a collection', makePayment({ approvalStatus: null })],
    ['a collection marked required', makePayment({ approvalStatus: 'required' })],
    ['a direct transfer', makePayment({ method: 'direct_transfer', approvalStatus: 'required' })],
  ])('refuses %s', (_name, payment) => {
    const result = approve(payment, LATER, 'key_admin');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    if (!result.ok) expect(result.error.message).toMatch(/not waiting for approval/);
  });

  it.each(PAYMENT_STATUSES.filter((s) => s !== 'pending'))('refuses a %s payout even if it was marked required', (status) => {
    const result = approve(makePayout({ status, approvalStatus: 'required' }), LATER, 'key_admin');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    if (!result.ok) expect(result.error.message).toContain(status);
  });
});

describe('revertStep: a reorganisation took the block back', () => {
  const confirmed = makePayment({
    status: 'confirmed',
    amountReceived: 100_000_000n,
    confirmations: 19,
    transactionId: 'a'.repeat(64),
    processingAt: LATER,
    confirmedAt: LATER + 1,
    version: 3,
  });

  it('a collection left with nothing is pending again, its chain fields cleared', () => {
    const result = revertStep(confirmed, { at: LATER + 2, amountReceived: 0n, exception: null, transactionId: null });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({
      status: 'pending',
      amountReceived: 0n,
      confirmations: 0,
      transactionId: null,
      processingAt: null,
      confirmedAt: null,
      version: 4,
    });
  });

  it('one still holding transfers is processing with what is left', () => {
    const result = revertStep(confirmed, {
      at: LATER + 2,
      amountReceived: 40_000_000n,
      exception: 'underpaid',
      transactionId: 'b'.repeat(64),
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({
      status: 'processing',
      amountReceived: 40_000_000n,
      exception: 'underpaid',
      transactionId: 'b'.repeat(64),
    });
  });

  it('one whose time has passed is cancelled as expired, so that a later transfer is a late payment', () => {
    const result = revertStep(confirmed, { at: (confirmed.expiresAt as number) + 1, amountReceived: 0n });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ status: 'cancelled', cancelReason: 'expired' });
  });

  it('a payout goes back to processing, its amount untouched', () => {
    const payout = makePayout({ status: 'confirmed', confirmations: 1, transactionId: 'c'.repeat(64) });
    const result = revertStep(payout, { at: LATER });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ status: 'processing', amount: payout.amount, transactionId: 'c'.repeat(64), confirmations: 0 });
  });

  it.each(PAYMENT_STATUSES.filter((s) => s !== 'processing' && s !== 'confirmed'))('never undoes a %s payment', (status) => {
    expect(revertStep(makePayment({ status }), { at: LATER, amountReceived: 0n })).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition' },
    });
  });
});
