/**
 * Ledger against chain (SPEC §3.9): for every managed address that holds or may hold funds — each
 * merchant's hot wallet (whatever its status; it also stakes and delegates the energy sweeps use, so it
 * is the resource wallet too) and every deposit address not swept empty (an open payment on it, or
 * received transfers its completed sweeps did not take out) — what the gateway's records say it holds
 * against its on-chain balance. The addresses are walked in pages (keyset on the hd index and on the
 * address), each page's chain reads bounded in concurrency, so a run never loads every address at once;
 * a run covers every page. A deposit address should hold what was counted into it (every transfer the
 * gateway recorded to it) minus what its completed sweeps took out; it is compared in its payments'
 * assets (its TRX is sweep fuel whose burn is not exactly recorded, so it is only reported). A hot wallet
 * is reported with the sends still owed from it and what its merchant's ledger owes payees; it is a
 * difference when its balance cannot cover those sends.
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

/** addresses per page when the caller names none */
export const BALANCE_PAGE_SIZE = 200;
/** rows of balanced deposit addresses kept in the stored result (hot wallets and differences always are) */
const MAX_LISTED_ROWS = 1000;
/** discrepancies kept in the stored result; `checks.differences` counts them all */
const MAX_LISTED_DIFFERENCES = 1000;

/** What the check reads of other modules' tables, each through its owner (issue 18). */
export interface BalanceRecords {
  payments: Pick<PaymentsRepository, 'depositAddressPage'>;
  transfers: Pick<TransfersRepository, 'receivedTotals'>;
  settlements: Pick<SettlementsRepository, 'sweptTotals'>;
  sends: Pick<SendsRepository, 'owedTotals'>;
  ledger: Pick<Ledger, 'totalsByMerchant'>;
}

export interface BalanceCheckInput {
  db: Kysely<DB>;
  records: BalanceRecords;
  client: AssetChain;
  /** every configured asset: a hot wallet is checked in each, a deposit address in its payments' */
  assets: AssetRegistry;
  wallets: WalletAddresses;
  /** node calls in flight at once */
  concurrency: number;
  /** addresses read from the database per page */
  pageSize: number;
  /** called after each page (the background job extends its lease there; a throw stops the run) */
  onPage?: () => Promise<void>;
}

interface ManagedAddress {
  address: string;
  role: 'hot_wallet' | 'deposit';
  merchantId: string;
  /** deposit: the assets compared, each with its newest payment */
  compared: Array<{ asset: Asset; paymentId: string }>;
}

type Balances = Map<Asset, bigint>;

/** What a run has found so far: counts of everything, and the rows and differences it keeps. */
class Tally {
  pages = 0;
  compared = 0;
  readonly byMerchant = new Map<string, number>();
  readonly rows: Array<Record<string, unknown>> = [];
  rowsOmitted = 0;
  readonly discrepancies: Discrepancy[] = [];
  differences = 0;

  count(m: ManagedAddress): void {
    this.compared += 1;
    this.byMerchant.set(m.merchantId, (this.byMerchant.get(m.merchantId) ?? 0) + 1);
  }

  row(row: Record<string, unknown>, differs: boolean): void {
    if (differs || row.role === 'hot_wallet' || this.rows.length < MAX_LISTED_ROWS) this.rows.push(row);
    else this.rowsOmitted += 1;
  }

  differ(merchantId: string, d: Discrepancy): void {
    this.differences += 1;
    if (this.discrepancies.length < MAX_LISTED_DIFFERENCES) this.discrepancies.push({ ...d, merchant_id: merchantId });
  }
}

export async function checkBalances(input: BalanceCheckInput): Promise<{ checks: Record<string, unknown>; discrepancies: Discrepancy[] }> {
  const { db } = input;
  const tally = new Tally();
  const ledger = await input.records.ledger.totalsByMerchant(db);
  for (let after: bigint | null = null; ; ) {
    let query = db.selectFrom('merchants').select(['id', 'hd_index']).orderBy('hd_index').limit(input.pageSize);
    if (after !== null) query = query.where('hd_index', '>', after);
    const merchants = await query.execute();
    if (merchants.length === 0) break;
    after = BigInt(merchants[merchants.length - 1]?.hd_index as bigint);
    const managed: ManagedAddress[] = merchants.map((m) => ({
      address: input.wallets.hotWalletAddress(Number(m.hd_index)),
      role: 'hot_wallet',
      merchantId: m.id,
      compared: [],
    }));
    await comparePage(input, managed, ledger, tally);
    if (merchants.length < input.pageSize) break;
  }
  for (let after: string | null = null; ; ) {
    const page = await input.records.payments.depositAddressPage(db, after, input.pageSize);
    if (page.length === 0) break;
    after = page[page.length - 1]?.address as string;
    const addresses = page.map((d) => d.address);
    const received = await sumBy(addresses, (a) => input.records.transfers.receivedTotals(db, a));
    const swept = await sumBy(addresses, (a) => input.records.settlements.sweptTotals(db, a));
    // swept empty and no open payment: nothing can be there that the gateway should hold
    const mayHoldFunds = page.filter(
      (d) =>
        d.open ||
        d.assets.some(({ asset }) => (received.get(`${d.address}|${asset}`) ?? 0n) !== (swept.get(`${d.address}|${asset}`) ?? 0n)),
    );
    const managed: ManagedAddress[] = mayHoldFunds.map((d) => ({
      address: d.address,
      role: 'deposit',
      merchantId: d.merchantId,
      compared: d.assets,
    }));
    await comparePage(input, managed, ledger, tally, { received, swept });
    if (page.length < input.pageSize) break;
  }
  return {
    checks: {
      addresses: tally.rows,
      addresses_compared: tally.compared,
      compared_by_merchant: Object.fromEntries(tally.byMerchant),
      pages: tally.pages,
      page_size: input.pageSize,
      rows_omitted: tally.rowsOmitted,
      differences: tally.differences,
    },
    discrepancies: tally.discrepancies,
  };
}

