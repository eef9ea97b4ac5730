/**
 * The chain scanner: follows blocks from a persisted cursor (`chain_cursors`, name `scanner`: the last
 * block fully processed) up to the head, in ranges of at most 100 blocks per node call, hands every
 * transfer that touches a watched address to the transfer recorder, and then moves open transfers and
 * their payments along with the head and the solidified block. One scanner is active per database: it
 * holds the `scanner` lease and renews it; others stand by and take over when it lapses. The cursor only
 * moves forward, and only while the lease is held, so a paused holder cannot drag it back.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { fieldError } from '../../shared/errors.js';
import type { TronClient } from '../../tron/client.js';
import type { HeldLease, LeaseStore } from '../chain/lease.js';
import type { UndoSummary } from '../collections/reorg-undo.js';
import type { ChainTip, ObservedTransfer, RecordResult, TransferRecorder } from '../collections/transfer-recorder.js';
import type { BlockSource } from './block-fetch-pool.js';
import type { ScannedBlock, TokenIndex } from './block-matcher.js';
import { firstBreak } from './chain-continuity.js';
import { ChainRewind } from './chain-rewind.js';
import { nextPollDelay } from './poll-schedule.js';
import { scanBlockRange } from './range-scan.js';
import type { WatchSet, WatchSource } from './watch-set.js';

export const SCANNER_CURSOR = 'scanner';
export const SCANNER_LEASE = 'scanner';

export interface ScannerSettings {
  pollIntervalMs: number;
  /** the chain's block interval (3 s on TRON): when the next block is due (poll-schedule.ts) */
  blockIntervalMs: number;
  /** blocks per node call, ≤ 100 */
  rangeBlocks: number;
  /** blocks between two rounds of advancing open payments during a long catch-up */
  maxBlocksPerPass: number;
  leaseTtlMs: number;
  /** first block of a fresh database; -1 = the head */
  startBlock: number;
}

export type ScannerClient = Pick<
  TronClient,
  'getNowBlock' | 'getSolidBlock' | 'getBlockRange' | 'getTransactionInfoByBlockNum' | 'getTransactionInfoById'
>;

export interface ScannerDeps {
  db: Kysely<DB>;
  clock: Clock;
  client: ScannerClient;
  /** configured token contracts ("41…" hex) → symbol: only these are credited */
  tokens: TokenIndex;
  leases: LeaseStore;
  recorder: TransferRecorder & {
    advanceOpen(tip: ChainTip): Promise<number>;
    /** undoes what was recorded from blocks above `ancestor`, orphaned by a reorganisation (reorg-undo.ts) */
    revertAbove(ancestor: number, tip: ChainTip): Promise<UndoSummary>;
  };
  watch: WatchSet;
  /** builds the watch set a rescan uses: every collection, whatever its age */
  fullWatch?: () => WatchSet;
  /** this process's name in the lease */
  holder: string;
  settings: ScannerSettings;
  logger?: Logger;
  /** fetching threads for a catch-up (block-fetch-pool.ts); without them, and near the head, blocks are read on this thread */
  blocks?: BlockSource;
}

export interface ScannerStatus {
  cursor: number | null;
  head: number | null;
  lag: number | null;
  holder: string | null;
  active: boolean;
}

export interface RescanProgress {
  from: number;
  to: number;
  done: number;
  total: number;
}

export interface RescanResult {
  blocks: number;
  outcomes: Record<RecordResult['outcome'], number>;
}

/** The head is re-read for /metrics and readiness at most this often. */
const HEAD_CACHE_MS = 1000;

/** Rewinds one pass may make before it leaves the rest to the next pass (a node flapping between branches). */
const MAX_REWINDS_PER_PASS = 3;

/** The fetching threads are used only for more than this many ranges: near the head, starting them costs more than it saves. */
const POOL_MIN_RANGES = 2;

interface FetchedRange {
  from: number;
  blocks: ScannedBlock[];
  transfers: ObservedTransfer[];
}

export class ScannerWorker {
  private lease: HeldLease | null = null;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<unknown> | null = null;
  private headCache: { head: number; at: number } | null = null;
  /** consecutive failed passes (node down): the log says so once, then every tenth */
  private failures = 0;
  /** when a pass last found new blocks (poll-schedule.ts) */
  private headMovedAt: number | null = null;
  private readonly rewinder: ChainRewind;
  /** reorganisations this process rewound for */
  reorgs = 0;

  constructor(private readonly deps: ScannerDeps) {
    this.rewinder = new ChainRewind({
      db: deps.db,
      clock: deps.clock,
      client: deps.client,
      leases: deps.leases,
      cursorName: SCANNER_CURSOR,
    });
  }

