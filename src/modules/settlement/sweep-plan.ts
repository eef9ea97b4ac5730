/**
 * Which deposit addresses a settlement sweeps, and how much TRX "fuel" a token sweep needs (SPEC §3.7).
 *
 * Rule: a settlement of (merchant, payee, asset) sweeps every deposit address of that merchant's
 * `payment_gateway` payments to that payee in that asset whose counted transfers (`chain_transfers`
 * matched `deposit` or `late`, status `final`) add up to more than what earlier sweeps of the address
 * (not failed) took. Everything unswept goes, not just the settled amount: the hot wallet keeps any
 * remainder (capped settlements) for the next settlement, which then needs no sweep.
 */
import type { Asset } from '../../shared/money.js';

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

/** A counted transfer onto a deposit address (the transfers repository's rows). */
export interface DepositCredit {
  depositAddress: string | null;
  depositIndex: number | null;
  amount: bigint;
}

/** What an earlier (not failed) sweep took from a deposit address. */
export interface SweptAmount {
  depositAddress: string;
  amount: bigint;
}

/** Received totals per deposit address (credits without an address are skipped). */
export function receivedByAddress(credits: readonly DepositCredit[]): Map<string, { index: number; total: bigint }> {
  const received = new Map<string, { index: number; total: bigint }>();
  for (const t of credits) {
    if (t.depositAddress === null || t.depositIndex === null) continue;
    const entry = received.get(t.depositAddress) ?? { index: t.depositIndex, total: 0n };
    entry.total += t.amount;
    received.set(t.depositAddress, entry);
  }
  return received;
}

/** Deposit addresses holding unswept funds: received minus swept, oldest index first. */
export function unswept(received: ReadonlyMap<string, { index: number; total: bigint }>, swept: readonly SweptAmount[]): SweepCandidate[] {
  const left = new Map([...received].map(([address, e]) => [address, { ...e }]));
  for (const s of swept) {
    const entry = left.get(s.depositAddress);
    if (entry) entry.total -= s.amount;
  }
  return [...left.entries()]
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
