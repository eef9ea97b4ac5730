/**
 * Follows the gateway's own transactions on chain: one active tracker per database (lease `send-tracker`).
 * Per run it reads the receipts of every new block once (`getTransactionInfoByBlockNum`: one call per block,
 * however many sends are open) and matches them by txID; confirmed sends whose block is solidified are
 * completed once the solidity node returns their receipt; a signed or broadcast send whose expiration is
 * older than the solidified block's timestamp and that neither the full node nor the solidity node knows
 * has provably expired without landing: only then is a new transaction (sequence + 1) queued for its owner.
 * A confirmed send whose block a reorganisation orphaned, and that the chain no longer has, goes back to
 * `signed`: the sender broadcasts the same bytes again (checkOrphaned).
 */
import type { Kysely } from 'kysely';
import { updateRows } from '../../db/bulk-update.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import type { IdGenerator } from '../../shared/ids.js';
import type { TronClient } from '../../tron/client.js';
import type { BlockInfo, TransactionInfo } from '../../tron/node-json.js';
import { signedBandwidthBytes } from '../../tron/transaction.js';
import { forEachBounded } from './chain-sender.js';
import type { HeldLease, LeaseStore } from './lease.js';
import type { SendEvent, SendFailureReason, SendStatus, SendTransaction } from './send-contract.js';
import { sendCostFromReceipt } from './send-cost.js';
import { classifyReceipt } from './send-failures.js';
import { allowedFrom, compareAndSet, transition } from './send-lifecycle.js';
import type { ChainSendQueue } from './send-queue.js';
import { nextSequenceIdentity, queuedSendRow, RECORD_COLUMNS, type SendRow, sendCostColumns, toSendRecord } from './send-records.js';

export const SEND_TRACKER_LEASE = 'send-tracker';
const CURSOR = 'send-tracker';
const READ_CONCURRENCY = 8;

export interface TrackerSettings {
  blocksPerRun: number;
  leaseMs: number;
}

export interface TrackerLogger {
  warn(obj: object, msg: string): void;
}

export interface SendTrackerOptions {
  db: Kysely<DB>;
  client: TronClient;
  queue: ChainSendQueue;
  leases: LeaseStore;
  clock: Clock;
  ids: IdGenerator;
  holder: string;
  settings: TrackerSettings;
  logger: TrackerLogger;
}

export interface TrackerRunCounts {
  /** false when another process holds the tracker lease */
  active: boolean;
  blocks: number;
  confirmed: number;
  completed: number;
  failed: number;
  expired: number;
  requeued: number;
  /** confirmed sends a reorganisation took off the chain (signed again, broadcast again) */
  orphaned: number;
}

/** Columns of an open send (everything but the signed bytes). */
const OPEN_COLUMNS = RECORD_COLUMNS;

/**
 * One send's step, run inside a transaction that first locked the owners of every step in it; it returns
 * what to report to the owner (reported for all steps of the transaction at once, see ChainSendQueue.report).
 */
interface Step {
  row: SendRow;
  /** a change of the send's row only: stored together with the others of its kind in one statement */
  update?: { set: Record<string, unknown>; from: readonly SendStatus[]; events(stored: SendRow): SendEvent[] };
  run?(trx: SendTransaction): Promise<SendEvent[]>;
}

export class SendTracker {
  constructor(private readonly o: SendTrackerOptions) {}

  async runOnce(): Promise<TrackerRunCounts> {
    const counts: TrackerRunCounts = {
      active: false,
      blocks: 0,
      confirmed: 0,
      completed: 0,
      failed: 0,
      expired: 0,
      requeued: 0,
      orphaned: 0,
    };
    const lease = await this.o.leases.acquire(SEND_TRACKER_LEASE, this.o.holder, this.o.settings.leaseMs);
    if (!lease) return counts;
    counts.active = true;
    // the head is read BEFORE the open sends: any transaction in a block up to it was signed (and stored) earlier
    const [head, solid] = await Promise.all([this.o.client.getNowBlock(), this.o.client.getSolidBlock()]);
    const open = await this.openSends();
    await this.followBlocks(lease, head, open, counts);
    await this.checkOrphaned(lease, counts);
    await this.completeSolidified(lease, solid, counts);
    await this.settleExpired(lease, solid, counts);
    return counts;
  }

  // ------------------------------------------------------------ new blocks