  /** Whether this process holds the scanner lease (as of its last pass). */
  get active(): boolean {
    return this.lease !== null;
  }

  /**
   * One pass: takes (or renews) the lease, scans from the cursor to the head as it is now, then advances
   * open transfers and payments. Returns the blocks scanned; 0 when another process holds the lease.
   */
  async scanOnce(): Promise<number> {
    const { leases, settings, holder } = this.deps;
    this.lease = await leases.acquire(SCANNER_LEASE, holder, settings.leaseTtlMs);
    if (!this.lease) return 0;
    let tip = await this.tip();
    let { block: cursor, blockId: cursorId } = await this.ensureCursor(tip.head);
    if (cursor < tip.head) await this.deps.watch.refresh(); // nothing to scan, nothing to match
    let scanned = 0;
    let rewinds = 0;
    while (cursor < tip.head) {
      const to = Math.min(tip.head, cursor + settings.maxBlocksPerPass);
      const start = cursor;
      const outcome = await this.scanRange(
        cursor + 1,
        to,
        tip,
        this.deps.watch,
        async (last, lastId, blocks) => {
          if (!(await this.moveCursor(last, lastId, blocks, tip))) throw new LeaseLost();
          scanned += last - cursor;
          cursor = last;
          cursorId = lastId;
          await this.renewIfDue();
        },
        undefined,
        cursorId,
      ).catch((error: unknown) => {
        if (error instanceof LeaseLost) return null;
        if (error instanceof ChainBroken) return error;
        throw error;
      });
      if (outcome === null) {
        this.lease = null; // another process took over while this one was busy
        return scanned;
      }
      if (outcome instanceof ChainBroken) {
        // the node is on another branch: undo the orphaned blocks and scan the new ones (bounded per pass)
        if (++rewinds > MAX_REWINDS_PER_PASS) break;
        const point = await this.rewind(cursor, cursorId, tip);
        if (point === null) {
          this.lease = null;
          return scanned;
        }
        ({ block: cursor, blockId: cursorId } = point);
        tip = await this.tip();
        continue;
      }
      if (cursor === start) break; // the node has not got these blocks yet
      if (cursor < tip.head) {
        // a long catch-up: let payments progress, keep the lease, and look at the new head
        await this.deps.recorder.advanceOpen(tip);
        this.lease = await leases.acquire(SCANNER_LEASE, holder, settings.leaseTtlMs);
        if (!this.lease) return scanned;
        tip = await this.tip();
        await this.deps.watch.refresh();
      }
    }
    await this.deps.recorder.advanceOpen(tip);
    return scanned;
  }

  /**
   * After a broken parent link at cursor + 1: the common ancestor (chain-rewind.ts), what was recorded
   * above it undone, then the cursor set back to it. Null when the lease was lost meanwhile.
   */
  private async rewind(cursor: number, cursorId: string | null, tip: ChainTip): Promise<{ block: number; blockId: string | null } | null> {
    const point = await this.rewinder.findAncestor(cursor, cursorId, tip);
    if (point.block >= cursor) return { block: cursor, blockId: cursorId }; // the node agrees with the cursor again
    // undone first: if the process dies before the cursor moves back, the next pass finds the break again
    const undone = await this.deps.recorder.revertAbove(point.block, tip);
    if (!this.lease || !(await this.rewinder.rewindTo(this.lease, point))) return null;
    this.reorgs++;
    this.deps.logger?.warn(
      {
        from: cursor,
        ancestor: point.block,
        depth: cursor - point.block,
        moved: undone.moved,
        dropped: undone.dropped,
        reverted: undone.reverted.length,
      },
      'chain reorganisation: scanner rewound to the common ancestor',
    );
    return point;
  }

  /**
   * Re-scans blocks `from`…`to` (default: the head) idempotently: transfers already recorded are
   * duplicates, missed ones are credited. Watches every collection, whatever its age. The live cursor is
   * not touched. A `from` beyond the head is refused (`validation_failed` on `from`): nothing there to scan.
   */
  async rescan(from: number, to: number | null, onProgress?: (progress: RescanProgress) => void): Promise<RescanResult> {
    const tip = await this.tip();
    if (from > tip.head) throw fieldError('from', `block ${from} is beyond the head of the chain (block ${tip.head})`);
    const last = to === null ? tip.head : Math.min(to, tip.head);
    const watch = this.deps.fullWatch ? this.deps.fullWatch() : this.deps.watch;
    await watch.refresh(true);
    const outcomes: RescanResult['outcomes'] = { credited: 0, duplicate: 0, unmatched: 0, internal: 0 };
    const total = Math.max(0, last - from + 1);
    let done = 0;
    let cursor = from - 1;
    while (cursor < last) {
      const reached = await this.scanRange(
        cursor + 1,
        last,
        tip,
        watch,
        async (block) => {
          done = block - from + 1;
          onProgress?.({ from, to: last, done, total });
        },
        (results) => {
          for (const r of results) outcomes[r.outcome]++;
        },
      );
      if (reached <= cursor) break;
      cursor = reached;
    }
    await this.deps.recorder.advanceOpen(await this.tip());
    return { blocks: done, outcomes };
  }

