/**
 * The node client (`src/tron/client.ts`) end to end against real devnets over HTTP: reads, paging,
 * broadcasts of toolkit-built transactions, receipts, TronGrid listings, and failover and retries
 * against the devnet's fault injection.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devnet } from '../src/devnet/devnet.js';
import { addressToBytes, toHexAddress } from '../src/tron/address.js';
import { hexToBytes } from '../src/tron/bytes.js';
import { createTronClient, type TronClient, type TronClientOptions, TronNodeError } from '../src/tron/client.js';
import type { BlockInfo, ContractEvent } from '../src/tron/node-json.js';
import {
  buildDelegateResource,
  buildFreezeBalanceV2,
  buildTransfer,
  buildTriggerSmartContract,
  buildUnfreezeBalanceV2,
  type RefBlock,
  refBlockFields,
  signTransaction,
  type Transaction,
} from '../src/tron/transaction.js';
import { decodeTransferLog, encodeTransferCall, encodeTransferParameter } from '../src/tron/trc20.js';
import { mineUntilSolid, newWallet, postJson, startTestDevnet, TEST_SOLIDIFY_LAG, type TestWallet } from './devnet-harness.js';
import { NO_STAKE_V2 } from './vectors.js';

const TRX = 1_000_000n;
const USDT = 1_000_000n;
/** TetherToken `transfer` to an address that holds no USDT yet (mainnet receipts; ADR 0004) */
const ENERGY_NEW_HOLDER = 130_285n;

let devnet: Devnet;
/** a second devnet, started with energyFee 210; also the faulty node in the failover tests */
let other: Devnet;
let client: TronClient;
let payer: TestWallet;
let fundBlockNumber: bigint;
let fundTxids: { trx_txid?: string; usdt_txid?: string };

function clientFor(urls: string[], options: Partial<TronClientOptions> = {}): { client: TronClient; delays: number[] } {
  const delays: number[] = [];
  const c = createTronClient({
    fullNodeUrls: urls,
    timeoutMs: 2_000,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...options,
  });
  return { client: c, delays };
}

async function failure(promise: Promise<unknown>): Promise<TronNodeError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof TronNodeError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

let txCounter = 0n;

/** TaPoS on the head block as the client reports it; unique timestamps; 60 s to live unless `expiration` says otherwise. */
async function common(expiration?: (head: BlockInfo) => bigint): Promise<{ ref: RefBlock; timestamp: bigint; expiration: bigint }> {
  const head = await client.getNowBlock();
  txCounter += 1n;
  return {
    ref: refBlockFields(head.number, head.blockId),
    timestamp: head.timestamp + txCounter,
    expiration: expiration ? expiration(head) : head.timestamp + 60_000n,
  };
}

async function trxTransfer(from: TestWallet, to: string, amount: bigint, expiration?: (head: BlockInfo) => bigint): Promise<Transaction> {
  const tx = buildTransfer({ ...(await common(expiration)), from: hexToBytes(from.hex), to: addressToBytes(to), amount });
  return signTransaction(tx, hexToBytes(from.privateKey));
}

async function usdtTransfer(from: TestWallet, to: string, amount: bigint): Promise<Transaction> {
  const tx = buildTriggerSmartContract({
    ...(await common()),
    from: hexToBytes(from.hex),
    contract: addressToBytes(devnet.usdtAddress),
    data: encodeTransferCall(to, amount),
    feeLimit: 100n * TRX,
  });
  return signTransaction(tx, hexToBytes(from.privateKey));
}

async function setFaults(d: Devnet, faults: Record<string, unknown>): Promise<void> {
  const { status } = await postJson(`${d.url}/devnet/faults`, faults);
  expect(status).toBe(200);
}

beforeAll(async () => {
  [devnet, other] = await Promise.all([startTestDevnet(), startTestDevnet({ params: { energyFee: 210n } })]);
  client = createTronClient({ fullNodeUrls: [devnet.url], timeoutMs: 2_000 });
  payer = newWallet();
  fundTxids = devnet.fund(payer.base58, { trx: 1_000n * TRX, usdt: 1_000n * USDT });
  devnet.mine(1);
  fundBlockNumber = devnet.chain.head.number;
  mineUntilSolid(devnet);
});

afterAll(async () => {
  await Promise.all([devnet?.stop(), other?.stop()]);
});

