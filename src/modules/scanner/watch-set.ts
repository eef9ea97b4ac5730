/**
 * The addresses the scanner looks for, in memory: deposit addresses of `payment_gateway` payments,
 * (payer, payee) pairs of `direct_transfer` payments and the payees of `direct_transfer` payments
 * without a payer (matched by their unique amount: every transfer to the payee is looked at), that are
 * not final or were created within `watch_days`. A periodic full reload drops the ones that left. Addresses are kept as "41…" hex, the
 * form blocks carry them in.
 *
 * New payments are added incrementally through the payments_created index: those created after the newest
 * one seen. A payment can also commit late — created (by its process's clock) before that one but
 * committed after the last look: a long transaction, clock skew between processes. For those the set
 * remembers when every payment of the last `overlapMs` was created and compares that with a count of the
 * same window in the database (an index range, no rows read); only when the count differs is the window
 * read again. Re-reading the window on every look instead costs ~60 s of creations per pass — at
 * thousands of payments a second, hundreds of milliseconds that API requests would wait behind.
 */
import type { Kysely } from 'kysely';
import { afterKeyset } from '../../db/keyset.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { toHexAddress } from '../../tron/address.js';

export interface WatchView {
  /** a watched receiving address ("41…" hex): a deposit address, or the payee of a unique-amount direct_transfer */
  hasDeposit(hex: string): boolean;
  /** a watched direct_transfer pair ("41…" hex each) */
  hasPair(fromHex: string, toHex: string): boolean;
}

/** A watch set as plain arrays, for the block-fetching threads (block-fetch.worker.ts). */
export interface WatchSnapshot {
  /** "41…" hex */
  deposits: string[];
  /** payer hex + payee hex */
  pairs: string[];
}

/** A watch set the fetching threads can match against: `key` changes whenever its content may have. */
export interface WatchSource extends WatchView {
  readonly key: string;
  snapshot(): WatchSnapshot;
}

/** A read-only view over a snapshot (what a fetching thread matches against). */
export function watchViewOf(snapshot: WatchSnapshot): WatchView {
  const deposits = new Set(snapshot.deposits);
  const pairs = new Set(snapshot.pairs);
  return { hasDeposit: (hex) => deposits.has(hex), hasPair: (fromHex, toHex) => pairs.has(fromHex + toHex) };
}

export interface WatchSettings {
  watchDays: number;
  reloadMs: number;
  /** look back this far before the last look: payments committed late by another process are not missed */
  overlapMs?: number;
  /** every collection ever created, whatever its age or status (a rescan of old blocks) */
  all?: boolean;
}

const FINAL = ['completed', 'failed', 'cancelled', 'refunded'];
const COLLECTIONS = ['payment_gateway', 'direct_transfer'];
const DAY_MS = 86_400_000;
/**
 * Rows a look reads per query: about a millisecond of the main thread. During a burst of creations a
 * look reads thousands of rows, and API requests wait behind each page; larger pages showed up as the
 * slowest requests of the benchmark.
 */
const PAGE_ROWS = 250;

interface PageEnd {
  created: number;
  id: string;
}

interface WatchRow {
  payment_method: string;
  deposit_address: string | null;
  payer_address: string | null;
  payee_address: string;
}