  /** Cursor, head, lag and lease holder (for /status); head from a short cache. */
  async status(): Promise<ScannerStatus> {
    const cursorRow = await this.deps.db
      .selectFrom('chain_cursors')
      .select('block_number')
      .where('name', '=', SCANNER_CURSOR)
      .executeTakeFirst();
    const cursor = cursorRow ? Number(cursorRow.block_number) : null;
    const head = await this.cachedHead();
    const lease = await this.deps.leases.current(SCANNER_LEASE);
    const holder = lease && lease.expiresAt > this.deps.clock.now() ? lease.holder : null;
    return { cursor, head, lag: cursor !== null && head !== null ? Math.max(0, head - cursor) : null, holder, active: this.active };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const loop = async () => {
      if (!this.running) return;
      let scanned = 0;
      const pass = this.scanOnce();
      this.current = pass;
      try {
        scanned = await pass;
        if (this.failures > 0) this.deps.logger?.info({ after_failures: this.failures }, 'scanner recovered');
        this.failures = 0;
      } catch (error) {
        this.failures++;
        if (this.failures === 1 || this.failures % 10 === 0) {
          this.deps.logger?.warn({ err: error, failures: this.failures }, 'scanner pass failed; retrying');
        }
      } finally {
        this.current = null;
      }
      if (!this.running) return;
      if (scanned > 0) this.headMovedAt = this.deps.clock.now();
      const { pollIntervalMs, blockIntervalMs } = this.deps.settings;
      const delay = nextPollDelay({
        now: this.deps.clock.now(),
        headMovedAt: this.headMovedAt,
        blockIntervalMs,
        pollIntervalMs,
        failures: this.failures,
        scanned,
      });
      this.timer = setTimeout(() => void loop(), delay);
      this.timer.unref?.();
    };
    void loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.current?.catch(() => {});
    if (this.lease) await this.deps.leases.release(this.lease).catch(() => {});
    this.lease = null;
  }

  /**
   * Scans `from`…`to` in ranges, fetching the next range while the current one is recorded. After each
   * range, `afterRange(last block, its id, the range's blocks)` runs (the live scan moves its cursor
   * there). With `parentOfFirst` (the id of block from − 1, null when unknown) every block's parent is
   * checked: a broken link at a range's first block throws ChainBroken; inside a range the blocks before
   * it are processed and the scan stops there. Returns the last block processed (from − 1 when none).
   */
  private async scanRange(
    from: number,
    to: number,
    tip: ChainTip,
    watch: WatchSource,
    afterRange: (last: number, lastId: string, blocks: readonly ScannedBlock[]) => Promise<void>,
    onResults?: (results: RecordResult[]) => void,
    parentOfFirst?: string | null,
  ): Promise<number> {
    const size = Math.max(1, Math.min(100, this.deps.settings.rangeBlocks));
    // A catch-up goes to the fetching threads, one range in flight per thread, so that they parse while
    // this thread records. While no thread is free (they are still loading, or all busy), this thread
    // reads one more range itself.
    const pool = this.deps.blocks && to - from + 1 > POOL_MIN_RANGES * size ? this.deps.blocks : null;
    pool?.start();
    const depth = pool ? pool.parallelism + 1 : 1;
    const pending: Array<Promise<FetchedRange>> = [];
    let next = from;
    let readingHere = false;
    const fill = () => {
      while (pending.length < depth && next <= to) {
        const end = Math.min(to, next + size - 1);
        const here = pool === null || (!readingHere && !pool.available());
        const range = this.fetchRange(next, end, watch, here ? null : pool);
        if (pool && here) {
          readingHere = true;
          range.then(
            () => (readingHere = false),
            () => (readingHere = false),
          );
        }
        pending.push(range);
        next = end + 1;
      }
    };
    fill();
    let last = from - 1;
    let parent = parentOfFirst;
    try {
      while (pending.length > 0) {
        const range = await (pending.shift() as Promise<FetchedRange>);
        const end = Math.min(to, range.from + size - 1);
        let complete = range.blocks.length === end - range.from + 1;
        if (complete) fill();
        let reached = contiguousEnd(range.blocks, range.from);
        if (parent !== undefined && reached >= range.from) {
          const broken = firstBreak(range.blocks.slice(0, reached - range.from + 1), parent);
          if (broken === 0) throw new ChainBroken(range.from);
          if (broken > 0) {
            reached = range.from + broken - 1; // the node switched branches within the range: the next pass rewinds
            complete = false;
          }
        }
        if (reached < range.from) break;
        const results = await this.deps.recorder.recordTransfers(
          range.transfers.filter((t) => t.blockNumber <= reached),
          tip,
          'scanner',
        );
        onResults?.(results);
        const blocks = range.blocks.slice(0, reached - range.from + 1);
        const lastBlock = blocks[blocks.length - 1] as ScannedBlock;
        await afterRange(reached, lastBlock.blockId, blocks);
        if (parent !== undefined) parent = lastBlock.blockId;
        last = reached;
        if (!complete) break;
      }
    } finally {
      // a prefetched range we no longer need must not be left rejecting unobserved
      for (const p of pending) p.catch(() => {});
    }
    return last;
  }