// ---------------------------------------------------------------- blocks

describe('blocks', () => {
  it('getNowBlock and getSolidBlock are the devnet head and solid block, the lag apart', async () => {
    const [head, solid] = await Promise.all([client.getNowBlock(), client.getSolidBlock()]);
    expect(head.number).toBe(devnet.chain.head.number);
    expect(head.blockId).toBe(devnet.chain.head.id);
    expect(head.timestamp).toBe(devnet.chain.head.header.timestamp);
    expect(solid.number).toBe(devnet.chain.solidNumber);
    expect(solid.blockId).toBe(devnet.chain.solidBlock.id);
    expect(head.number - solid.number).toBe(BigInt(TEST_SOLIDIFY_LAG));
    expect(head.blockId).not.toBe(solid.blockId);
  });

  it('getBlockByNumber with detail parses the block’s transactions', async () => {
    const block = await client.getBlockByNumber(fundBlockNumber, { detail: true });
    expect(block?.number).toBe(fundBlockNumber);
    expect(block?.blockId).toBe(devnet.chain.blockByNumber(fundBlockNumber)?.id);
    expect(block?.txCount).toBe(2);
    const txs = block?.transactions ?? [];
    expect(txs.map((t) => [t.txid, t.contractType, t.contractRet])).toEqual([
      [fundTxids.trx_txid, 'TransferContract', 'SUCCESS'],
      [fundTxids.usdt_txid, 'TriggerSmartContract', 'SUCCESS'],
    ]);
    for (const t of txs) {
      expect(t.parseError).toBeUndefined();
      expect(t.transaction?.txID).toBe(t.txid);
      expect(t.transaction?.signatures).toHaveLength(1);
    }
    const solid = await client.getBlockByNumber(fundBlockNumber, { detail: true, solid: true });
    expect(solid?.transactions.map((t) => t.txid)).toEqual(txs.map((t) => t.txid));
  });

  it('getBlockByNumber without detail, and beyond the head or the solid block', async () => {
    const plain = await client.getBlockByNumber(fundBlockNumber);
    expect(plain?.txCount).toBeNull();
    const head = devnet.chain.head.number;
    expect(await client.getBlockByNumber(head + 1n)).toBeNull();
    expect(await client.getBlockByNumber(head, { solid: true })).toBeNull();
  });

  it('getBlockRange over 130 blocks returns every block once, in order', async () => {
    const start = devnet.chain.head.number + 1n;
    devnet.mine(130);
    const end = devnet.chain.head.number + 1n;
    expect(end - start).toBe(130n);
    const blocks = await client.getBlockRange(start, end + 5n); // the 5 beyond the head are absent
    expect(blocks.map((b) => b.number)).toEqual(Array.from({ length: 130 }, (_, i) => start + BigInt(i)));
    expect(blocks.map((b) => b.blockId)).toEqual(blocks.map((b) => devnet.chain.blockByNumber(b.number)?.id));
    expect(blocks.every((b) => b.transactions.length === 0)).toBe(true);
  });
});

// ---------------------------------------------------------------- accounts and chain

describe('accounts and chain', () => {
  it('getAccount reads the head state, and with solid the solidified one', async () => {
    const fresh = newWallet();
    expect(await client.getAccount(fresh.base58)).toEqual({
      exists: false,
      address: fresh.base58,
      balance: 0n,
      ...NO_STAKE_V2,
    });
    devnet.fund(fresh.base58, { trx: 5n * TRX });
    devnet.mine(1);
    const head = await client.getAccount(fresh.hex);
    expect(head).toMatchObject({ exists: true, address: fresh.base58, balance: 5n * TRX });
    expect(head.createTime).toBeTypeOf('bigint');
    expect(await client.getAccount(fresh.base58, { solid: true })).toMatchObject({ exists: false, balance: 0n });
    mineUntilSolid(devnet);
    expect(await client.getAccount(fresh.base58, { solid: true })).toMatchObject({ exists: true, balance: 5n * TRX });
  });

  it('getAccountResource', async () => {
    const r = await client.getAccountResource(payer.base58);
    expect(r.freeNetLimit).toBe(600n);
    expect(r.totalEnergyLimit).toBe(180_000_000_000n);
    expect(r.energyLimit).toBe(0n);
    expect((await client.getAccountResource(newWallet().base58)).freeNetLimit).toBe(0n); // {} for a missing account
  });

  it('chain parameters and the energy price: 100 by default, 210 on a devnet started with it', async () => {
    const params = await client.getChainParameters();
    expect(params.get('getEnergyFee')).toBe(100n);
    expect(params.get('getAllowTvmTransferTrc10')).toBe(1n);
    expect(await client.getEnergyFee()).toBe(100n);
    expect(await client.getTransactionFee()).toBe(1_000n);
    expect(await createTronClient({ fullNodeUrls: [other.url] }).getEnergyFee()).toBe(210n);
  });

  it('getNodeInfo', async () => {
    const info = await client.getNodeInfo();
    expect(info).toEqual({
      headBlock: devnet.chain.head.number,
      headBlockId: devnet.chain.head.id,
      solidBlock: devnet.chain.solidNumber,
      solidBlockId: devnet.chain.solidBlock.id,
      codeVersion: expect.any(String),
    });
  });
});

