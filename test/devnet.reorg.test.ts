/**
 * Chain reorganisations on the devnet (POST /devnet/reorg): the newest blocks are replaced by a longer branch
 * with new ids whose parent hashes chain, a dropped transaction vanishes (receipt, balances, TRC-20 history)
 * and can be broadcast again, the others are re-included; the solidified block is never replaced; the
 * /walletsolidity twins and TronGrid agree; a restarted devnet keeps the new branch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TronWeb } from 'tronweb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devnet } from '../src/devnet/devnet.js';
import { bytesToHex } from '../src/tron/bytes.js';
import {
  broadcast,
  getJson,
  mineUntilSolid,
  newWallet,
  postJson,
  signedTransfer,
  signedUsdtTransfer,
  startTestDevnet,
  type TestWallet,
  trxBalance,
  txInfo,
  usdtBalance,
} from './devnet-harness.js';

const TRX = 1_000_000n;

type Json = Record<string, unknown>;

async function blockAt(devnet: Devnet, num: number, solid = false): Promise<Json> {
  return (await postJson(`${devnet.url}/${solid ? 'walletsolidity' : 'wallet'}/getblockbynum`, { num })).json;
}

function header(block: Json): { number: number; parentHash: string } {
  return (block.block_header as { raw_data: { number: number; parentHash: string } }).raw_data;
}

describe('POST /devnet/reorg', () => {
  let devnet: Devnet;
  let payer: TestWallet;
  let tw: TronWeb;

  beforeAll(async () => {
    devnet = await startTestDevnet();
    payer = newWallet();
    devnet.fund(payer.base58, { trx: 1000n * TRX, usdt: 500n * TRX });
    mineUntilSolid(devnet);
    tw = new TronWeb({ fullHost: devnet.url, privateKey: payer.privateKey });
  });

  afterAll(async () => {
    await devnet.stop();
  });

  it('replaces the newest blocks by a longer branch without the dropped transaction, and the rest re-included', async () => {
    const [paid, tokenPayee, later] = [newWallet(), newWallet(), newWallet()];
    const before = await trxBalance(devnet, payer.base58);
    // the customer's wallet: TronWeb builds (on the solidified block), signs and broadcasts
    const signed = await tw.trx.sign(await tw.transactionBuilder.sendTrx(paid.base58, 7_000_000, payer.base58));
    expect((await tw.trx.sendRawTransaction(signed)).result).toBe(true);
    const token = signedUsdtTransfer(devnet, payer, tokenPayee.base58, 25n * TRX);
    expect((await broadcast(devnet, token)).json.result).toBe(true);
    const [first] = devnet.mine(1);
    const third = signedTransfer(devnet, payer, later.base58, 3n * TRX);
    expect((await broadcast(devnet, third)).json.result).toBe(true);
    devnet.mine(1);
    expect(await trxBalance(devnet, paid.base58)).toBe(7n * TRX);
    const oldHead = Number(devnet.chain.head.number);
    const fork = oldHead - 2;
    const oldIds = [fork + 1, fork + 2].map((n) => devnet.chain.blockByNumber(BigInt(n))?.id);
    expect(oldIds[0]).toBe(first?.id);

    const { status, json } = await postJson(`${devnet.url}/devnet/reorg`, { depth: 2, drop_txids: [signed.txID] });
    expect(status).toBe(200);
    expect(json).toMatchObject({ fork_block: fork, orphaned: oldIds, head_block: oldHead + 1, removed_txids: [signed.txID] });
    expect(json.blocks).toHaveLength(3);

    // every block of the new branch is new and names the previous one as its parent
    const now = (await postJson(`${devnet.url}/wallet/getnowblock`, {})).json;
    expect(header(now).number).toBe(oldHead + 1);
    let parent = String((await blockAt(devnet, fork)).blockID);
    for (let n = fork + 1; n <= oldHead + 1; n++) {
      const block = await blockAt(devnet, n);
      expect(header(block).parentHash).toBe(parent);
      expect(oldIds).not.toContain(block.blockID);
      parent = String(block.blockID);
    }
    const range = (await postJson(`${devnet.url}/wallet/getblockbylimitnext`, { startNum: fork + 1, endNum: oldHead + 2 })).json;
    expect((range.block as Json[]).map((b) => b.blockID)).toEqual(json.blocks);

    // the dropped transfer never happened: no receipt, no transaction, balances as before minus the kept ones
    expect(await txInfo(devnet, signed.txID)).toEqual({});
    expect((await postJson(`${devnet.url}/wallet/gettransactionbyid`, { value: signed.txID })).json).toEqual({});
    expect(await trxBalance(devnet, paid.base58)).toBe(0n);
    const tokenInfo = await txInfo(devnet, token.txID);
    const thirdInfo = await txInfo(devnet, third.txID);
    expect(tokenInfo.blockNumber).toBe(fork + 2);
    expect(thirdInfo.blockNumber).toBe(fork + 3);
    expect(await usdtBalance(devnet, tokenPayee.base58)).toBe(25n * TRX);
    expect(await trxBalance(devnet, later.base58)).toBe(3n * TRX);
    const fees = BigInt(Number(tokenInfo.fee ?? 0)) + BigInt(Number(thirdInfo.fee ?? 0));
    expect(await trxBalance(devnet, payer.base58)).toBe(before - 3n * TRX - fees);
    const history = (await getJson(`${devnet.url}/v1/accounts/${tokenPayee.base58}/transactions/trc20`)).json;
    expect((history.data as Json[]).map((e) => [e.transaction_id, e.block_timestamp])).toEqual([
      [token.txID, Number(tokenInfo.blockTimeStamp)],
    ]);
    expect((await getJson(`${devnet.url}/devnet/info`)).json.reorgs).toBe(1);

    // the solidified view follows the new branch once it is solidified
    mineUntilSolid(devnet);
    expect((await blockAt(devnet, fork + 2, true)).blockID).toBe((json.blocks as string[])[1]);
    expect((await txInfo(devnet, token.txID, true)).blockNumber).toBe(fork + 2);
    expect(await txInfo(devnet, signed.txID, true)).toEqual({});
    expect(await trxBalance(devnet, paid.base58, true)).toBe(0n);
    expect(await trxBalance(devnet, later.base58, true)).toBe(3n * TRX);

    // a wallet broadcasting the dropped transaction again, still unexpired, is accepted
    expect((await tw.trx.sendRawTransaction(signed)).result).toBe(true);
    devnet.mine(1);
    expect((await txInfo(devnet, signed.txID)).blockNumber).toBe(Number(devnet.chain.head.number));
    expect(await trxBalance(devnet, paid.base58)).toBe(7n * TRX);
  });

  it('takes pending transactions along and keeps them pending on the new head', async () => {
    devnet.mine(1);
    const payee = newWallet();
    const pending = signedTransfer(devnet, payer, payee.base58, 2n * TRX);
    expect((await broadcast(devnet, pending)).json.result).toBe(true);
    devnet.reorg({ depth: 1 });
    expect(devnet.chain.isPending(pending.txID)).toBe(true);
    devnet.mine(1);
    expect(await trxBalance(devnet, payee.base58)).toBe(2n * TRX);
  });

  it('accepts a dropped transaction again even when the block it references was replaced too', async () => {
    devnet.mine(1);
    const payee = newWallet();
    const tx = signedTransfer(devnet, payer, payee.base58, 2n * TRX); // TaPoS on the head block
    expect((await broadcast(devnet, tx)).json.result).toBe(true);
    devnet.mine(1);
    devnet.reorg({ depth: 2, dropTxids: [tx.txID] });
    expect(await trxBalance(devnet, payee.base58)).toBe(0n);
    expect((await broadcast(devnet, tx)).json.result).toBe(true);
    expect((await broadcast(devnet, tx)).json.code).toBe('DUP_TRANSACTION_ERROR');
    devnet.mine(1);
    expect(await trxBalance(devnet, payee.base58)).toBe(2n * TRX);
  });

  it('refuses to replace the solidified block, and drops only transactions of the replaced blocks', async () => {
    devnet.mine(2);
    const most = Number(devnet.chain.head.number - devnet.chain.solidNumber);
    const tooDeep = await postJson(`${devnet.url}/devnet/reorg`, { depth: most + 1 });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.json).toMatchObject({ field: 'depth', code: 'INVALID_REORG' });
    expect(String(tooDeep.json.error)).toContain(`from 1 to ${most}`);
    expect((await postJson(`${devnet.url}/devnet/reorg`, { depth: 0 })).json.field).toBe('depth');
    expect((await postJson(`${devnet.url}/devnet/reorg`, { depth: '1' })).json.field).toBe('depth');
    const notHex = await postJson(`${devnet.url}/devnet/reorg`, { depth: 1, drop_txids: ['xyz'] });
    expect(notHex).toMatchObject({ status: 400, json: { field: 'drop_txids' } });
    const unknown = await postJson(`${devnet.url}/devnet/reorg`, { depth: 1, drop_txids: ['ab'.repeat(32)] });
    expect(unknown).toMatchObject({ status: 400, json: { field: 'drop_txids.0' } });
    expect(devnet.chain.reorgs).toBe(3);
  });
});

describe('the reorg_every_blocks fault', () => {
  let devnet: Devnet;

  beforeAll(async () => {
    devnet = await startTestDevnet();
    mineUntilSolid(devnet);
  });

  afterAll(async () => {
    await devnet.stop();
  });

  it('reorganises every N produced blocks, bounded by the solidified block, dropping a share of transactions', async () => {
    const bad = await postJson(`${devnet.url}/devnet/faults`, { reorg_every_blocks: -1, reorg_depth: 101, reorg_drop_rate: 2 });
    expect(bad.status).toBe(400);
    expect((bad.json.errors as { path: string }[]).map((e) => e.path)).toEqual(['reorg_every_blocks', 'reorg_depth', 'reorg_drop_rate']);

    const set = await postJson(`${devnet.url}/devnet/faults`, { reorg_every_blocks: 3, reorg_depth: 2 });
    expect(set.json).toMatchObject({ reorg_every_blocks: 3, reorg_depth: 2, reorg_drop_rate: 0 });
    const start = devnet.chain.head.number;
    devnet.mine(9);
    expect(devnet.chain.reorgs).toBe(3);
    // each reorganisation of depth 2 leaves one block more than it replaced
    expect(devnet.chain.head.number).toBe(start + 12n);
    for (let n = start + 1n; n <= devnet.chain.head.number; n++) {
      const parent = bytesToHex(devnet.chain.blockByNumber(n)?.header.parentHash ?? new Uint8Array());
      expect(parent).toBe(devnet.chain.blockByNumber(n - 1n)?.id);
    }

    // deeper than the solidified block allows: the depth shrinks to every block above it
    await postJson(`${devnet.url}/devnet/faults`, { reorg_every_blocks: 1, reorg_depth: 100, reorg_drop_rate: 1 });
    const payer = newWallet();
    const { trx_txid } = devnet.fund(payer.base58, { trx: 10n * TRX });
    const head = devnet.chain.head.number;
    devnet.mine(1);
    expect(devnet.chain.reorgs).toBe(4);
    // the mined block, then every block above the solidified one replaced by one more
    expect(devnet.chain.head.number).toBe(head + 2n);
    expect(devnet.chain.solidNumber).toBe(head + 2n - BigInt(devnet.chain.solidifyLag));
    expect(await txInfo(devnet, String(trx_txid))).toEqual({});
    expect(await trxBalance(devnet, payer.base58)).toBe(0n);
    await postJson(`${devnet.url}/devnet/faults`, { reset: true });
  });
});

describe('a persisted devnet after a reorganisation', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'devnet-reorg-'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('replays the new branch on restart', async () => {
    let devnet = await startTestDevnet({ dataDir: dir });
    const payer = newWallet();
    const [kept, dropped] = [newWallet(), newWallet()];
    devnet.fund(payer.base58, { trx: 100n * TRX });
    mineUntilSolid(devnet);
    const keep = signedTransfer(devnet, payer, kept.base58, 4n * TRX);
    const drop = signedTransfer(devnet, payer, dropped.base58, 5n * TRX);
    await broadcast(devnet, keep);
    await broadcast(devnet, drop);
    devnet.mine(2);
    devnet.reorg({ depth: 2, dropTxids: [drop.txID] });
    devnet.mine(1);
    const ids = devnet.chain.blocks.map((b) => b.id);
    await devnet.stop();

    devnet = await startTestDevnet({ dataDir: dir });
    try {
      expect(devnet.chain.blocks.map((b) => b.id)).toEqual(ids);
      expect(await trxBalance(devnet, kept.base58)).toBe(4n * TRX);
      expect(await trxBalance(devnet, dropped.base58)).toBe(0n);
      expect(await txInfo(devnet, drop.txID)).toEqual({});
    } finally {
      await devnet.stop();
    }
  });
});
