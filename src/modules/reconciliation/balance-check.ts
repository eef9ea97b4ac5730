/**
 * Ledger against chain (SPEC §3.9): for every managed address — each merchant's hot wallet and the
 * deposit addresses of the lookback window's custodial collections — what the gateway's records say it
 * holds against its on-chain balance. A deposit address should hold what was counted into it (every
 * transfer the gateway recorded to it) minus what its completed sweeps took out; it is compared in the
 * payment's asset (its TRX is sweep fuel whose burn is not exactly recorded, so it is only reported). A
 * hot wallet is reported with the sends still owed from it and what its merchant's ledger owes payees;
 * it is a difference when its balance cannot cover those sends.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Asset } from '../../shared/money.js';
import type { AssetRegistry } from '../assets/asset-registry.js';
import type { AssetChain } from '../assets/asset-strategy.js';
import type { SendsRepository } from '../chain/sends.repository.js';
import type { TransfersRepository } from '../collections/transfers.repository.js';
import type { Ledger } from '../ledger/ledger.js';
import type { PaymentsRepository } from '../payments/payments.repository.js';
import type { SettlementsRepository } from '../settlement/settlements.repository.js';
import type { WalletAddresses } from '../wallets/wallet-addresses.js';
import type { Discrepancy } from './reconciliation.js';

/** What the check reads of other modules' tables, each through its owner (issue 18). */
export interface BalanceRecords {
  payments: Pick<PaymentsRepository, 'recentDepositAddresses'>;
  transfers: Pick<TransfersRepository, 'receivedTotals'>;
  settlements: Pick<SettlementsRepository, 'sweptTotals'>;
  sends: Pick<SendsRepository, 'owedTotals'>;
  ledger: Pick<Ledger, 'totalsByMerchant'>;
}

export interface BalanceCheckInput {
  db: Kysely<DB>;
  records: BalanceRecords;
  client: AssetChain;
  /** every configured asset: a hot wallet is checked in each, a deposit address in its payment's */
  assets: AssetRegistry;
  wallets: WalletAddresses;
  /** deposit addresses of payments created since then */
  since: number;
  concurrency: number;
  maxAddresses: number;
}

interface ManagedAddress {
  address: string;
  role: 'hot_wallet' | 'deposit';
  merchantId: string;
  /** deposit: the payment's asset, the one compared */
  asset: Asset | null;
  paymentId: string | null;
}

type Balances = Map<Asset, bigint>;