// ---------------------------------------------------------------- Stake 2.0

describe('Stake 2.0: toolkit-built stakes read back through the client', () => {
  it('stake, delegate and unstake; getAccount, the delegation queries and the limits agree', async () => {
    const staker = newWallet();
    const receiver = newWallet();
    devnet.fund(staker.base58, { trx: 20_000n * TRX });
    devnet.fund(receiver.base58, { trx: 1n * TRX });
    devnet.mine(1);
    const from = hexToBytes(staker.hex);
    const sent: Transaction[] = [];
    const send = async (tx: Transaction) => {
      expect(await client.broadcastTransaction(signTransaction(tx, hexToBytes(staker.privateKey)))).toEqual({ ok: true, txid: tx.txID });
      devnet.mine(1);
      sent.push(tx);
    };
    await send(buildFreezeBalanceV2({ ...(await common()), from, amount: 10_000n * TRX, resource: 'ENERGY' }));
    await send(buildFreezeBalanceV2({ ...(await common()), from, amount: 100n * TRX, resource: 'BANDWIDTH' }));
    await send(
      buildDelegateResource({ ...(await common()), from, receiver: hexToBytes(receiver.hex), amount: 4_000n * TRX, resource: 'ENERGY' }),
    );
    await send(buildUnfreezeBalanceV2({ ...(await common()), from, amount: 1_000n * TRX, resource: 'ENERGY' }));

    // Delegating moves stake out of frozenV2 into the delegated balance (DelegateResourceActuator).
    const account = await client.getAccount(staker.base58);
    expect(account.frozenV2).toEqual([
      { type: 'BANDWIDTH', amount: 100n * TRX },
      { type: 'ENERGY', amount: 5_000n * TRX },
      { type: 'TRON_POWER', amount: 0n },
    ]);
    expect(account.unfrozenV2).toHaveLength(1);
    const unstake = account.unfrozenV2[0]!;
    expect(unstake).toMatchObject({ type: 'ENERGY', unfreezeAmount: 1_000n * TRX });
    expect(account).toMatchObject({ delegatedFrozenV2BalanceForEnergy: 4_000n * TRX, delegatedFrozenV2BalanceForBandwidth: 0n });
    expect(await client.getAccount(receiver.base58)).toMatchObject({ acquiredDelegatedFrozenV2BalanceForEnergy: 4_000n * TRX });
    expect((await client.getAccountResource(staker.base58)).energyLimit).toBeGreaterThan(0n);
    expect((await client.getAccountResource(receiver.base58)).energyLimit).toBeGreaterThan(0n);

    const records = await client.getDelegatedResourceV2(staker.base58, receiver.base58);
    expect(records).toEqual([
      {
        from: staker.base58,
        to: receiver.base58,
        frozenBalanceForBandwidth: 0n,
        frozenBalanceForEnergy: 4_000n * TRX,
        expireTimeForBandwidth: 0n,
        expireTimeForEnergy: 0n,
      },
    ]);
    expect(await client.getDelegatedResourceV2(receiver.base58, staker.base58)).toEqual([]);
    expect(await client.getDelegatedResourceAccountIndexV2(staker.hex)).toEqual({
      account: staker.base58,
      fromAccounts: [],
      toAccounts: [receiver.base58],
    });
    expect((await client.getDelegatedResourceAccountIndexV2(receiver.base58)).fromAccounts).toEqual([staker.base58]);

    expect(await client.getCanDelegatedMaxSize(staker.base58, 'ENERGY')).toBe(5_000n * TRX);
    expect(await client.getAvailableUnfreezeCount(staker.base58)).toBe(31);
    expect(await client.getCanWithdrawUnfreezeAmount(staker.base58, unstake.unfreezeExpireTime)).toBe(1_000n * TRX);
    expect(await client.getCanWithdrawUnfreezeAmount(staker.base58, unstake.unfreezeExpireTime - 1n)).toBe(0n);

    // the solidified view lags, then agrees
    expect(await client.getDelegatedResourceV2(staker.base58, receiver.base58, { solid: true })).toEqual([]);
    mineUntilSolid(devnet);
    expect(await client.getDelegatedResourceV2(staker.base58, receiver.base58, { solid: true })).toEqual(records);

    // the blocks carry the contracts, and the client re-encodes each to the node's txID
    for (const tx of sent) {
      const found = await client.getTransactionById(tx.txID);
      expect(found?.parseError).toBeUndefined();
      expect(found?.transaction?.raw.contract).toEqual(tx.raw.contract);
    }
  });
});

