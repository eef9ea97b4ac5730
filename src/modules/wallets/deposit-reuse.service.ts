/**
 * Deposit-address reuse (issue 19, `wallets.deposit_address_reuse: after_quiet_period`). Activating a
 * deposit address costs ~1.1 TRX, once per address; an address that was swept and has been quiet for
 * `wallets.quiet_period_days` goes back to the pool already activated, so its next invoice saves that.
 * Quiet means: every payment on it final, nothing created, changed or expiring on it, and no transfer
 * to it, for the whole period — longer than the late-payment window (checked when the configuration
 * loads), so no late payment can still be attributed to an old invoice when a new one takes the
 * address (collections attribute by block time: attribution.ts). Everything credited there must have
 * been swept. A periodic job runs it in pages of bounded size, on both engines.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import type { DepositReuseRepository, QuietAddress } from './deposit-reuse.repository.js';

export const DEPOSIT_REUSE_JOB = 'wallets.deposit_reuse';
const DAY_MS = 86_400_000;
/** Addresses looked at per query and returned per transaction. */
const PAGE_SIZE = 500;

type AssetTotals = ReadonlyArray<{ address: string; asset: string; total: bigint }>;

export interface DepositReuseDeps {
  db: Kysely<DB>;
  clock: Clock;
  quietPeriodDays: number;
  repository: DepositReuseRepository;
  /** counted transfers per (address, asset): the collections module's */
  credited(executor: Kysely<DB>, addresses: readonly string[]): Promise<AssetTotals>;
  /** completed sweeps per (address, asset): the settlement module's */
  swept(executor: Kysely<DB>, addresses: readonly string[]): Promise<AssetTotals>;
  pageSize?: number;
}

/** The addresses whose every credited amount (per asset) has been swept out. */
export function fullySwept(candidates: readonly QuietAddress[], credited: AssetTotals, swept: AssetTotals): QuietAddress[] {
  const out = new Map<string, bigint>();
  for (const s of swept) out.set(`${s.address}\u0000${s.asset}`, s.total);
  const left = new Set(credited.filter((c) => c.total > (out.get(`${c.address}\u0000${c.asset}`) ?? 0n)).map((c) => c.address));
  return candidates.filter((c) => !left.has(c.address));
}

export class DepositReuseService {
  constructor(private readonly deps: DepositReuseDeps) {}

  /**
   * When each of these deposit addresses went back to the pool known to exist on chain (absent: not
   * known). A sweep of such an address needs no activation.
   */
  activatedAt(addresses: readonly string[]): Promise<Map<string, number>> {
    return this.deps.repository.activatedAt(this.deps.db, addresses);
  }

  /** How full the deposit-address pool is, and how many of the merchant's addresses are on open payments. */
  levels(merchantId: string): Promise<{ fresh: number; reusable: number; inUse: number }> {
    return this.deps.repository.levels(this.deps.db, merchantId);
  }

  /** Returns every quiet, fully swept address to the pool, a page per transaction; answers how many went back. */
  async returnQuietAddresses(): Promise<number> {
    const { db, clock, repository } = this.deps;
    const pageSize = this.deps.pageSize ?? PAGE_SIZE;
    const now = clock.now();
    const quietBefore = now - this.deps.quietPeriodDays * DAY_MS;
    let returned = 0;
    let after = -1;
    for (;;) {
      const page = await repository.quietAddresses(db, quietBefore, after, pageSize);
      if (page.length === 0) break;
      after = (page[page.length - 1] as QuietAddress).index;
      const addresses = page.map((a) => a.address);
      const ready = fullySwept(page, await this.deps.credited(db, addresses), await this.deps.swept(db, addresses));
      if (ready.length > 0) returned += await db.transaction().execute((trx) => repository.returnToPool(trx, ready, now));
      if (page.length < pageSize) break;
    }
    return returned;
  }
}