  private async followBlocks(lease: HeldLease, head: BlockInfo, open: SendRow[], counts: TrackerRunCounts): Promise<void> {
    const cursorRow = await this.o.db.selectFrom('chain_cursors').select('block_number').where('name', '=', CURSOR).executeTakeFirst();
    const headNumber = Number(head.number);
    // a fresh database starts a little behind the head; sends older than that are found by the expiry check
    const from = cursorRow ? Number(cursorRow.block_number) + 1 : Math.max(1, headNumber - this.o.settings.blocksPerRun + 1);
    const to = Math.min(headNumber, from + this.o.settings.blocksPerRun - 1);
    const byTx = new Map<string, SendRow>();
    const landable = allowedFrom('landed');
    for (const row of open) if (row.tx_id && landable.includes(row.status as SendStatus)) byTx.set(row.tx_id, row);
    if (from > to) return;
    const numbers = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const found: Array<{ row: SendRow; info: TransactionInfo }> = [];
    if (byTx.size > 0) {
      await forEachBounded(numbers, READ_CONCURRENCY, async (n) => {
        for (const info of await this.o.client.getTransactionInfoByBlockNum(n)) {
          const row = byTx.get(info.id);
          if (row) found.push({ row, info });
        }
      });
    }
    const bytes = await this.bandwidthOf(found.map(({ row }) => row.id));
    const steps = found.map(({ row, info }) => this.landedStep(row, info, bytes.get(row.id) ?? null, counts));
    if (steps.length === 0 && cursorRow) {
      // the usual run: nothing landed, only the cursor moves (one atomic write, no transaction held open)
      const moved = await this.o.leases.writeWhileHeld(lease, (held) => [
        this.o.db
          .updateTable('chain_cursors')
          .set({ block_number: to, updated_at: this.o.clock.now() })
          .where('name', '=', CURSOR)
          .where(held)
          .compile(),
      ]);
      if (!moved) throw new Error('the send-tracker lease was lost');
      counts.blocks = to - from + 1;
      return;
    }
    await this.applySteps(lease, steps, async (trx) => {
      await trx
        .insertInto('chain_cursors')
        .values({ name: CURSOR, block_number: to, block_id: null, updated_at: this.o.clock.now() })
        .onConflict((oc) => oc.column('name').doUpdateSet({ block_number: to, updated_at: this.o.clock.now() }))
        .execute();
    });
    counts.blocks = to - from + 1;
  }

  /** A transaction seen in a block: confirmed, or failing by its receipt (a `signed` one is reported broadcast first). */
  private landedStep(row: SendRow, info: TransactionInfo, txBytes: number | null, counts: TrackerRunCounts): Step {
    const now = this.o.clock.now();
    const cost = sendCostFromReceipt(info, txBytes);
    const verdict = classifyReceipt(info);
    const step = compareAndSet({ type: 'landed', ok: verdict.ok });
    return {
      row,
      update: {
        set: {
          status: step.to,
          block_number: Number(info.blockNumber),
          ...sendCostColumns(cost),
          network_fee: info.fee,
          broadcast_at: row.broadcast_at ?? now,
          confirmed_at: verdict.ok ? now : null,
          failure_reason: verdict.ok ? null : verdict.reason,
          last_error: verdict.ok ? row.last_error : verdict.detail,
          locked_by: null,
          locked_until: null,
          updated_at: now,
        },
        from: step.from,
        events: (updated) => {
          const record = toSendRecord({ ...updated, signed_tx: null });
          const events: SendEvent[] = [];
          if (row.status === 'signed') events.push({ kind: 'broadcast', send: { ...record, status: 'broadcast' } });
          // a failed receipt is the owner's news only once solidified (completeSolidified): a reorganisation may still drop it
          if (verdict.ok) {
            events.push({ kind: 'confirmed', send: record });
            counts.confirmed += 1;
          }
          return events;
        },
      },
    };
  }

  // ------------------------------------------------------------ reorganisations

