/**
 * A report's summary: payment totals per currency and counts per status, method and priority, plus the
 * refunds and settlements created in the same range. Folded here from grouped SQL rows (pure), rendered as
 * the API representation (decimal strings) that is also what the `reports.summary` column stores.
 */
import { PAYMENT_METHODS, PRIORITIES } from '../../config/schema.js';
import type { AssetCatalog } from '../../shared/catalogues/asset-catalog.js';
import { PAYMENT_STATUSES } from '../payments/payment.js';

/** One group of payments sharing currency, status, method and priority, with exact sums. */
export interface PaymentGroup {
  currency: string;
  status: string;
  method: string;
  priority: string;
  count: number;
  amount: bigint;
  fee: bigint;
  netAmount: bigint;
}

/** Refunds or settlements of one currency and status. */
export interface MovementGroup {
  currency: string;
  status: string;
  count: number;
  amount: bigint;
}

export interface MoneyTotals {
  count: number;
  amount: bigint;
  fee: bigint;
  netAmount: bigint;
}

export interface MovementTotals {
  count: number;
  completedCount: number;
  completedAmount: Record<string, bigint>;
}

export interface ReportSummary {
  paymentCount: number;
  byCurrency: Record<string, MoneyTotals>;
  byStatus: Record<string, number>;
  byMethod: Record<string, number>;
  byPriority: Record<string, number>;
  refunds: MovementTotals;
  settlements: MovementTotals;
}

/** Every known key with zero, so the shape of a summary never depends on the data. */
export function zeroCounts(keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, 0]));
}

/** The entry of `key`, created with `make` when the data has a key the zero-filled shape did not list. */
export function entryOf<T>(record: Record<string, T>, key: string, make: () => T): T {
  const existing = record[key];
  if (existing !== undefined) return existing;
  const created = make();
  record[key] = created;
  return created;
}

export function zeroTotals(): MoneyTotals {
  return { count: 0, amount: 0n, fee: 0n, netAmount: 0n };
}

export function addTo(totals: MoneyTotals, group: Pick<PaymentGroup, 'count' | 'amount' | 'fee' | 'netAmount'>): void {
  totals.count += group.count;
  totals.amount += group.amount;
  totals.fee += group.fee;
  totals.netAmount += group.netAmount;
}

/** `symbols`: every configured asset, so that each shows (at zero) even when nothing moved in it. */
export function foldMovements(groups: readonly MovementGroup[], symbols: readonly string[]): MovementTotals {
  const totals: MovementTotals = { count: 0, completedCount: 0, completedAmount: Object.fromEntries(symbols.map((a) => [a, 0n])) };
  for (const g of groups) {
    totals.count += g.count;
    if (g.status !== 'completed') continue;
    totals.completedCount += g.count;
    totals.completedAmount[g.currency] = (totals.completedAmount[g.currency] ?? 0n) + g.amount;
  }
  return totals;
}

export function foldSummary(
  payments: readonly PaymentGroup[],
  refunds: readonly MovementGroup[],
  settlements: readonly MovementGroup[],
  symbols: readonly string[],
): ReportSummary {
  const summary: ReportSummary = {
    paymentCount: 0,
    byCurrency: Object.fromEntries(symbols.map((a) => [a, zeroTotals()])),
    byStatus: zeroCounts(PAYMENT_STATUSES),
    byMethod: zeroCounts(PAYMENT_METHODS),
    byPriority: zeroCounts(PRIORITIES),
    refunds: foldMovements(refunds, symbols),
    settlements: foldMovements(settlements, symbols),
  };
  for (const g of payments) {
    summary.paymentCount += g.count;
    addTo(entryOf(summary.byCurrency, g.currency, zeroTotals), g);
    summary.byStatus[g.status] = (summary.byStatus[g.status] ?? 0) + g.count;
    summary.byMethod[g.method] = (summary.byMethod[g.method] ?? 0) + g.count;
    summary.byPriority[g.priority] = (summary.byPriority[g.priority] ?? 0) + g.count;
  }
  return summary;
}

export function totalsJson(currency: string, t: MoneyTotals, assets: AssetCatalog) {
  const money = (units: bigint) => assets.format(currency, units);
  return { count: t.count, amount: money(t.amount), fee: money(t.fee), net_amount: money(t.netAmount) };
}

export function amountsJson(amounts: Record<string, bigint>, assets: AssetCatalog): Record<string, string> {
  return assets.formatTotals(amounts);
}

function movementsJson(m: MovementTotals, assets: AssetCatalog) {
  return { count: m.count, completed_count: m.completedCount, completed_amount: amountsJson(m.completedAmount, assets) };
}

/** The API representation, stored as is in `reports.summary`. */
export function summaryJson(s: ReportSummary, assets: AssetCatalog) {
  return {
    payment_count: s.paymentCount,
    totals: Object.fromEntries(Object.entries(s.byCurrency).map(([currency, t]) => [currency, totalsJson(currency, t, assets)])),
    by_status: s.byStatus,
    by_payment_method: s.byMethod,
    by_priority: s.byPriority,
    refunds: movementsJson(s.refunds, assets),
    settlements: movementsJson(s.settlements, assets),
  };
}

export type ReportSummaryJson = ReturnType<typeof summaryJson>;