  private async fetchRange(from: number, to: number, watch: WatchSource, pool: BlockSource | null): Promise<FetchedRange> {
    const blocks = pool
      ? await pool.scanBlocks(from, to + 1, watch, this.deps.tokens)
      : await scanBlockRange(this.deps.client, from, to + 1, watch, this.deps.tokens);
    return { from, blocks, transfers: blocks.flatMap((b) => b.transfers) };
  }

  private async tip(): Promise<ChainTip> {
    const [head, solid] = await Promise.all([this.deps.client.getNowBlock(), this.deps.client.getSolidBlock()]);
    const tip = { head: Number(head.number), solid: Number(solid.number) };
    this.headCache = { head: tip.head, at: Date.now() };
    return tip;
  }

  private async cachedHead(): Promise<number | null> {
    if (this.headCache && Date.now() - this.headCache.at < HEAD_CACHE_MS) return this.headCache.head;
    try {
      const head = Number((await this.deps.client.getNowBlock()).number);
      this.headCache = { head, at: Date.now() };
      return head;
    } catch {
      return this.headCache?.head ?? null;
    }
  }

  /** The cursor and its block's id; a fresh database starts at the configured block or at the head. */
  private async ensureCursor(head: number): Promise<{ block: number; blockId: string | null }> {
    const row = await this.deps.db
      .selectFrom('chain_cursors')
      .select(['block_number', 'block_id'])
      .where('name', '=', SCANNER_CURSOR)
      .executeTakeFirst();
    if (row) return { block: Number(row.block_number), blockId: row.block_id };
    const start = this.deps.settings.startBlock >= 0 ? this.deps.settings.startBlock : head;
    await this.deps.db
      .insertInto('chain_cursors')
      .values({ name: SCANNER_CURSOR, block_number: Math.max(-1, start - 1), block_id: null, updated_at: this.deps.clock.now() })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    return this.ensureCursor(head);
  }

  /** Renews the lease once a third of its time has passed; throws LeaseLost when another process has it. */
  private async renewIfDue(): Promise<void> {
    const { leases, settings, holder, clock } = this.deps;
    if (this.lease && clock.now() < this.lease.expiresAt - (settings.leaseTtlMs * 2) / 3) return;
    this.lease = await leases.acquire(SCANNER_LEASE, holder, settings.leaseTtlMs);
    if (!this.lease) throw new LeaseLost();
  }

  /**
   * Moves the cursor forward, only while this process still holds the lease, and keeps the ids of the
   * range's blocks above the solidified block in the same atomic batch; false when the lease was lost.
   */
  private async moveCursor(block: number, blockId: string, blocks: readonly ScannedBlock[], tip: ChainTip): Promise<boolean> {
    const lease = this.lease;
    if (!lease) return false;
    return this.deps.leases.writeWhileHeld(lease, (held) => [
      this.deps.db
        .updateTable('chain_cursors')
        .set({ block_number: block, block_id: blockId, updated_at: this.deps.clock.now() })
        .where('name', '=', SCANNER_CURSOR)
        .where('block_number', '<', block)
        .where(held)
        .compile(),
      ...this.rewinder.rememberBlocks(blocks, tip),
    ]);
  }
}

/** A block's parent is not the block the scanner processed before it: the node is on another branch. */
class ChainBroken extends Error {
  constructor(readonly block: number) {
    super(`block ${block} does not follow the stored block ${block - 1}`);
  }
}

class LeaseLost extends Error {}

/** The last block of an unbroken run starting at `from` (from − 1 when the first is missing). */
function contiguousEnd(blocks: readonly ScannedBlock[], from: number): number {
  let expected = from;
  for (const block of blocks) {
    if (block.number !== expected) break;
    expected++;
  }
  return expected - 1;
}
