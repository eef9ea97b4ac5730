/**
 * The SendQueue owners use (send-contract.ts): a queued chain_sends row per (purpose, owner), written in
 * the owner's transaction, and the handlers the sender and the tracker report each step to.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import type { IdGenerator } from '../../shared/ids.js';
import type { Asset } from '../../shared/money.js';
import { keyRefToString, type TransactionSigner } from '../wallets/signer.js';
import type { SendHandler, SendPurpose, SendQueue, SendRecord, SendRequest, SendTransaction } from './send-contract.js';
import { toSendRecord } from './send-records.js';

export interface FeeLimitPolicy {
  /** energy a USDT transfer may burn */
  energy: bigint;
  /** upper bound of any fee limit, sun */
  maxSun: bigint;
  /** the chain's energy price (sun), if known; cached, never awaited on enqueue */
  energyPriceSun(): bigint | null;
}

export interface ChainSendQueueOptions {
  signer: TransactionSigner;
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

  /** TRX transfers carry no fee limit; a USDT transfer may burn `energy` at the chain's price, capped. */
  feeLimitFor(asset: Asset): bigint {
    if (asset === 'TRX') return 0n;
    const { energy, maxSun, energyPriceSun } = this.options.feeLimit;
    const price = energyPriceSun();
    if (price === null || price <= 0n) return maxSun;
    const wanted = energy * price;
    return wanted < maxSun ? wanted : maxSun;
  }

  async enqueue(trx: SendTransaction, request: SendRequest): Promise<SendRecord> {
    if (request.amount <= 0n) throw new RangeError('a send needs a positive amount');
    const existing = await this.latest(trx, request.purpose, request.ownerId);
    if (existing) return existing;
    const now = this.options.clock.now();
    await trx
      .insertInto('chain_sends')
      .values({
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
        status: 'queued',
        tx_id: null,
        signed_tx: null,
        expiration: null,
        attempts: 0,
        next_attempt_at: now,
        locked_by: null,
        locked_until: null,
        last_error: null,
        block_number: null,
        energy_used: null,
        network_fee: null,
        failure_reason: null,
        created_at: now,
        updated_at: now,
        broadcast_at: null,
        confirmed_at: null,
        completed_at: null,
      })
      // a concurrent enqueue of the same owner wins; this one returns its row
      .onConflict((oc) => oc.columns(['purpose', 'owner_id', 'sequence']).doNothing())
      .execute();
    const stored = await this.latest(trx, request.purpose, request.ownerId);
    if (!stored) throw new Error(`send for ${request.purpose} ${request.ownerId} was not stored`);
    return stored;
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