// ---------------------------------------------------------------- broadcast and receipts

describe('broadcast and receipts', () => {
  it('a TRX transfer: accepted, receipt on solid only after solidification, then DUP_TRANSACTION_ERROR', async () => {
    const to = newWallet();
    const tx = await trxTransfer(payer, to.base58, 3n * TRX);
    expect(await client.broadcastTransaction(tx)).toEqual({ ok: true, txid: tx.txID });
    expect(await client.getTransactionInfoById(tx.txID)).toBeNull(); // pending: not in a block yet
    devnet.mine(1);
    const head = await client.getTransactionInfoById(tx.txID);
    expect(head?.id).toBe(tx.txID);
    expect(await client.getTransactionInfoById(tx.txID, { solid: true })).toBeNull();
    expect((await client.getTransactionById(tx.txID))?.contractRet).toBe('SUCCESS');
    mineUntilSolid(devnet);
    const info = await client.getTransactionInfoById(tx.txID, { solid: true });
    expect(info).toMatchObject({ id: tx.txID, blockNumber: head?.blockNumber, failed: false, logs: [] });
    // activating `to`: 0.1 TRX of bandwidth (getCreateAccountFee) plus 1 TRX (getCreateNewAccountFeeInSystemContract)
    expect(info?.receipt.netFee).toBe(100_000n);
    expect(info?.fee).toBe(1_100_000n);
    expect((await client.getAccount(to.base58, { solid: true })).balance).toBe(3n * TRX);

    const again = await client.broadcastTransaction(tx);
    expect(again).toMatchObject({ ok: false, txid: tx.txID, code: 'DUP_TRANSACTION_ERROR', transient: false });
  });

  it('a USDT transfer to a new holder: estimateEnergy, then a receipt with 130285 energy and a decodable Transfer log', async () => {
    const to = newWallet();
    const amount = 7n * USDT;
    const estimate = await client.estimateEnergy({
      owner: payer.base58,
      contract: devnet.usdtAddress,
      functionSelector: 'transfer(address,uint256)',
      parameter: encodeTransferParameter(to.base58, amount),
    });
    expect(estimate).toBe(ENERGY_NEW_HOLDER);
    expect(
      await client.estimateEnergy({ owner: payer.base58, contract: devnet.usdtAddress, data: encodeTransferCall(to.base58, amount) }),
    ).toBe(ENERGY_NEW_HOLDER);

    const tx = await usdtTransfer(payer, to.base58, amount);
    expect(await client.broadcastTransaction(tx)).toEqual({ ok: true, txid: tx.txID });
    devnet.mine(1);
    expect(await client.getTransactionInfoById(tx.txID, { solid: true })).toBeNull();
    mineUntilSolid(devnet);
    const info = await client.getTransactionInfoById(tx.txID, { solid: true });
    if (!info) throw new Error('no receipt after solidification');
    expect(info.receipt.result).toBe('SUCCESS');
    expect(info.receipt.energyUsageTotal).toBe(ENERGY_NEW_HOLDER);
    expect(info.receipt.energyFee).toBe(ENERGY_NEW_HOLDER * 100n);
    expect(info.fee).toBe(info.receipt.energyFee + info.receipt.netFee);
    expect(info.contractResult).toEqual(['0'.repeat(64)]);
    expect(info.logs.map(decodeTransferLog)).toEqual([
      {
        contract: toHexAddress(devnet.usdtAddress),
        from: payer.hex,
        to: to.hex,
        value: amount,
      },
    ]);
    expect(await client.trc20BalanceOf(devnet.usdtAddress, to.base58, { solid: true })).toBe(amount);
  });

  it('an expired transaction is refused with TRANSACTION_EXPIRATION_ERROR "Transaction expired"', async () => {
    const tx = await trxTransfer(payer, newWallet().base58, TRX, (head) => head.timestamp + 1n);
    expect(await client.broadcastTransaction(tx)).toEqual({
      ok: false,
      txid: tx.txID,
      code: 'TRANSACTION_EXPIRATION_ERROR',
      message: 'Transaction expired',
      transient: false,
    });
  });
});