  /**
   * Confirmed sends (those waiting for their block to solidify) are checked against their block's receipts,
   * one call per block: one the block no longer holds was in an orphaned block. All of them, not only those
   * above the solidified block now: a reorganisation's longer branch may have moved that past the fork. Found in another block of the new
   * branch, it only moves there; gone from the chain, it is `signed` again so that the sender broadcasts
   * the same bytes (the owner hears `orphaned`); if those expired meanwhile, the expiry check re-signs it once.
   */
  private async checkOrphaned(lease: HeldLease, counts: TrackerRunCounts): Promise<void> {
    const rows = await this.o.db.selectFrom('chain_sends').select(OPEN_COLUMNS).where('status', 'in', allowedFrom('orphaned')).execute();
    if (rows.length === 0) return;
    const inBlock = new Set<string>();
    await forEachBounded([...new Set(rows.map((r) => Number(r.block_number)))], READ_CONCURRENCY, async (n) => {
      for (const info of await this.o.client.getTransactionInfoByBlockNum(n)) inBlock.add(`${n}:${info.id}`);
    });
    const steps: Step[] = [];
    for (const selected of rows) {
      if (inBlock.has(`${Number(selected.block_number)}:${selected.tx_id}`)) continue;
      const row: SendRow = { ...selected, signed_tx: null };
      const info = await this.o.client.getTransactionInfoById(row.tx_id as string);
      if (info) {
        // re-included in a block of the new branch: the same transaction, only its block changed
        await this.o.db
          .updateTable('chain_sends')
          .set({ block_number: Number(info.blockNumber), updated_at: this.o.clock.now() })
          .where('id', '=', row.id)
          .where('status', '=', row.status)
          .execute();
        continue;
      }
      const orphaned = compareAndSet({ type: 'orphaned' });
      // a failing send's owner heard nothing of its failure yet: it is broadcast again without a word
      const wasConfirmed = row.status === 'confirmed';
      steps.push({
        row,
        update: {
          set: {
            status: orphaned.to,
            block_number: null,
            confirmed_at: null,
            failure_reason: null,
            next_attempt_at: this.o.clock.now(),
            updated_at: this.o.clock.now(),
          },
          from: [row.status as SendStatus],
          events: (updated) => {
            counts.orphaned += 1;
            return wasConfirmed ? [{ kind: 'orphaned', send: toSendRecord({ ...updated, signed_tx: null }) }] : [];
          },
        },
      });
    }
    await this.applySteps(lease, steps);
  }

  // ------------------------------------------------------------ solidified

  private async completeSolidified(lease: HeldLease, solid: BlockInfo, counts: TrackerRunCounts): Promise<void> {
    const rows = await this.o.db
      .selectFrom('chain_sends')
      .select(OPEN_COLUMNS)
      .where('status', 'in', allowedFrom('solidified'))
      .where('block_number', '<=', Number(solid.number))
      .execute();
    if (rows.length === 0) return;
    const blocks = [...new Set(rows.map((r) => Number(r.block_number)))];
    const solidTx = new Set<string>();
    // the solidity node must return each receipt: one call per block, not per send
    await forEachBounded(blocks, READ_CONCURRENCY, async (n) => {
      for (const info of await this.o.client.getTransactionInfoByBlockNum(n, { solid: true })) solidTx.add(info.id);
    });
    const steps: Step[] = rows
      .filter((r) => r.tx_id && solidTx.has(r.tx_id))
      .map((selected) => {
        const from = selected.status as SendStatus;
        const to = transition(from, { type: 'solidified' });
        if (!to.ok) throw new Error(`send ${selected.id}: ${to.error.message}`);
        const now = this.o.clock.now();
        return {
          row: { ...selected, signed_tx: null },
          update: {
            set: { status: to.value, completed_at: to.value === 'completed' ? now : null, updated_at: now },
            from: [from],
            events: (updated: SendRow): SendEvent[] => {
              const send = toSendRecord({ ...updated, signed_tx: null });
              if (to.value === 'completed') {
                counts.completed += 1;
                return [{ kind: 'completed', send }];
              }
              // its failed receipt is final now
              counts.failed += 1;
              const reason = (updated.failure_reason ?? 'reverted') as SendFailureReason;
              return [{ kind: 'failed', send, reason, detail: updated.last_error ?? reason }];
            },
          },
        };
      });
    await this.applySteps(lease, steps);
  }

  // ------------------------------------------------------------ provably expired

  private async settleExpired(lease: HeldLease, solid: BlockInfo, counts: TrackerRunCounts): Promise<void> {
    const rows = await this.o.db
      .selectFrom('chain_sends')
      .select(OPEN_COLUMNS)
      .where('status', 'in', allowedFrom('expired'))
      .where('expiration', '<', Number(solid.timestamp))
      .limit(1000)
      .execute();
    if (rows.length === 0) return;
    const steps: Step[] = [];
    await forEachBounded(rows, READ_CONCURRENCY, async (selected) => {
      const row: SendRow = { ...selected, signed_tx: null };
      const txId = row.tx_id as string;
      // known to either node: it landed (in a block the cursor passed before this send was stored)
      const info =
        (await this.o.client.getTransactionInfoById(txId)) ?? (await this.o.client.getTransactionInfoById(txId, { solid: true }));
      if (info) {
        const bytes = await this.bandwidthOf([row.id]);
        steps.push(this.landedStep(row, info, bytes.get(row.id) ?? null, counts));
        return;
      }
      steps.push(this.expireStep(row, counts));
    });
    await this.applySteps(lease, steps);
  }

