/**
 * The SendQueue owners use (send-contract.ts): a queued chain_sends row per (purpose, owner), written in
 * the owner's transaction, and the handlers the sender and the tracker report each step to.
 */
import type { Insertable, Kysely } from 'kysely';
import type { ChainSendsTable, DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import type { IdGenerator } from '../../shared/ids.js';
import type { Asset } from '../../shared/money.js';
import { keyRefToString, type TransactionSigner } from '../wallets/signer.js';
import {
  AMOUNTLESS_PURPOSES,
  type SendEvent,
  type SendFailure,
  type SendHandler,
  type SendPurpose,
  type SendQueue,
  type SendRecord,
  type SendRequest,
  type SendTransaction,
} from './send-contract.js';
import { nextSequenceIdentity, queuedSendRow, toSendRecord } from './send-records.js';

/** Owners per read in enqueueMany. */
const ENQUEUE_CHUNK = 500;
/** Rows per multi-row insert (31 columns each). */
const INSERT_CHUNK = 200;

/** Transfers, stakes and delegations move a positive amount; withdrawals and activations none. */
function checkAmount(request: SendRequest): void {
  if (AMOUNTLESS_PURPOSES.includes(request.purpose)) {
    if (request.amount !== 0n) throw new RangeError(`a ${request.purpose} send carries no amount`);
    return;
  }
  if (request.amount <= 0n) throw new RangeError('a send needs a positive amount');
}

export interface FeeLimitPolicy {
  /** whether sends of this asset call a contract (and so carry a fee limit); native TRX transfers do not */
  isContractCall(asset: Asset): boolean;
  /** energy a token transfer may burn */
  energy: bigint;
  /** upper bound of any fee limit, sun */
  maxSun: bigint;
  /** the chain's energy price (sun), if known; cached, never awaited on enqueue */
  energyPriceSun(): bigint | null;
}

export interface ChainSendQueueOptions {
  /** names the sending address of a key (a queue without the signer's keys still queues: the CLI's) */
  signer: Pick<TransactionSigner, 'address'>;
  clock: Clock;
  ids: IdGenerator;
  feeLimit: FeeLimitPolicy;
}

export class ChainSendQueue implements SendQueue {
  private readonly handlers = new Map<SendPurpose, SendHandler>();

  constructor(private readonly options: ChainSendQueueOptions) {}

  /** The owner module's reaction to its sends' steps; one handler per purpose (the last one registered wins). */
  registerHandler(purpose: SendPurpose, handler: SendHandler): void {
    this.handlers.set(purpose, handler);
  }

  handlerFor(purpose: SendPurpose): SendHandler | undefined {
    return this.handlers.get(purpose);
  }

  /** Lets each purpose's handler lock the owners of these sends, sorted, before any step is reported. */
  async lockOwners(trx: SendTransaction, sends: ReadonlyArray<{ purpose: string; owner_id: string }>): Promise<void> {
    const byPurpose = new Map<SendPurpose, Set<string>>();
    for (const send of sends) {
      const purpose = send.purpose as SendPurpose;
      const set = byPurpose.get(purpose) ?? new Set<string>();
      set.add(send.owner_id);
      byPurpose.set(purpose, set);
    }
    for (const purpose of [...byPurpose.keys()].sort()) {
      const lock = this.handlers.get(purpose)?.lockOwners;
      if (lock) await lock.call(this.handlers.get(purpose), trx, [...(byPurpose.get(purpose) ?? [])].sort());
    }
  }

  /**
   * Hands steps to their owners' handlers, in the caller's transaction: grouped by purpose, then by kind
   * in lifecycle order (broadcast, confirmed, completed, orphaned, failed — a send reported broadcast and confirmed
   * at once sees them in that order), each group to the handler's batch method when it has one, else send
   * by send in the order given.
   */
  async report(trx: SendTransaction, events: readonly SendEvent[]): Promise<void> {
    const purposes = [...new Set(events.map((e) => e.send.purpose))].sort();
    for (const purpose of purposes) {
      const handler = this.handlers.get(purpose);
      if (!handler) continue;
      const mine = events.filter((e) => e.send.purpose === purpose);
      for (const kind of ['broadcast', 'confirmed', 'completed'] as const) {
        const sends = mine.filter((e) => e.kind === kind).map((e) => e.send);
        if (sends.length === 0) continue;
        const many =
          kind === 'broadcast' ? handler.onBroadcastMany : kind === 'confirmed' ? handler.onConfirmedMany : handler.onCompletedMany;
        const one = kind === 'broadcast' ? handler.onBroadcast : kind === 'confirmed' ? handler.onConfirmed : handler.onCompleted;
        if (many) await many.call(handler, trx, sends);
        else if (one) for (const send of sends) await one.call(handler, trx, send);
      }
      if (handler.onOrphaned) for (const e of mine) if (e.kind === 'orphaned') await handler.onOrphaned(trx, e.send);
      const failures: SendFailure[] = [];
      for (const e of mine) if (e.kind === 'failed') failures.push({ send: e.send, reason: e.reason, detail: e.detail });
      if (failures.length === 0) continue;
      if (handler.onFailedMany) await handler.onFailedMany(trx, failures);
      else if (handler.onFailed) for (const f of failures) await handler.onFailed(trx, f.send, f.reason, f.detail);
    }
  }

  /** Native transfers carry no fee limit; a token transfer may burn `energy` at the chain's price, capped. */
  feeLimitFor(asset: Asset): bigint {
    const { isContractCall, energy, maxSun, energyPriceSun } = this.options.feeLimit;
    if (!isContractCall(asset)) return 0n;
    const price = energyPriceSun();
    if (price === null || price <= 0n) return maxSun;
    const wanted = energy * price;
    return wanted < maxSun ? wanted : maxSun;
  }

  async enqueue(trx: SendTransaction, request: SendRequest): Promise<SendRecord> {
    checkAmount(request);
    const existing = await this.latest(trx, request.purpose, request.ownerId);
    if (existing) return existing;
    const now = this.options.clock.now();
    await trx
      .insertInto('chain_sends')
      .values(this.newRow(request, now))
      // a concurrent enqueue of the same owner wins; this one returns its row
      .onConflict((oc) => oc.columns(['purpose', 'owner_id', 'sequence']).doNothing())
      .execute();
    const stored = await this.latest(trx, request.purpose, request.ownerId);
    if (!stored) throw new Error(`send for ${request.purpose} ${request.ownerId} was not stored`);
    return stored;
  }

  /**
   * enqueue() for many owners: one read of the sends already there, one multi-row insert of the rest
   * (a concurrent enqueue of the same owner wins, as in enqueue), one read back.
   */
  async enqueueMany(trx: SendTransaction, requests: readonly SendRequest[]): Promise<SendRecord[]> {
    if (requests.length === 0) return [];
    for (const r of requests) checkAmount(r);
    const key = (purpose: string, ownerId: string) => `${purpose}\u0000${ownerId}`;
    const latest = async () => {
      const out = new Map<string, SendRecord>();
      for (const purpose of [...new Set(requests.map((r) => r.purpose))]) {
        const owners = [...new Set(requests.filter((r) => r.purpose === purpose).map((r) => r.ownerId))];
        for (let i = 0; i < owners.length; i += ENQUEUE_CHUNK) {
          const rows = await trx
            .selectFrom('chain_sends')
            .selectAll()
            .where('purpose', '=', purpose)
            .where('owner_id', 'in', owners.slice(i, i + ENQUEUE_CHUNK))
            .orderBy('sequence', 'desc')
            .execute();
          for (const row of rows) if (!out.has(key(row.purpose, row.owner_id))) out.set(key(row.purpose, row.owner_id), toSendRecord(row));
        }
      }
      return out;
    };
    const existing = await latest();
    const now = this.options.clock.now();
    const fresh = new Map<string, SendRequest>();
    for (const r of requests) if (!existing.has(key(r.purpose, r.ownerId))) fresh.set(key(r.purpose, r.ownerId), r);
    if (fresh.size > 0) {
      const rows = [...fresh.values()].map((request) => this.newRow(request, now));
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await trx
          .insertInto('chain_sends')
          .values(rows.slice(i, i + INSERT_CHUNK))
          .onConflict((oc) => oc.columns(['purpose', 'owner_id', 'sequence']).doNothing())
          .execute();
      }
    }
    const stored = fresh.size > 0 ? await latest() : existing;
    return requests.map((r) => {
      const record = stored.get(key(r.purpose, r.ownerId));
      if (!record) throw new Error(`send for ${r.purpose} ${r.ownerId} was not stored`);
      return record;
    });
  }

  private newRow(request: SendRequest, now: number): Insertable<ChainSendsTable> {
    return queuedSendRow(
      {
        id: this.options.ids('snd'),
        purpose: request.purpose,
        owner_id: request.ownerId,
        merchant_id: request.merchantId,
        sequence: 1,
        signer: keyRefToString(request.signer),
        from_address: this.options.signer.address(request.signer),
        to_address: request.toAddress,
        asset: request.asset,
        amount: request.amount,
        fee_limit: this.feeLimitFor(request.asset),
        priority: request.priority,
        max_retries: request.maxRetries,
        resource: request.resource ?? null,
      },
      now,
    );
  }

  /**
   * After the owner's latest send failed without landing (any reason but `reverted`), queues its next
   * sequence, signed anew once due at `notBefore`; null when the latest is not such a failure. Runs in
   * the transaction that records the failure (the owner's onFailed), so it happens once.
   */
  async retryFailed(trx: SendTransaction, purpose: SendPurpose, ownerId: string, notBefore: number): Promise<SendRecord | null> {
    const last = await this.latest(trx, purpose, ownerId);
    if (last?.status !== 'failed' || last.failureReason === 'reverted') return null;
    const row = await trx.selectFrom('chain_sends').selectAll().where('id', '=', last.id).executeTakeFirstOrThrow();
    const now = this.options.clock.now();
    await trx
      .insertInto('chain_sends')
      .values({
        ...queuedSendRow(nextSequenceIdentity(row, this.options.ids('snd')), now),
        next_attempt_at: notBefore,
      })
      .execute();
    return this.latest(trx, purpose, ownerId);
  }

  async forOwner(executor: SendTransaction | Kysely<DB>, purpose: SendPurpose, ownerId: string): Promise<SendRecord[]> {
    const rows = await executor
      .selectFrom('chain_sends')
      .selectAll()
      .where('purpose', '=', purpose)
      .where('owner_id', '=', ownerId)
      .orderBy('sequence', 'desc')
      .execute();
    return rows.map(toSendRecord);
  }

  private async latest(executor: SendTransaction | Kysely<DB>, purpose: SendPurpose, ownerId: string): Promise<SendRecord | null> {
    const row = await executor
      .selectFrom('chain_sends')
      .selectAll()
      .where('purpose', '=', purpose)
      .where('owner_id', '=', ownerId)
      .orderBy('sequence', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toSendRecord(row) : null;
  }
}