// ---------------------------------------------------------------- contracts

describe('contract reads', () => {
  it('trc20BalanceOf on head and solid state', async () => {
    const holder = newWallet();
    devnet.fund(holder.base58, { usdt: 12n * USDT });
    devnet.mine(1);
    expect(await client.trc20BalanceOf(devnet.usdtAddress, holder.base58)).toBe(12n * USDT);
    expect(await client.trc20BalanceOf(devnet.usdtAddress, holder.base58, { solid: true })).toBe(0n);
    mineUntilSolid(devnet);
    expect(await client.trc20BalanceOf(devnet.usdtAddress, holder.base58, { solid: true })).toBe(12n * USDT);
  });

  it('isBlackListed follows POST /devnet/blacklist', async () => {
    const suspect = newWallet();
    expect(await client.isBlackListed(devnet.usdtAddress, suspect.base58)).toBe(false);
    const { status } = await postJson(`${devnet.url}/devnet/blacklist`, { address: suspect.base58 });
    expect(status).toBe(200);
    devnet.mine(1);
    expect(await client.isBlackListed(devnet.usdtAddress, suspect.base58)).toBe(true);
    expect(await client.isBlackListed(devnet.usdtAddress, suspect.base58, { solid: true })).toBe(false);
    mineUntilSolid(devnet);
    expect(await client.isBlackListed(devnet.usdtAddress, suspect.base58, { solid: true })).toBe(true);
  });
});

// ---------------------------------------------------------------- TronGrid v1