/** How many of the ascending `times` are ≤ `limit`. */
function countUpTo(times: readonly number[], limit: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

let instances = 0;

export class WatchSet implements WatchSource {
  private deposits = new Set<string>();
  private pairs = new Set<string>();
  /** when the last full reload ran (null: never) */
  private lastReload: number | null = null;
  /** created_at of every payment seen that was created within the overlap window, ascending */
  private recent: number[] = [];
  /** the newest created_at seen; newer payments are read as new */
  private newest = Number.NEGATIVE_INFINITY;
  private readonly instance = ++instances;
  /** bumped whenever the content may have changed */
  private revision = 0;
  private snapshotCache: WatchSnapshot | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly settings: WatchSettings,
  ) {}

  hasDeposit(hex: string): boolean {
    return this.deposits.has(hex);
  }

  hasPair(fromHex: string, toHex: string): boolean {
    return this.pairs.has(fromHex + toHex);
  }

  get key(): string {
    return `${this.instance}:${this.revision}`;
  }

  snapshot(): WatchSnapshot {
    this.snapshotCache ??= { deposits: [...this.deposits], pairs: [...this.pairs] };
    return this.snapshotCache;
  }

  get size(): { deposits: number; pairs: number } {
    return { deposits: this.deposits.size, pairs: this.pairs.size };
  }

  /**
   * Brings the set up to date: a full reload when due (or forced), else the payments created since the
   * newest one seen, and any committed late (see the module comment). The scanner calls it after reading
   * the head and before scanning up to it: a payment whose transfer is in those blocks was created (and
   * answered to the payer) before the head was read, so it is in the set.
   */
  async refresh(force = false): Promise<void> {
    const now = this.clock.now();
    if (force || this.lastReload === null || now - this.lastReload >= this.settings.reloadMs) return this.reload(now);
    const seenUpTo = this.newest;
    await this.readNewerThan(seenUpTo);
    const since = now - this.overlapMs;
    this.forgetBefore(since);
    if (!Number.isFinite(seenUpTo) || seenUpTo < since) return;
    const counted = await this.db
      .selectFrom('payments')
      .select((eb) => eb.fn.countAll<bigint | number>().as('n'))
      .where('created_at', '>=', since)
      .where('created_at', '<=', seenUpTo)
      .executeTakeFirstOrThrow();
    if (Number(counted.n) === countUpTo(this.recent, seenUpTo)) return;
    // committed late: read the window again (sets ignore what they hold) and remember it as it is now
    const window = await this.rows().where('created_at', '>=', since).where('created_at', '<=', seenUpTo).orderBy('created_at').execute();
    const later = this.recent.slice(countUpTo(this.recent, seenUpTo));
    this.recent = [];
    this.take(window);
    this.recent.push(...later);
  }

  private get overlapMs(): number {
    return this.settings.overlapMs ?? 60_000;
  }

  /**
   * Takes the payments created after `after`, oldest first, a page at a time with a pause between pages:
   * SQLite answers reads on the main thread, and a burst of creations must not hold it for long. A
   * payment committed meanwhile behind the page being read is a late commit for the next look's count.
   */
  private async readNewerThan(after: number): Promise<void> {
    let page = await this.page(after, null);
    this.take(page);
    while (page.length === PAGE_ROWS) {
      const end = page[PAGE_ROWS - 1] as { created_at: number | bigint; id: string };
      await new Promise((resolve) => setImmediate(resolve));
      page = await this.page(after, { created: Number(end.created_at), id: end.id });
      this.take(page);
    }
  }

  /** One page of readNewerThan: after `after`, or after the previous page's last row. */
  private page(after: number, from: PageEnd | null) {
    const query = this.rows().select('id').orderBy('created_at').orderBy('id').limit(PAGE_ROWS);
    if (!from) return query.where('created_at', '>', after).execute();
    return query.where(afterKeyset('asc', { createdAt: from.created, id: from.id })).execute();
  }

  /** Every payment's method, addresses and creation time (what a look reads). */
  private rows() {
    return this.db.selectFrom('payments').select(['payment_method', 'deposit_address', 'payer_address', 'payee_address', 'created_at']);
  }

  /** Adds the rows' collections to the set and their creation times (ascending) to `recent`. */
  private take(rows: ReadonlyArray<WatchRow & { created_at: number | bigint }>): void {
    const before = this.deposits.size + this.pairs.size;
    for (const row of rows) {
      if (row.payment_method === 'payment_gateway' || row.payment_method === 'direct_transfer') this.add(row, this.deposits, this.pairs);
      const created = Number(row.created_at);
      this.recent.push(created);
      if (created > this.newest) this.newest = created;
    }
    if (this.deposits.size + this.pairs.size !== before) this.changed();
  }

  private forgetBefore(since: number): void {
    let drop = 0;
    while (drop < this.recent.length && (this.recent[drop] as number) < since) drop++;
    if (drop > 0) this.recent = this.recent.slice(drop);
  }

  private changed(): void {
    this.revision++;
    this.snapshotCache = null;
  }

  private async reload(now: number): Promise<void> {
    // what was created within the window, read first: a payment committed after this read is either newer
    // than all of it (read as new next time) or shows up in the next count
    const since = now - this.overlapMs;
    const window = await this.db
      .selectFrom('payments')
      .select('created_at')
      .where('created_at', '>=', since)
      .orderBy('created_at')
      .execute();
    let query = this.db
      .selectFrom('payments')
      .select(['payment_method', 'deposit_address', 'payer_address', 'payee_address'])
      .where('payment_method', 'in', COLLECTIONS);
    if (!this.settings.all) {
      const cutoff = now - this.settings.watchDays * DAY_MS;
      query = query.where((eb) => eb.or([eb('status', 'not in', FINAL), eb('created_at', '>=', cutoff)]));
    }
    const rows = await query.execute();
    const deposits = new Set<string>();
    const pairs = new Set<string>();
    for (const row of rows) this.add(row, deposits, pairs);
    this.deposits = deposits;
    this.pairs = pairs;
    this.changed();
    this.recent = window.map((r) => Number(r.created_at));
    this.newest = this.recent.length > 0 ? (this.recent[this.recent.length - 1] as number) : since;
    this.lastReload = now;
  }

  private add(row: WatchRow, deposits: Set<string>, pairs: Set<string>): void {
    if (row.payment_method === 'payment_gateway' && row.deposit_address) deposits.add(toHexAddress(row.deposit_address));
    else if (row.payment_method === 'direct_transfer' && row.payer_address) {
      pairs.add(toHexAddress(row.payer_address) + toHexAddress(row.payee_address));
    } else if (row.payment_method === 'direct_transfer') {
      // no payer: any sender may pay its unique amount to the payee
      deposits.add(toHexAddress(row.payee_address));
    }
  }
}