  /** The old transaction can never land: queue sequence + 1 (signed anew later), or fail when the retry budget is spent. */
  private expireStep(row: SendRow, counts: TrackerRunCounts): Step {
    return {
      row,
      run: async (trx) => {
        const now = this.o.clock.now();
        const attempts = Number(row.attempts) + 1;
        const exhausted = attempts > Number(row.max_retries);
        const detail = `transaction ${row.tx_id} expired without landing${row.last_error ? ` (last error: ${row.last_error})` : ''}`;
        const step = compareAndSet({ type: 'expired', retriesExhausted: exhausted });
        const updated = await trx
          .updateTable('chain_sends')
          .set({
            status: step.to,
            failure_reason: exhausted ? 'retries_exhausted' : null,
            last_error: detail.slice(0, 500),
            locked_by: null,
            locked_until: null,
            updated_at: now,
          })
          .where('id', '=', row.id)
          .where('status', 'in', step.from)
          .returning(OPEN_COLUMNS)
          .executeTakeFirst();
        if (!updated) return [];
        if (exhausted) {
          counts.failed += 1;
          return [{ kind: 'failed', send: toSendRecord({ ...updated, signed_tx: null }), reason: 'retries_exhausted', detail }];
        }
        counts.expired += 1;
        await trx
          .insertInto('chain_sends')
          .values(queuedSendRow(nextSequenceIdentity(row, this.o.ids('snd')), now, attempts))
          .execute();
        counts.requeued += 1;
        return [];
      },
    };
  }

  // ------------------------------------------------------------ helpers

  /** The bandwidth each send's signed bytes cost: what a receipt that burned for bandwidth leaves out. */
  private async bandwidthOf(ids: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (ids.length === 0) return out;
    const rows = await this.o.db
      .selectFrom('chain_sends')
      .select(['id', 'signed_tx'])
      .where('id', 'in', [...ids])
      .execute();
    for (const r of rows) if (r.signed_tx) out.set(r.id, signedBandwidthBytes(r.signed_tx.length / 2));
    return out;
  }

  private async openSends(): Promise<SendRow[]> {
    const rows = await this.o.db
      .selectFrom('chain_sends')
      .select(OPEN_COLUMNS)
      .where('status', 'in', allowedFrom('landed'))
      .where('tx_id', 'is not', null)
      .execute();
    return rows.map((r) => ({ ...r, signed_tx: null }));
  }

  /**
   * Runs the steps in one transaction fenced by the lease (then `also`); if one fails, each on its own so
   * one owner's failing handler holds back nobody else (`also` then runs only when all of them succeeded).
   */
  private async applySteps(lease: HeldLease, steps: Step[], also?: (trx: SendTransaction) => Promise<void>): Promise<void> {
    const fenced = async (trx: SendTransaction, run: Step[]) => {
      if (!(await this.o.leases.stillHeld(trx, lease))) throw new Error('the send-tracker lease was lost');
      await this.o.queue.lockOwners(
        trx,
        run.map((step) => step.row),
      );
      const events: SendEvent[] = [];
      // row-only changes of one kind (same columns, same expected statuses): one statement per kind
      const kinds = new Map<string, Step[]>();
      for (const step of run) {
        if (!step.update) continue;
        const kind = `${step.update.from.join(',')}|${Object.keys(step.update.set).join(',')}`;
        kinds.set(kind, [...(kinds.get(kind) ?? []), step]);
      }
      for (const group of kinds.values()) {
        const first = group[0]?.update as NonNullable<Step['update']>;
        const stored = await updateRows(
          trx,
          'chain_sends',
          Object.keys(first.set),
          group.map((step) => ({ id: step.row.id, ...step.update?.set })),
          { whereIn: { status: first.from } },
        );
        for (const step of group) {
          const row = stored.get(step.row.id);
          if (row && step.update) events.push(...step.update.events(row as unknown as SendRow));
        }
      }
      for (const step of run) if (step.run) events.push(...(await step.run(trx)));
      await this.o.queue.report(trx, events);
    };
    try {
      await this.o.db.transaction().execute(async (trx) => {
        await fenced(trx, steps);
        await also?.(trx);
      });
      return;
    } catch (error) {
      if (steps.length <= 1 && !also) throw error;
      this.o.logger.warn({ err: error }, 'recording a batch of send steps failed; recording them one by one');
    }
    let allOk = true;
    for (const step of steps) {
      try {
        await this.o.db.transaction().execute((trx) => fenced(trx, [step]));
      } catch (error) {
        allOk = false;
        this.o.logger.warn({ err: error }, 'recording a send step failed; it is tried again on the next run');
      }
    }
    if (allOk && also) {
      await this.o.db.transaction().execute(async (trx) => {
        await fenced(trx, []);
        await also(trx);
      });
    }
  }
}