export async function checkBalances(input: BalanceCheckInput): Promise<{ checks: Record<string, unknown>; discrepancies: Discrepancy[] }> {
  const { db } = input;
  const merchants = await db
    .selectFrom('merchants')
    .select(['id', 'hd_index'])
    .where('status', '=', 'active')
    .orderBy('hd_index')
    .limit(input.maxAddresses)
    .execute();
  const managed: ManagedAddress[] = merchants.map((m) => ({
    address: input.wallets.hotWalletAddress(Number(m.hd_index)),
    role: 'hot_wallet',
    merchantId: m.id,
    asset: null,
    paymentId: null,
  }));
  const { records } = input;
  const deposits = await records.payments.recentDepositAddresses(db, input.since, Math.max(0, input.maxAddresses - managed.length));
  const seen = new Set(managed.map((m) => m.address));
  for (const d of deposits) {
    if (!d.depositAddress || seen.has(d.depositAddress)) continue;
    seen.add(d.depositAddress);
    managed.push({ address: d.depositAddress, role: 'deposit', merchantId: d.merchantId, asset: d.currency as Asset, paymentId: d.id });
  }

  const onChain = new Map<string, Balances | string>();
  await forEachBounded(managed, input.concurrency, async (m) => {
    try {
      // a deposit address is read in TRX and its payment's asset; a hot wallet in every asset
      const strategies = input.assets.all().filter((st) => m.asset === null || st.asset.kind === 'native' || st.asset.symbol === m.asset);
      const values = await Promise.all(strategies.map((st) => st.balanceOf(input.client, m.address)));
      onChain.set(m.address, new Map(strategies.map((st, i) => [st.asset.symbol, values[i] as bigint])));
    } catch (error) {
      onChain.set(m.address, error instanceof Error ? error.message.slice(0, 200) : 'failed');
    }
  });

  const addresses = managed.map((m) => m.address);
  const expectedIn = await sumBy(addresses, (a) => records.transfers.receivedTotals(db, a));
  const sweptOut = await sumBy(addresses, (a) => records.settlements.sweptTotals(db, a));
  const owedSends = await sumBy(addresses, (a) => records.sends.owedTotals(db, a));
  const ledger = await records.ledger.totalsByMerchant(db);

  const discrepancies: Discrepancy[] = [];
  const rows: Array<Record<string, unknown>> = [];
  for (const m of managed) {
    const chain = onChain.get(m.address);
    if (chain === undefined || typeof chain === 'string') {
      rows.push({ address: m.address, role: m.role, merchant_id: m.merchantId, error: chain ?? 'not read' });
      discrepancies.push({
        code: 'balance_unavailable',
        message: `balance of ${m.address} could not be read: ${chain ?? 'not read'}`,
        address: m.address,
      });
      continue;
    }
    const money = (asset: Asset, units: bigint) => input.assets.catalog.format(asset, units);
    const onChainView = Object.fromEntries([...chain].map(([asset, units]) => [asset, money(asset, units)]));
    if (m.role === 'deposit' && m.asset) {
      const asset = m.asset;
      const expected = (expectedIn.get(`${m.address}|${asset}`) ?? 0n) - (sweptOut.get(`${m.address}|${asset}`) ?? 0n);
      rows.push({
        address: m.address,
        role: m.role,
        merchant_id: m.merchantId,
        payment_id: m.paymentId,
        asset,
        expected: money(asset, expected),
        on_chain: onChainView,
      });
      const actual = chain.get(asset) ?? 0n;
      if (expected !== actual) {
        discrepancies.push({
          code: 'balance_mismatch',
          message: `deposit address ${m.address} (payment ${m.paymentId}) holds ${money(asset, actual)} ${asset}; the records say ${money(asset, expected)}`,
          address: m.address,
          asset,
          expected: money(asset, expected),
          actual: money(asset, actual),
        });
      }
      continue;
    }
    const owed: Balances = new Map([...chain.keys()].map((asset) => [asset, owedSends.get(`${m.address}|${asset}`) ?? 0n]));
    const ledgerOwed = Object.fromEntries(
      ledger.filter((l) => l.merchantId === m.merchantId).map((l) => [l.currency, money(l.currency, l.total)]),
    );
    rows.push({
      address: m.address,
      role: m.role,
      merchant_id: m.merchantId,
      on_chain: onChainView,
      open_sends: Object.fromEntries([...owed].map(([asset, units]) => [asset, money(asset, units)])),
      ledger_owed_to_payees: ledgerOwed,
    });
    for (const [asset, held] of chain) {
      const due = owed.get(asset) ?? 0n;
      if (held < due) {
        discrepancies.push({
          code: 'hot_wallet_short',
          message: `hot wallet ${m.address} holds ${money(asset, held)} ${asset} but ${money(asset, due)} is still to be sent from it`,
          address: m.address,
          asset,
          expected: money(asset, due),
          actual: money(asset, held),
        });
      }
    }
  }
  return { checks: { addresses: rows }, discrepancies };
}

/** Sums per "address|asset" (transfers recorded into the addresses, completed sweeps out, or sends not yet landed). */
async function sumBy(
  addresses: readonly string[],
  totals: (addresses: readonly string[]) => Promise<Array<{ address: string; asset: string; total: bigint }>>,
): Promise<Map<string, bigint>> {
  const out = new Map<string, bigint>();
  if (addresses.length === 0) return out;
  for (const r of await totals(addresses)) out.set(`${r.address}|${r.asset}`, r.total);
  return out;
}

async function forEachBounded<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  });
  await Promise.all(workers);
}
