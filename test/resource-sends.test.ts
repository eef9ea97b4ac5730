/**
 * The chain sender carries Stake 2.0 and account contracts under the transfer rules (issue 19): the
 * request is queued in the owner's transaction, the contract is built from the send's row (one contract
 * per purpose), signed once, stored before the broadcast, broadcast again with the same bytes after a
 * transient failure, and the owner's handler hears each step. A fake node answers the sender here; the
 * devnet tests execute them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssetRegistry } from '../src/modules/assets/asset-registry.js';
import { ChainSender } from '../src/modules/chain/chain-sender.js';
import { buildResourceTransaction, resourceContractOf } from '../src/modules/chain/resource-sends.js';
import type { SendRecord, SendRequest } from '../src/modules/chain/send-contract.js';
import { ChainSendQueue } from '../src/modules/chain/send-queue.js';
import { HdSigner } from '../src/modules/wallets/signer.js';
import { fixedClock } from '../src/shared/clock.js';
import { newId } from '../src/shared/ids.js';
import { addressToBytes } from '../src/tron/address.js';
import { hexToBytes } from '../src/tron/bytes.js';
import type { TronClient } from '../src/tron/client.js';
import type { ResourceContract } from '../src/tron/resource-contracts.js';
import { type BuildCommon, decodeSignedTransaction, type Transaction } from '../src/tron/transaction.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './db-harness.js';
import { newWallet } from './devnet-harness.js';
import { TEST_MNEMONIC, testConfig } from './gateway-harness.js';

const NOW = 1_767_225_600_000;
const TRX = 1_000_000n;
const HOT = { kind: 'hot', merchantIndex: 3 } as const;

/** Answers what the sender asks a node; `broadcastError` makes the next broadcasts fail transiently. */
class FakeNode {
  balance = 500n * TRX;
  broadcastError = 0;
  readonly broadcasts: string[] = [];
  /** the status of each send's row when its bytes were broadcast */
  readonly storedWhenBroadcast: Array<string | undefined> = [];
  constructor(private readonly db: TestDatabase['db']) {}

  client(): TronClient {
    return {
      getEnergyFee: async () => 100n,
      getTransactionFee: async () => 1_000n,
      getAccount: async (address: string) => ({ exists: true, address, balance: this.balance }),
      getAccountResource: async () => ({
        freeNetUsed: 0n,
        freeNetLimit: 600n,
        netUsed: 0n,
        netLimit: 0n,
        energyUsed: 0n,
        energyLimit: 0n,
        totalNetLimit: 0n,
        totalNetWeight: 0n,
        totalEnergyLimit: 0n,
        totalEnergyWeight: 0n,
      }),
      getNowBlock: async () => ({ number: 1000n, blockId: `${'00'.repeat(6)}03e8${'ab'.repeat(24)}`, timestamp: BigInt(NOW) }),
      broadcastHex: async (hex: string) => {
        const row = await this.db.selectFrom('chain_sends').select(['status', 'signed_tx']).where('signed_tx', '=', hex).executeTakeFirst();
        this.storedWhenBroadcast.push(row?.status);
        this.broadcasts.push(hex);
        if (this.broadcastError > 0) {
          this.broadcastError -= 1;
          return { ok: false, txid: '', code: 'SERVER_BUSY', message: 'busy', transient: true };
        }
        return { ok: true, txid: '' };
      },
    } as unknown as TronClient;
  }
}