/** Reads one page's balances from the chain and adds what they show to the tally. */
async function comparePage(
  input: BalanceCheckInput,
  managed: readonly ManagedAddress[],
  ledger: Array<{ merchantId: string; currency: string; total: bigint }>,
  tally: Tally,
  deposits?: { received: Map<string, bigint>; swept: Map<string, bigint> },
): Promise<void> {
  const { db } = input;
  const onChain = new Map<string, Balances | string>();
  await forEachBounded(managed, input.concurrency, async (m) => {
    try {
      // a deposit address is read in TRX and its payments' assets; a hot wallet in every asset
      const strategies = input.assets
        .all()
        .filter((st) => m.role === 'hot_wallet' || st.asset.kind === 'native' || m.compared.some((c) => c.asset === st.asset.symbol));
      const values = await Promise.all(strategies.map((st) => st.balanceOf(input.client, m.address)));
      onChain.set(m.address, new Map(strategies.map((st, i) => [st.asset.symbol, values[i] as bigint])));
    } catch (error) {
      onChain.set(m.address, error instanceof Error ? error.message.slice(0, 200) : 'failed');
    }
  });
  const hotAddresses = managed.filter((m) => m.role === 'hot_wallet').map((m) => m.address);
  const owedSends = await sumBy(hotAddresses, (a) => input.records.sends.owedTotals(db, a));

  for (const m of managed) {
    tally.count(m);
    const chain = onChain.get(m.address);
    if (chain === undefined || typeof chain === 'string') {
      tally.row({ address: m.address, role: m.role, merchant_id: m.merchantId, error: chain ?? 'not read' }, true);
      tally.differ(m.merchantId, {
        code: 'balance_unavailable',
        message: `balance of ${m.address} could not be read: ${chain ?? 'not read'}`,
        address: m.address,
      });
      continue;
    }
    const money = (asset: Asset, units: bigint) => input.assets.catalog.format(asset, units);
    const onChainView = Object.fromEntries([...chain].map(([asset, units]) => [asset, money(asset, units)]));
    if (m.role === 'deposit' && deposits) {
      for (const { asset, paymentId } of m.compared) {
        const expected = (deposits.received.get(`${m.address}|${asset}`) ?? 0n) - (deposits.swept.get(`${m.address}|${asset}`) ?? 0n);
        const actual = chain.get(asset) ?? 0n;
        const row = {
          address: m.address,
          role: m.role,
          merchant_id: m.merchantId,
          payment_id: paymentId,
          asset,
          expected: money(asset, expected),
          on_chain: onChainView,
        };
        tally.row(row, expected !== actual);
        if (expected !== actual) {
          tally.differ(m.merchantId, {
            code: 'balance_mismatch',
            message: `deposit address ${m.address} (payment ${paymentId}) holds ${money(asset, actual)} ${asset}; the records say ${money(asset, expected)}`,
            address: m.address,
            asset,
            expected: money(asset, expected),
            actual: money(asset, actual),
          });
        }
      }
      continue;
    }
    const owed: Balances = new Map([...chain.keys()].map((asset) => [asset, owedSends.get(`${m.address}|${asset}`) ?? 0n]));
    const ledgerOwed = Object.fromEntries(
      ledger.filter((l) => l.merchantId === m.merchantId).map((l) => [l.currency, money(l.currency as Asset, l.total)]),
    );
    tally.row(
      {
        address: m.address,
        role: m.role,
        merchant_id: m.merchantId,
        on_chain: onChainView,
        open_sends: Object.fromEntries([...owed].map(([asset, units]) => [asset, money(asset, units)])),
        ledger_owed_to_payees: ledgerOwed,
      },
      false,
    );
    for (const [asset, held] of chain) {
      const due = owed.get(asset) ?? 0n;
      if (held < due) {
        tally.differ(m.merchantId, {
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
  tally.pages += 1;
  await input.onPage?.();
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
