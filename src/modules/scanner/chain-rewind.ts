/**
 * The scanner's memory of recent blocks and its way back after a reorganisation (issue 20, docs/adr/0034).
 * Every block processed above the solidified block keeps its id in `scanned_blocks` (written in the same
 * atomic batch as the cursor); blocks at or below the solidified block never change and are pruned. When
 * a block's parent is not the stored block before it, the stored ids are compared with the node's, from
 * the cursor down, to the common ancestor; the cursor is set back there (only while the lease is held),
 * after what was recorded from the orphaned blocks was undone (the recorder's revertAbove).
 */
import type { CompiledQuery, Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import type { HeldCondition, HeldLease, LeaseStore } from '../chain/lease.js';
import type { ChainTip } from '../collections/transfer-recorder.js';
import { commonAncestor, type LinkedBlock } from './chain-continuity.js';
import type { ScannerClient } from './scanner.worker.js';

/** Blocks per node call while walking back. */
const WALK_CHUNK = 100;

export interface RewindPoint {
  /** the common ancestor: the new cursor */
  block: number;
  /** its id on the node (null when the node did not answer for it: the next block's parent is then not checked) */
  blockId: string | null;
}

export class ChainRewind {
  constructor(
    private readonly deps: {
      db: Kysely<DB>;
      clock: Clock;
      client: Pick<ScannerClient, 'getBlockRange'>;
      leases: LeaseStore;
      cursorName: string;
    },
  ) {}

  /** The writes that keep the ids of a range's blocks above the solidified block (none when it has none), and prune the rest. */
  rememberBlocks(blocks: readonly LinkedBlock[], tip: ChainTip): CompiledQuery[] {
    const recent = blocks.filter((b) => b.number > tip.solid);
    if (recent.length === 0) return [];
    const { db } = this.deps;
    return [
      db
        .insertInto('scanned_blocks')
        .values(recent.map((b) => ({ block_number: b.number, block_id: b.blockId })))
        .onConflict((oc) => oc.column('block_number').doUpdateSet((eb) => ({ block_id: eb.ref('excluded.block_id') })))
        .compile(),
      db.deleteFrom('scanned_blocks').where('block_number', '<', tip.solid).compile(),
    ];
  }

  /**
   * The common ancestor of the stored branch ending at the cursor and the node's: the highest stored block
   * the node has with the same id. Every stored block is compared, not only those above the node's
   * solidified block now: a reorganisation may have moved that past the fork (the new branch is longer).
   * Without a match, the block below the lowest stored one (at or below the solidified block when it was
   * stored, so unchanged) — always below the cursor, so that a rewind makes progress.
   */
  async findAncestor(cursor: number, cursorId: string | null, tip: ChainTip): Promise<RewindPoint> {
    const rows = await this.deps.db
      .selectFrom('scanned_blocks')
      .select(['block_number', 'block_id'])
      .where('block_number', '<=', cursor)
      .execute();
    const stored = new Map(rows.map((r) => [Number(r.block_number), r.block_id]));
    if (cursorId !== null) stored.set(cursor, cursorId);
    const node = new Map<number, string>();
    const numbers = [...stored.keys()];
    const low = numbers.length > 0 ? Math.min(...numbers) : cursor;
    // from the top down, a chunk at a time: the ancestor is usually a few blocks back
    for (let to = cursor; to >= low; to -= WALK_CHUNK) {
      const from = Math.max(low, to - WALK_CHUNK + 1);
      for (const b of await this.deps.client.getBlockRange(from, to + 1, { verify: false })) node.set(Number(b.number), b.blockId);
      const found = commonAncestor(new Map([...stored].filter(([n]) => n >= from)), node);
      // the cursor itself may agree (the node answered from two branches): then nothing is rewound, the next pass looks again
      if (found !== null) return { block: found, blockId: node.get(found) as string };
    }
    const fallback = Math.max(-1, Math.min(low - 1, tip.solid, cursor - 1));
    const [block] = fallback >= 0 ? await this.deps.client.getBlockRange(fallback, fallback + 1, { verify: false }) : [];
    return { block: fallback, blockId: block?.blockId ?? null };
  }

  /** Sets the cursor back to `point` and forgets the blocks above it, only while `lease` is held; false when it was lost. */
  async rewindTo(lease: HeldLease, point: RewindPoint): Promise<boolean> {
    const { db, leases, clock, cursorName } = this.deps;
    return leases.writeWhileHeld(lease, (held: HeldCondition) => [
      db
        .updateTable('chain_cursors')
        .set({ block_number: point.block, block_id: point.blockId, updated_at: clock.now() })
        .where('name', '=', cursorName)
        .where(held)
        .compile(),
      db.deleteFrom('scanned_blocks').where('block_number', '>', point.block).where(held).compile(),
    ]);
  }
}