describe('resource contracts from send rows', () => {
  const owner = newWallet().base58;
  const receiver = newWallet().base58;
  const row = (purpose: Parameters<typeof resourceContractOf>[0]['purpose'], resource: string | null = 'ENERGY') => ({
    purpose,
    from_address: owner,
    to_address: receiver,
    amount: 7n * TRX,
    resource,
  });

  it('builds one contract per purpose, from the owner, for the receiver', () => {
    const o = addressToBytes(owner);
    const r = addressToBytes(receiver);
    expect(resourceContractOf(row('stake'))).toEqual({
      type: 'FreezeBalanceV2Contract',
      ownerAddress: o,
      frozenBalance: 7n * TRX,
      resource: 'ENERGY',
    });
    expect(resourceContractOf(row('unstake', 'BANDWIDTH'))).toEqual({
      type: 'UnfreezeBalanceV2Contract',
      ownerAddress: o,
      unfreezeBalance: 7n * TRX,
      resource: 'BANDWIDTH',
    });
    expect(resourceContractOf(row('withdraw_unstaked', null))).toEqual({ type: 'WithdrawExpireUnfreezeContract', ownerAddress: o });
    expect(resourceContractOf(row('delegate'))).toEqual({
      type: 'DelegateResourceContract',
      ownerAddress: o,
      resource: 'ENERGY',
      balance: 7n * TRX,
      receiverAddress: r,
      lock: false,
      lockPeriod: 0n,
    });
    expect(resourceContractOf(row('reclaim'))).toEqual({
      type: 'UnDelegateResourceContract',
      ownerAddress: o,
      resource: 'ENERGY',
      balance: 7n * TRX,
      receiverAddress: r,
    });
    expect(resourceContractOf(row('activation', null))).toEqual({ type: 'AccountCreateContract', ownerAddress: o, accountAddress: r });
  });

  it('refuses a stake or a delegation without a resource', () => {
    expect(() => resourceContractOf(row('stake', null))).toThrow(/stake send needs a resource/);
    expect(() => resourceContractOf(row('delegate', 'TRON_POWER'))).toThrow(/delegate send needs a resource/);
  });
});

