/**
 * `dataDir` persistence: a restarted devnet replays its block log into the same chain (faucet,
 * USDT contract, block ids, balances on /wallet and /walletsolidity, receipts), keeps its keys
 * private, survives a torn last line, and forgets transactions that were never mined.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devnet } from '../src/devnet/devnet.js';
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
  usdtBalance,
} from './devnet-harness.js';

const TRX = 1_000_000n;

interface Snapshot {
  info: Record<string, unknown>;
  blockIds: string[];
  accounts: Record<string, unknown>[];
  solidAccounts: Record<string, unknown>[];
  balances: bigint[];
  receipts: Record<string, unknown>[];
  solidReceipts: Record<string, unknown>[];
  faults: Record<string, unknown>;
}

describe('devnet persistence (dataDir)', () => {
  let dir: string;
  let devnet: Devnet | undefined;
  let payer: TestWallet;
  let recipient: TestWallet;
  const txids: string[] = [];
  let pendingTxid = '';
  let snapshot: Snapshot;
  /** signed before the restart, referencing a block of the first run */
  let signedBeforeRestart: ReturnType<typeof signedTransfer>;

  async function take(d: Devnet): Promise<Snapshot> {
    const ids: string[] = [];
    for (let n = 0n; n <= d.chain.head.number; n++) ids.push(d.chain.blockByNumber(n)?.id ?? '');
    const addresses = [payer.hex, recipient.hex, d.faucetAddress];
    const account = async (path: string, address: string) => (await postJson(`${d.url}${path}`, { address })).json;
    const info = async (path: string, value: string) => (await postJson(`${d.url}${path}`, { value })).json;
    return {
      info: (await getJson(`${d.url}/devnet/info`)).json,
      blockIds: ids,
      accounts: await Promise.all(addresses.map((a) => account('/wallet/getaccount', a))),
      solidAccounts: await Promise.all(addresses.map((a) => account('/walletsolidity/getaccount', a))),
      balances: [
        await usdtBalance(d, payer.hex),
        await usdtBalance(d, recipient.hex),
        await usdtBalance(d, payer.hex, true),
        await usdtBalance(d, recipient.hex, true),
      ],
      receipts: await Promise.all(txids.map((t) => info('/wallet/gettransactioninfobyid', t))),
      solidReceipts: await Promise.all(txids.map((t) => info('/walletsolidity/gettransactioninfobyid', t))),
      faults: (await getJson(`${d.url}/devnet/faults`)).json,
    };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'devnet-persistence-'));
    devnet = await startTestDevnet({ dataDir: dir });
    payer = newWallet();
    recipient = newWallet();
    const funded = devnet.fund(payer.base58, { trx: 500n * TRX, usdt: 200n * TRX });
    txids.push(funded.trx_txid as string, funded.usdt_txid as string);
    devnet.mine(1);
    for (const tx of [
      signedTransfer(devnet, payer, recipient.base58, 10n * TRX), // activation
      signedUsdtTransfer(devnet, payer, recipient.base58, 25n * TRX), // to a non-holder
      signedUsdtTransfer(devnet, payer, recipient.base58, 1000n * TRX), // REVERT
      signedUsdtTransfer(devnet, payer, recipient.base58, TRX, 1_000_000n), // OUT_OF_ENERGY
    ]) {
      expect((await broadcast(devnet, tx)).json.result).toBe(true);
      txids.push(tx.txID);
    }
    devnet.mine(1);
    txids.push(devnet.setBlacklisted(recipient.base58, true));
    mineUntilSolid(devnet);
    // one more block that is mined but not solidified yet
    const late = signedUsdtTransfer(devnet, payer, recipient.base58, 5n * TRX);
    expect((await broadcast(devnet, late)).json.result).toBe(true);
    txids.push(late.txID);
    devnet.mine(1);
    signedBeforeRestart = signedTransfer(devnet, payer, recipient.base58, TRX);
    snapshot = await take(devnet);
    // accepted but never mined
    const pending = signedTransfer(devnet, payer, recipient.base58, 7n * TRX);
    expect((await broadcast(devnet, pending)).json.result).toBe(true);
    pendingTxid = pending.txID;
    await devnet.stop();
    devnet = undefined;
  });

  afterAll(async () => {
    await devnet?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes keys.json with mode 0600 next to genesis.json and blocks.jsonl', () => {
    expect(statSync(join(dir, 'keys.json')).mode & 0o777).toBe(0o600);
    const keys = JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8')) as Record<string, string>;
    expect(keys.faucetPrivateKey).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(dir, 'genesis.json')).isFile()).toBe(true);
    const lines = readFileSync(join(dir, 'blocks.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(snapshot.blockIds.length - 1);
  });

  it('restarts into the same chain: faucet, USDT contract, head, block ids, balances and receipts', async () => {
    devnet = await startTestDevnet({ dataDir: dir });
    const again = await take(devnet);
    expect(again.info.faucet_address).toBe(snapshot.info.faucet_address);
    expect(again.info.usdt_contract).toBe(snapshot.info.usdt_contract);
    expect(again.info.head_block).toBe(snapshot.info.head_block);
    expect(again.info.solid_block).toBe(snapshot.info.solid_block);
    expect(again.blockIds).toEqual(snapshot.blockIds);
    expect(again.accounts).toEqual(snapshot.accounts);
    expect(again.solidAccounts).toEqual(snapshot.solidAccounts);
    expect(again.balances).toEqual(snapshot.balances);
    expect(again.receipts).toEqual(snapshot.receipts);
    expect(again.solidReceipts).toEqual(snapshot.solidReceipts);
    // the variety of outcomes was really replayed
    const results = again.receipts.map((r) => (r.receipt as { result?: string }).result ?? 'TRX');
    expect(results).toEqual(['TRX', 'SUCCESS', 'TRX', 'SUCCESS', 'REVERT', 'OUT_OF_ENERGY', 'SUCCESS', 'SUCCESS']);
    expect(again.solidReceipts.at(-1)).toEqual({});
    // the blacklist survived too
    const { json } = await postJson(`${devnet.url}/wallet/triggerconstantcontract`, {
      contract_address: devnet.chain.token.address,
      function_selector: 'isBlackListed(address)',
      parameter: recipient.hex.slice(2).padStart(64, '0'),
    });
    expect(BigInt(`0x${(json.constant_result as string[])[0]}`)).toBe(1n);
  });

  it('does not bring back a transaction that was pending at shutdown', async () => {
    if (!devnet) throw new Error('not restarted');
    expect(devnet.chain.isPending(pendingTxid)).toBe(false);
    devnet.mine(1);
    expect((await postJson(`${devnet.url}/wallet/gettransactionbyid`, { value: pendingTxid })).json).toEqual({});
    expect(await trxBalance(devnet, recipient.hex)).toBe(10n * TRX);
  });

  it('keeps the TaPoS window: a transaction signed against a block of the first run broadcasts after the restart', async () => {
    if (!devnet) throw new Error('not restarted');
    expect((await broadcast(devnet, signedBeforeRestart)).json).toEqual({ result: true, txid: signedBeforeRestart.txID });
    devnet.mine(1);
    expect(await trxBalance(devnet, recipient.hex)).toBe(11n * TRX);
  });

  it('cuts off a torn last line of blocks.jsonl and starts', async () => {
    if (!devnet) throw new Error('not restarted');
    const head = devnet.chain.head;
    const faucetTrx = await trxBalance(devnet, devnet.faucetAddress);
    await devnet.stop();
    devnet = undefined;
    const path = join(dir, 'blocks.jsonl');
    const intact = readFileSync(path, 'utf8');
    const lastLine = intact.trimEnd().split('\n').at(-1) as string;
    appendFileSync(path, lastLine.slice(0, Math.floor(lastLine.length / 2)));

    devnet = await startTestDevnet({ dataDir: dir });
    expect(devnet.chain.head.id).toBe(head.id);
    expect(await trxBalance(devnet, devnet.faucetAddress)).toBe(faucetTrx);
    expect(readFileSync(path, 'utf8')).toBe(intact);
    // and the log keeps growing from there
    devnet.mine(1);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(Number(devnet.chain.head.number));
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({ n: Number(devnet.chain.head.number) });
  });

  it('treats a last line without its newline as torn, so the next block is not glued onto it', async () => {
    if (!devnet) throw new Error('not restarted');
    devnet.mine(1);
    const head = devnet.chain.head.number;
    await devnet.stop();
    devnet = undefined;
    const path = join(dir, 'blocks.jsonl');
    // a crash after the JSON of the last block was written but before its newline
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n$/, ''));

    devnet = await startTestDevnet({ dataDir: dir });
    expect(devnet.chain.head.number).toBe(head - 1n);
    expect(readFileSync(path, 'utf8').endsWith('\n')).toBe(true);
    devnet.mine(2);
    const ids = devnet.chain.blocks.map((b) => b.id);
    await devnet.stop();
    devnet = await startTestDevnet({ dataDir: dir });
    expect(devnet.chain.blocks.map((b) => b.id)).toEqual(ids);
  });

  it('keeps balances across the USDT transfers after the restarts', async () => {
    if (!devnet) throw new Error('not restarted');
    expect(await usdtBalance(devnet, recipient.hex)).toBe(30n * TRX);
    expect(await usdtBalance(devnet, payer.hex)).toBe(170n * TRX);
  });
});