describe('TronGrid v1', () => {
  const shop = newWallet();
  const amounts = [1n, 2n, 3n, 4n, 5n].map((n) => n * USDT);
  const txids: string[] = [];
  let lastTxid = '';

  beforeAll(() => {
    for (const usdt of amounts) {
      txids.push(devnet.fund(shop.base58, { usdt }).usdt_txid as string);
      devnet.mine(1);
    }
    mineUntilSolid(devnet);
    // one more, in a block that is not solidified yet
    lastTxid = devnet.fund(shop.base58, { usdt: 6n * USDT }).usdt_txid as string;
    devnet.mine(1);
  });

  it('getTrc20Transfers pages with a small limit, newest first', async () => {
    const first = await client.getTrc20Transfers(shop.base58, { limit: 2 });
    expect(first.transfers).toHaveLength(2);
    expect(first.fingerprint).toBeTypeOf('string');
    const rows = [...first.transfers];
    let fingerprint = first.fingerprint;
    while (fingerprint) {
      const page = await client.getTrc20Transfers(shop.base58, { limit: 2, fingerprint });
      rows.push(...page.transfers);
      fingerprint = page.fingerprint;
    }
    expect(rows.map((r) => r.txid)).toEqual([lastTxid, ...[...txids].reverse()]);
    expect(rows.map((r) => r.value)).toEqual([6n * USDT, ...[...amounts].reverse()]);
    expect(rows[0]).toMatchObject({
      from: devnet.faucetAddress,
      to: shop.base58,
      tokenAddress: devnet.usdtAddress,
      tokenDecimals: 6,
      tokenSymbol: 'USDT',
    });
    const iterated: string[] = [];
    for await (const row of client.iterateTrc20Transfers(shop.base58, { limit: 2, orderBy: 'asc' })) iterated.push(row.txid);
    expect(iterated).toEqual([...txids, lastTxid]);
  });

  it('onlyConfirmed leaves out the transfer that is not solidified', async () => {
    const confirmed = await client.getTrc20Transfers(shop.base58, { onlyConfirmed: true, limit: 200 });
    expect(confirmed.transfers.map((r) => r.txid).sort()).toEqual([...txids].sort());
    expect(confirmed.fingerprint).toBeUndefined();
    const unconfirmed = await client.getTrc20Transfers(shop.base58, { onlyUnconfirmed: true });
    expect(unconfirmed.transfers.map((r) => r.txid)).toEqual([lastTxid]);
  });

  it('getContractEvents lists the token’s Transfer events', async () => {
    const block = devnet.chain.transaction(lastTxid)?.blockNumber as bigint;
    const page = await client.getContractEvents(devnet.usdtAddress, { eventName: 'Transfer', blockNumber: block });
    expect(page.events).toHaveLength(1);
    expect(page.events[0]).toMatchObject({
      txid: lastTxid,
      blockNumber: block,
      contractAddress: devnet.usdtAddress,
      eventName: 'Transfer',
      eventIndex: 0,
      unconfirmed: true,
      result: { to: `0x${shop.hex.slice(2)}`, value: String(6n * USDT) },
    });
    const confirmed: ContractEvent[] = [];
    for await (const e of client.iterateContractEvents(devnet.usdtAddress, { onlyConfirmed: true, limit: 50 })) confirmed.push(e);
    expect(confirmed.every((e) => !e.unconfirmed)).toBe(true);
    expect(confirmed.map((e) => e.txid)).toEqual(expect.arrayContaining(txids));
  });
});

// ---------------------------------------------------------------- failover and retries

describe('failover and retries', () => {
  it('fails over from a devnet answering 503 to a healthy one', async () => {
    await setFaults(other, { error_rate: 1, error_status: 503 });
    try {
      const sick = clientFor([other.url], { maxAttempts: 2 });
      expect(await failure(sick.client.getNodeInfo())).toMatchObject({ kind: 'http', status: 503, retryable: true, attempts: 2 });

      const { client: both, delays } = clientFor([other.url, devnet.url]);
      expect((await both.getNodeInfo()).headBlockId).toBe(devnet.chain.head.id);
      expect((await both.getNowBlock()).blockId).toBe(devnet.chain.head.id); // sticks to the healthy one
      expect(delays).toEqual([]);
    } finally {
      await setFaults(other, { reset: true });
    }
  });

  it('429 on every attempt: rate_limited after maxAttempts, waiting Retry-After capped by backoff.maxMs', async () => {
    await setFaults(other, { rate_limit_rate: 1 });
    try {
      const patient = clientFor([other.url], { maxAttempts: 3, backoff: { baseMs: 100, maxMs: 5_000 } });
      const err = await failure(patient.client.getNodeInfo());
      expect(err).toMatchObject({ kind: 'rate_limited', status: 429, retryable: true, attempts: 3, retryAfterMs: 1_000 });
      expect(err.message).toMatch(/gave up after 3 attempts/);
      expect(patient.delays).toEqual([1_000, 1_000]); // Retry-After: 1

      const capped = clientFor([other.url], { maxAttempts: 3, backoff: { baseMs: 100, maxMs: 250 } });
      expect(await failure(capped.client.getNodeInfo())).toMatchObject({ kind: 'rate_limited', attempts: 3 });
      expect(capped.delays).toEqual([250, 250]);
    } finally {
      await setFaults(other, { reset: true });
    }
    expect((await clientFor([other.url]).client.getNodeInfo()).headBlockId).toBe(other.chain.head.id);
  });

  it('fails over from a closed port to the devnet without waiting', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));

    const { client: c, delays } = clientFor([`http://127.0.0.1:${port}`, devnet.url]);
    expect((await c.getNowBlock()).blockId).toBe(devnet.chain.head.id);
    expect(delays).toEqual([]);
    const alone = clientFor([`http://127.0.0.1:${port}`], { maxAttempts: 1 });
    expect(await failure(alone.client.getNowBlock())).toMatchObject({ kind: 'network', retryable: true });
  });
});
