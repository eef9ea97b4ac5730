/**
 * Inserts payments, refunds and settlements straight into a test database with chosen statuses, amounts,
 * priorities, methods and timestamps, for reports and analytics tests that need data the API would take
 * days (or a chain) to produce. Every NOT NULL column of migration 0001/0002 gets a plausible value.
 */
import type { Insertable, Kysely } from 'kysely';
import type { DB, PaymentsTable } from '../src/db/schema.js';
import { newId } from '../src/shared/ids.js';

export interface SeedPayment {
  id?: string;
  status?: string;
  method?: string;
  priority?: string;
  currency?: string;
  /** base units */
  amount: bigint;
  /** base units; default 0.15 % of the amount, rounded down */
  fee?: bigint;
  createdAt: number;
  completedAt?: number | null;
  payerAddress?: string | null;
  payeeAddress?: string;
  depositAddress?: string | null;
  referenceId?: string | null;
  transactionId?: string | null;
}

export interface SeededPayment extends Required<Omit<SeedPayment, 'fee'>> {
  fee: bigint;
  netAmount: bigint;
}

export interface SeedMovement {
  currency?: string;
  amount: bigint;
  status: string;
  createdAt: number;
}

/** Rows per INSERT: about 25 parameters each, far under both engines' limits. */
const CHUNK = 200;
const PAYEE = 'TLsV52sRDL79HXGGm9yzwKibb6BeruhUzy';

/** Fills in defaults; the returned list is what the rows hold (tests recompute expectations from it). */
export function completeSeeds(seeds: readonly SeedPayment[]): SeededPayment[] {
  return seeds.map((s) => {
    const fee = s.fee ?? (s.amount * 15n) / 10_000n;
    const status = s.status ?? 'completed';
    return {
      id: s.id ?? newId('pay'),
      status,
      method: s.method ?? 'payment_gateway',
      priority: s.priority ?? 'normal',
      currency: s.currency ?? 'USDT',
      amount: s.amount,
      fee,
      netAmount: s.amount - fee,
      createdAt: s.createdAt,
      completedAt: s.completedAt === undefined ? (status === 'completed' ? s.createdAt + 60_000 : null) : s.completedAt,
      payerAddress: s.payerAddress === undefined ? null : s.payerAddress,
      payeeAddress: s.payeeAddress ?? PAYEE,
      depositAddress: s.depositAddress === undefined ? null : s.depositAddress,
      referenceId: s.referenceId === undefined ? null : s.referenceId,
      transactionId: s.transactionId === undefined ? null : s.transactionId,
    };
  });
}

function paymentRow(merchantId: string, p: SeededPayment): Insertable<PaymentsTable> {
  return {
    id: p.id,
    merchant_id: merchantId,
    batch_id: null,
    batch_index: null,
    status: p.status,
    payment_method: p.method,
    priority: p.priority,
    currency: p.currency,
    amount: p.amount,
    fee: p.fee,
    net_amount: p.netAmount,
    fee_rate_ppb: 1_500_000n,
    discount_ppb: 0n,
    payer_address: p.payerAddress,
    payee_address: p.payeeAddress,
    deposit_address: p.depositAddress,
    reference_id: p.referenceId,
    amount_received: p.status === 'completed' ? p.amount : 0n,
    confirmations: 0n,
    finalized: p.status === 'completed' ? 1n : 0n,
    transaction_id: p.transactionId,
    flags: '[]',
    created_at: p.createdAt,
    updated_at: p.completedAt ?? p.createdAt,
    completed_at: p.completedAt,
    version: 1n,
  };
}

async function inChunks<T>(items: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) await write(items.slice(i, i + CHUNK));
}

export async function seedPayments(db: Kysely<DB>, merchantId: string, seeds: readonly SeedPayment[]): Promise<SeededPayment[]> {
  const payments = completeSeeds(seeds);
  await inChunks(payments, (chunk) =>
    db
      .insertInto('payments')
      .values(chunk.map((p) => paymentRow(merchantId, p)))
      .execute(),
  );
  return payments;
}

/** Refunds need a payment to point at; any payment of the merchant will do for reports. */
export async function seedRefunds(db: Kysely<DB>, merchantId: string, paymentId: string, refunds: readonly SeedMovement[]): Promise<void> {
  await inChunks(refunds, (chunk) =>
    db
      .insertInto('refunds')
      .values(
        chunk.map((r) => ({
          id: newId('refund'),
          merchant_id: merchantId,
          payment_id: paymentId,
          currency: r.currency ?? 'USDT',
          amount: r.amount,
          status: r.status,
          reason: 'user_request',
          refund_address: PAYEE,
          created_at: r.createdAt,
          updated_at: r.createdAt,
          completed_at: r.status === 'completed' ? r.createdAt + 1000 : null,
        })),
      )
      .execute(),
  );
}

export async function seedSettlements(db: Kysely<DB>, merchantId: string, settlements: readonly SeedMovement[]): Promise<void> {
  await inChunks(settlements, (chunk) =>
    db
      .insertInto('settlements')
      .values(
        chunk.map((s) => ({
          id: newId('stl'),
          merchant_id: merchantId,
          status: s.status,
          currency: s.currency ?? 'USDT',
          amount: s.amount,
          payee_address: PAYEE,
          created_at: s.createdAt,
          completed_at: s.status === 'completed' ? s.createdAt + 1000 : null,
        })),
      )
      .execute(),
  );
}
