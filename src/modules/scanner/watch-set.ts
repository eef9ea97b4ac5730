/**
 * The addresses the scanner looks for, in memory: deposit addresses of `payment_gateway` payments and
 * (payer, payee) pairs of `direct_transfer` payments that are not final or were created within
 * `watch_days`. New payments are added incrementally (those created since the last look, through the
 * payments_created index, with an overlap for clock skew between processes); a periodic full reload drops
 * the ones that left. Addresses are kept as "41…" hex, the form blocks carry them in.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { toHexAddress } from '../../tron/address.js';

export interface WatchView {
  /** a watched deposit address ("41…" hex) */
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
let instances = 0;

export class WatchSet implements WatchSource {
  private deposits = new Set<string>();
  private pairs = new Set<string>();
  private lastLook: number | null = null;
  private lastReload = 0;
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
   * last look (one indexed query). The scanner calls it on every pass after reading the head and before
   * scanning up to it: a payment whose transfer is in those blocks was created (and answered to the
   * payer) before the head was read, so it is in the set.
   */
  async refresh(force = false): Promise<void> {
    const now = this.clock.now();
    if (force || this.lastLook === null || now - this.lastReload >= this.settings.reloadMs) return this.reload(now);
    const since = this.lastLook - (this.settings.overlapMs ?? 60_000);
    const rows = await this.db
      .selectFrom('payments')
      .select(['payment_method', 'deposit_address', 'payer_address', 'payee_address'])
      .where('created_at', '>=', since)
      .where('payment_method', 'in', COLLECTIONS)
      .execute();
    const before = this.deposits.size + this.pairs.size;
    for (const row of rows) this.add(row, this.deposits, this.pairs);
    if (this.deposits.size + this.pairs.size !== before) this.changed();
    this.lastLook = now;
  }

  private changed(): void {
    this.revision++;
    this.snapshotCache = null;
  }

  private async reload(now: number): Promise<void> {
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
    this.lastLook = now;
    this.lastReload = now;
  }

  private add(
    row: { payment_method: string; deposit_address: string | null; payer_address: string | null; payee_address: string },
    deposits: Set<string>,
    pairs: Set<string>,
  ): void {
    if (row.payment_method === 'payment_gateway' && row.deposit_address) deposits.add(toHexAddress(row.deposit_address));
    else if (row.payment_method === 'direct_transfer' && row.payer_address) {
      pairs.add(toHexAddress(row.payer_address) + toHexAddress(row.payee_address));
    }
  }
}