describe.each(ENGINES)('the chain sender with resource sends (%s)', (engine) => {
  let database: TestDatabase;
  let node: FakeNode;
  let queue: ChainSendQueue;
  const built: ResourceContract[] = [];
  const steps: string[] = [];
  const clock = fixedClock(NOW);
  const config = testConfig();
  const signer = HdSigner.fromMnemonic(TEST_MNEMONIC, '', { deposit: 0, hotWallet: 1 });

  /** The toolkit's builders, recording what they were asked to build. */
  const buildResource = (contract: ResourceContract, common: BuildCommon): Transaction => {
    built.push(contract);
    return buildResourceTransaction(contract, common);
  };
  const sender = (workerId = 'test:sender') =>
    new ChainSender({
      db: database.db,
      engine,
      client: node.client(),
      assets: new AssetRegistry(config.assets, { USDT: newWallet().base58 }),
      signer,
      queue,
      clock,
      workerId,
      settings: {
        batchSize: 10,
        maxConcurrent: 10,
        broadcastConcurrency: 2,
        txExpirationMs: 60_000,
        retryBaseMs: 10,
        retryMaxMs: 20,
        claimLeaseMs: 30_000,
      },
      logger: { warn: () => {} },
      buildResource,
    });
  const request = (purpose: SendRequest['purpose'], amount: bigint, extra: Partial<SendRequest> = {}): SendRequest => ({
    purpose,
    ownerId: newId('stk'),
    merchantId: 'mer_stake',
    signer: HOT,
    toAddress: signer.address(HOT),
    asset: 'TRX',
    amount,
    priority: 1,
    maxRetries: 3,
    ...extra,
  });
  const enqueue = (r: SendRequest) => database.db.transaction().execute((trx) => queue.enqueue(trx, r));

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    node = new FakeNode(database.db);
    queue = new ChainSendQueue({
      signer,
      clock,
      ids: newId,
      feeLimit: { isContractCall: (a) => a !== 'TRX', energy: 65_000n, maxSun: 100n * TRX, energyPriceSun: () => 100n },
    });
    const record = (kind: string) => async (_trx: unknown, send: SendRecord) => {
      steps.push(`${kind}:${send.purpose}:${send.ownerId}`);
    };
    for (const purpose of ['stake', 'delegate', 'activation'] as const) {
      queue.registerHandler(purpose, { onBroadcast: record('broadcast'), onFailed: record('failed') });
    }
  });
  afterAll(async () => database?.destroy());

  it('signs a stake once, stores it before the broadcast, and broadcasts the same bytes again after a busy node', async () => {
    const stake = request('stake', 10n * TRX, { resource: 'ENERGY' });
    const queued = await enqueue(stake);
    // asking again queues nothing
    expect((await enqueue(stake)).id).toBe(queued.id);
    expect(queued).toMatchObject({ purpose: 'stake', amount: 10n * TRX, resource: 'ENERGY', feeLimit: 0n });

    node.broadcastError = 1;
    expect(await sender().runOnce()).toMatchObject({ signed: 1, retried: 1, broadcast: 0 });
    const signed = await database.db.selectFrom('chain_sends').selectAll().where('id', '=', queued.id).executeTakeFirstOrThrow();
    expect(signed.status).toBe('signed');
    expect(built.at(-1)).toMatchObject({ type: 'FreezeBalanceV2Contract', frozenBalance: 10n * TRX, resource: 'ENERGY' });
    // the stored bytes are the signed stake itself
    const decoded = decodeSignedTransaction(hexToBytes(signed.signed_tx as string));
    expect(decoded.txID).toBe(signed.tx_id);
    expect(decoded.raw.contract).toMatchObject({ type: 'FreezeBalanceV2Contract', frozenBalance: 10n * TRX, resource: 'ENERGY' });
    expect(decoded.signatures).toHaveLength(1);

    clock.advance(50);
    // another process picks it up: the stored bytes, not a new signature
    const builtBefore = built.length;
    expect(await sender('restarted:sender').runOnce()).toMatchObject({ signed: 0, broadcast: 1 });
    expect(built.length).toBe(builtBefore);
    expect(node.broadcasts.slice(-2)).toEqual([signed.signed_tx, signed.signed_tx]);
    expect(node.storedWhenBroadcast.slice(-2)).toEqual(['signed', 'signed']);
    const done = await database.db.selectFrom('chain_sends').selectAll().where('id', '=', queued.id).executeTakeFirstOrThrow();
    expect(done).toMatchObject({ status: 'broadcast', tx_id: signed.tx_id, signed_tx: signed.signed_tx });
    expect(steps).toContain(`broadcast:stake:${stake.ownerId}`);
  });

  it('fails a stake the balance does not cover before signing anything, and tells the owner', async () => {
    node.balance = 5n * TRX;
    const stake = request('stake', 6n * TRX, { resource: 'ENERGY' });
    const builtBefore = built.length;
    await enqueue(stake);
    clock.advance(50);
    expect(await sender().runOnce()).toMatchObject({ failed: 1, signed: 0 });
    expect(built.length).toBe(builtBefore);
    const [row] = await database.db.selectFrom('chain_sends').selectAll().where('owner_id', '=', stake.ownerId).execute();
    expect(row).toMatchObject({ status: 'failed', failure_reason: 'insufficient_funds' });
    expect(row?.last_error).toMatch(/does not cover the stake of 6000000/);
    expect(steps).toContain(`failed:stake:${stake.ownerId}`);
    node.balance = 500n * TRX;
  });

  it('a delegation of more than the balance is not a spend: it goes out; an activation carries no amount', async () => {
    node.balance = 2n * TRX;
    const receiver = newWallet().base58;
    const delegate = request('delegate', 50n * TRX, { resource: 'ENERGY', toAddress: receiver });
    const activation = request('activation', 0n, { toAddress: receiver });
    await enqueue(delegate);
    await enqueue(activation);
    await expect(enqueue(request('activation', 1n, { toAddress: receiver }))).rejects.toThrow(/activation send carries no amount/);
    await expect(enqueue(request('delegate', 0n, { resource: 'ENERGY' }))).rejects.toThrow(/positive amount/);
    clock.advance(50);
    expect(await sender().runOnce()).toMatchObject({ signed: 2, broadcast: 2 });
    expect(
      built
        .slice(-2)
        .map((c) => c.type)
        .sort(),
    ).toEqual(['AccountCreateContract', 'DelegateResourceContract']);
    expect(steps).toContain(`broadcast:delegate:${delegate.ownerId}`);
    expect(steps).toContain(`broadcast:activation:${activation.ownerId}`);
    node.balance = 500n * TRX;
  });
});
