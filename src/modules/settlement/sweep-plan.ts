/**
 * Which deposit addresses a settlement sweeps, and how much TRX "fuel" a token sweep needs (SPEC §3.7).
 *
 * Rule: a settlement of (merchant, payee, asset) sweeps every deposit address of that merchant's
 * `payment_gateway` payments to that payee in that asset whose counted transfers (`chain_transfers`
 * matched `deposit` or `late`, status `final`) add up to more than what earlier sweeps of the address
 * (not failed) took. Everything unswept goes, not just the settled amount: the hot wallet keeps any
 * remainder (capped settlements) for the next settlement, which then needs no sweep.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Asset } from '../../shared/money.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** Payments whose collected funds are final on their deposit address. */
const COLLECTED_STATUSES = ['completed', 'refunded'];

export interface SweepCandidate {
  depositAddress: string;
  depositIndex: number;
  /** unswept base units */
  amount: bigint;
}

export interface SweepKey {
  merchantId: string;
  payeeAddress: string;
  currency: Asset;
}

/** Deposit addresses holding unswept collected funds of this (merchant, payee, asset), oldest index first. */
export async function findUnswept(executor: Executor, key: SweepKey): Promise<SweepCandidate[]> {
  const transfers = await executor
    .selectFrom('chain_transfers as ct')
    .innerJoin('payments as p', 'p.id', 'ct.payment_id')
    .select(['p.deposit_address', 'p.deposit_index', 'ct.amount'])
    .where('p.merchant_id', '=', key.merchantId)
    .where('p.payee_address', '=', key.payeeAddress)
    .where('p.payment_method', '=', 'payment_gateway')
    .where('p.currency', '=', key.currency)
    .where('p.status', 'in', COLLECTED_STATUSES)
    .where('ct.asset', '=', key.currency)
    .where('ct.match', 'in', ['deposit', 'late'])
    .where('ct.status', '=', 'final')
    .whereRef('ct.to_address', '=', 'p.deposit_address')
    .execute();
  const received = new Map<string, { index: number; total: bigint }>();
  for (const t of transfers) {
    if (t.deposit_address === null || t.deposit_index === null) continue;
    const entry = received.get(t.deposit_address) ?? { index: Number(t.deposit_index), total: 0n };
    entry.total += BigInt(t.amount);
    received.set(t.deposit_address, entry);
  }
  if (received.size === 0) return [];
  const swept = await executor
    .selectFrom('sweeps')
    .select(['deposit_address', 'amount'])
    .where('deposit_address', 'in', [...received.keys()])
    .where('asset', '=', key.currency)
    .where('status', '!=', 'failed')
    .execute();
  for (const s of swept) {
    const entry = received.get(s.deposit_address);
    if (entry) entry.total -= BigInt(s.amount);
  }
  return [...received.entries()]
    .filter(([, e]) => e.total > 0n)
    .map(([address, e]) => ({ depositAddress: address, depositIndex: e.index, amount: e.total }))
    .sort((a, b) => a.depositIndex - b.depositIndex);
}

export interface FuelPrices {
  energyPriceSun: bigint;
  bandwidthPriceSun: bigint;
  /** energy of a token transfer to an address that holds none (the worst case; the asset's energy_new_holder) */
  energy: number;
  /** bandwidth bytes of a token transfer (the asset's bandwidth_bytes), burned if free bandwidth is gone */
  bandwidthBytes: number;
}

/** TRX a deposit address must hold to pay for one token sweep at the worst case. */
export function fuelRequired(prices: FuelPrices): bigint {
  return BigInt(prices.energy) * prices.energyPriceSun + BigInt(prices.bandwidthBytes) * prices.bandwidthPriceSun;
}

/** What to send: the shortfall only (fuel left over from an earlier sweep is used first); 0 = no fuel transfer. */
export function fuelToSend(required: bigint, depositTrx: bigint): bigint {
  return depositTrx >= required ? 0n : required - depositTrx;
}
