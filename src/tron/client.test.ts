import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  httpResponses,
  NO_STAKE_V2,
  stakeV2Responses,
  type TransactionVector,
  transactionVectors,
  tronwebRequests,
  vectorId,
} from '../../test/vectors.js';
import { toBase58Address } from './address.js';
import { createTronClient, ESTIMATE_ENERGY_UNSUPPORTED, type TronClientOptions, TronNodeError } from './client.js';
import { transactionFromJson, transactionToJson } from './transaction.js';
import { encodeAbiString, encodeAddressWord, encodeBalanceOfCall } from './trc20.js';

// ---------------------------------------------------------------- fake java-tron / TronGrid node

interface Received {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: unknown;
}

interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** serialised with JSON.stringify */
  json?: unknown;
  /** sent as is (for integers JSON.stringify cannot write, or broken bodies) */
  raw?: string;
  /** answer only after this long (the client may have given up) */
  delayMs?: number;
  /** close the socket without answering */
  destroy?: boolean;
}

type Route = Reply | ((req: Received) => Reply);

class FakeNode {
  readonly received: Received[] = [];
  url = '';
  private readonly routes = new Map<string, Route[]>();
  private readonly server: Server;

  private constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const text = Buffer.concat(chunks).toString('utf8');
        const received: Received = {
          method: req.method ?? '',
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          headers: req.headers,
          body: text ? (JSON.parse(text) as unknown) : null,
        };
        this.received.push(received);
        const queue = this.routes.get(url.pathname);
        const route: Route = (queue && queue.length > 1 ? queue.shift() : queue?.[0]) ?? { status: 404, raw: 'Not Found' };
        const reply = typeof route === 'function' ? route(received) : route;
        const send = () => {
          if (res.destroyed) return;
          if (reply.destroy) {
            req.socket.destroy();
            return;
          }
          res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
          res.end(reply.raw ?? JSON.stringify(reply.json ?? {}));
        };
        if (reply.delayMs) setTimeout(send, reply.delayMs);
        else send();
      });
    });
  }

  static async start(): Promise<FakeNode> {
    const node = new FakeNode();
    await new Promise<void>((resolve) => node.server.listen(0, '127.0.0.1', resolve));
    node.url = `http://127.0.0.1:${(node.server.address() as AddressInfo).port}`;
    return node;
  }

  /** Replies for `path`, used in order; the last one repeats. */
  on(path: string, ...replies: Route[]): this {
    this.routes.set(path, replies);
    return this;
  }

  paths(): string[] {
    return this.received.map((r) => r.path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A URL nothing listens on. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

const API_KEY = 'tg-key-5f1d9a2c-secret';

function clientFor(urls: string[], options: Partial<TronClientOptions> = {}) {
  const delays: number[] = [];
  const client = createTronClient({
    fullNodeUrls: urls,
    apiKey: API_KEY,
    timeoutMs: 2_000,
    backoff: { baseMs: 100, maxMs: 5_000 },
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 0.5,
    ...options,
  });
  return { client, delays };
}

function vectorJson(key: string): Record<string, unknown> {
  const value = httpResponses()[key];
  if (value === undefined) throw new Error(`no vector ${key}`);
  return structuredClone(value) as Record<string, unknown>;
}

function txVector(id: string): TransactionVector {
  const v = transactionVectors().vectors.find((t) => vectorId(t) === id);
  if (!v) throw new Error(`no vector ${id}`);
  return v;
}

function blockJson(number: number, transactions?: unknown[]): Record<string, unknown> {
  const block = vectorJson('getnowblock');
  delete block.transactions;
  (block.block_header as { raw_data: { number: number } }).raw_data.number = number;
  block.blockID = number.toString(16).padStart(16, '0') + 'ab'.repeat(24);
  if (transactions) block.transactions = transactions;
  return block;
}

function nodeTx(v: TransactionVector, contractRet = 'SUCCESS'): unknown {
  return { ret: [{ contractRet }], signature: v.signature, txID: v.txID, raw_data: v.raw_data, raw_data_hex: v.raw_data_hex };
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

const USDT = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
const USDT_HEX = '41a614f803b6fd780986a42c78ec9c7f77e6ded13c';
const ALICE = 'TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC';
const ALICE_HEX = '417e5f4552091a69125d5dfcb7b8c2659029395bdf';

let node: FakeNode;

beforeEach(async () => {
  node = await FakeNode.start();
});

afterEach(async () => {
  await node.close();
});

// ---------------------------------------------------------------- requests and parsing

describe('requests and parsing', () => {
  it('getNowBlock posts visible:false with the API key header and parses the real block', async () => {
    node.on('/wallet/getnowblock', { json: blockJson(66987627) });
    const { client } = clientFor([node.url]);
    const block = await client.getNowBlock();
    expect(block).toMatchObject({ number: 66987627n, timestamp: 1777445307000n, txCount: 0 });
    expect(block.witnessAddress).toBe(toBase58Address('41e7860196ad5b5718c1d6326babab039b70b8c1cd'));
    const req = node.received[0];
    expect(req).toMatchObject({ method: 'POST', path: '/wallet/getnowblock', body: { visible: false } });
    expect(req?.headers['tron-pro-api-key']).toBe(API_KEY);
    expect(req?.headers['content-type']).toBe('application/json');
  });

  it('getSolidBlock reads /walletsolidity/getnowblock', async () => {
    node.on('/walletsolidity/getnowblock', { json: blockJson(66987547) });
    const { client } = clientFor([node.url]);
    expect((await client.getSolidBlock()).number).toBe(66987547n);
    expect(node.paths()).toEqual(['/walletsolidity/getnowblock']);
  });

  it('getBlockByNumber with detail parses the transactions and their contractRet', async () => {
    node.on('/wallet/getblock', { json: blockJson(27773932, [nodeTx(txVector('T2')), nodeTx(txVector('S3'), 'REVERT')]) });
    const { client } = clientFor([node.url]);
    const block = await client.getBlockByNumber(27773932n, { detail: true });
    expect(node.received[0]?.body).toEqual({ id_or_num: '27773932', detail: true, visible: false });
    expect(block?.number).toBe(27773932n);
    expect(block?.txCount).toBe(2);
    expect(block?.transactions.map((t) => [t.txid, t.contractType, t.contractRet])).toEqual([
      [txVector('T2').txID, 'TransferContract', 'SUCCESS'],
      [txVector('S3').txID, 'TriggerSmartContract', 'REVERT'],
    ]);
    const t2 = block?.transactions[0]?.transaction;
    expect(t2?.txID).toBe(txVector('T2').txID);
    expect(t2?.raw.contract.type === 'TransferContract' && t2.raw.contract.amount).toBe(1_000_000n);
  });

  it('getBlockByNumber returns null for {}, and without detail the transaction count is unknown', async () => {
    node.on('/wallet/getblock', { json: {} }, { json: blockJson(5) });
    node.on('/walletsolidity/getblock', { json: blockJson(4) });
    const { client } = clientFor([node.url]);
    expect(await client.getBlockByNumber(999_999_999, { detail: true })).toBeNull();
    const header = await client.getBlockByNumber(5);
    expect(header?.txCount).toBeNull();
    expect(node.received[1]?.body).toEqual({ id_or_num: '5', detail: false, visible: false });
    expect((await client.getBlockByNumber(4, { solid: true }))?.number).toBe(4n);
  });

  it('getBlockRange splits into getblockbylimitnext calls of at most 100 blocks', async () => {
    node.on('/wallet/getblockbylimitnext', (req) => {
      const { startNum, endNum } = req.body as { startNum: number; endNum: number };
      const blocks = [];
      for (let n = endNum - 1; n >= startNum; n--) blocks.push(blockJson(n)); // any order
      return { json: { block: blocks } };
    });
    const { client } = clientFor([node.url]);
    const blocks = await client.getBlockRange(1000n, 1250n);
    expect(node.received.map((r) => r.body)).toEqual([
      { startNum: 1000, endNum: 1100, visible: false },
      { startNum: 1100, endNum: 1200, visible: false },
      { startNum: 1200, endNum: 1250, visible: false },
    ]);
    expect(blocks).toHaveLength(250);
    expect(blocks[0]?.number).toBe(1000n);
    expect(blocks[249]?.number).toBe(1249n);
    expect(await client.getBlockRange(10, 10)).toEqual([]);
  });

  it('getBlockRange with verify: false reads the same blocks from the bytes (node:http, or an injected fetch), failing over as other calls do', async () => {
    const range = (req: Received): Reply => {
      const { startNum, endNum } = req.body as { startNum: number; endNum: number };
      const blocks = [];
      for (let n = startNum; n < endNum; n++)
        blocks.push(
          blockJson(
            n,
            vectors.map((v, i) => nodeTx(v, i % 3 ? 'SUCCESS' : 'REVERT')),
          ),
        );
      return { json: { block: blocks } };
    };
    const vectors = transactionVectors().vectors.slice(0, 8);
    node.on('/wallet/getblockbylimitnext', range);
    const { client } = clientFor([node.url]);
    const full = await client.getBlockRange(50, 60);
    const light = await client.getBlockRange(50, 60, { verify: false });
    expect(light.map((b) => [b.number, b.blockId, b.txCount])).toEqual(full.map((b) => [b.number, b.blockId, b.txCount]));
    expect(light.flatMap((b) => b.transactions.map((t) => [t.txid, t.contractType, t.contractRet, t.summary]))).toEqual(
      full.flatMap((b) => b.transactions.map((t) => [t.txid, t.contractType, t.contractRet, t.summary])),
    );
    expect(node.received[1]?.headers['tron-pro-api-key']).toBe(API_KEY);
    expect(node.received[1]?.body).toEqual({ startNum: 50, endNum: 60, visible: false });
    const { client: viaFetch } = clientFor([node.url], { fetch: globalThis.fetch });
    expect(await viaFetch.getBlockRange(50, 60, { verify: false })).toEqual(light);

    // a truncated answer and a 503 are retried; a node error is final
    node.on('/wallet/getblockbylimitnext', { raw: '{"block":[{"blockID":' }, { status: 503, raw: 'busy' }, range);
    expect(await client.getBlockRange(50, 60, { verify: false })).toEqual(light);
    node.on('/wallet/getblockbylimitnext', { json: { Error: 'class java.lang.IllegalArgumentException : bad range' } });
    const error = await client.getBlockRange(50, 60, { verify: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TronNodeError);
    expect(error).toMatchObject({ kind: 'bad_response', retryable: false });
    expect((error as Error).message).toContain('node error: class java.lang.IllegalArgumentException : bad range');
  });

  it('getTransactionInfoByBlockNum returns the receipts of a block', async () => {
    node.on('/wallet/gettransactioninfobyblocknum', {
      json: [
        vectorJson('gettransactioninfobyid_trx_transfer_burned_bandwidth'),
        vectorJson('gettransactioninfobyid_usdt_transfer_success_mainnet_2024'),
      ],
    });
    const { client } = clientFor([node.url]);
    const infos = await client.getTransactionInfoByBlockNum(66987565);
    expect(node.received[0]?.body).toEqual({ num: 66987565, visible: false });
    expect(infos.map((i) => i.fee)).toEqual([267000n, 345000n]);
  });

  it('getAccount keeps a balance of 9007199254740993 sun exact and sends the hex address', async () => {
    node.on('/wallet/getaccount', { raw: `{"address":"${ALICE_HEX}","balance":9007199254740993,"create_time":1776933207000}` });
    const { client } = clientFor([node.url]);
    const account = await client.getAccount(ALICE);
    expect(account).toMatchObject({ exists: true, address: ALICE, balance: 9007199254740993n, createTime: 1776933207000n, frozenV2: [] });
    expect(node.received[0]?.body).toEqual({ address: ALICE_HEX, visible: false });
  });

  it('getAccount on the solidity API; {} is a missing account with balance 0', async () => {
    node.on('/walletsolidity/getaccount', { json: {} });
    const { client } = clientFor([node.url]);
    expect(await client.getAccount(ALICE_HEX, { solid: true })).toEqual({
      exists: false,
      address: ALICE,
      balance: 0n,
      ...NO_STAKE_V2,
    });
    expect(node.received[0]).toMatchObject({
      path: '/walletsolidity/getaccount',
      body: tronwebRequests().calls['trx.getBalance']?.requests[0]?.body,
    });
  });

  it('getAccountResource', async () => {
    node.on('/wallet/getaccountresource', { json: vectorJson('getaccountresource') });
    const { client } = clientFor([node.url]);
    expect(await client.getAccountResource(ALICE)).toMatchObject({ freeNetUsed: 441n, freeNetLimit: 600n, energyLimit: 0n, netUsed: 0n });
  });

  it('chain parameters, energy and bandwidth prices', async () => {
    const params = vectorJson('getchainparameters_excerpt');
    (params.chainParameter as unknown[]).push({ key: 'getEnergyFee', value: 100 });
    node.on('/wallet/getchainparameters', { json: params });
    const { client } = clientFor([node.url]);
    expect((await client.getChainParameters()).get('getCreateAccountFee')).toBe(100000n);
    expect(await client.getEnergyFee()).toBe(100n);
    expect(await client.getTransactionFee()).toBe(1000n);
    node.on('/wallet/getchainparameters', { json: { chainParameter: [] } });
    const err = await failure(client.getEnergyFee());
    expect(err).toMatchObject({ kind: 'bad_response', retryable: false });
    expect(err.message).toMatch(/getEnergyFee is missing/);
  });

  it('getNodeInfo reads head and solid heights', async () => {
    node.on('/wallet/getnodeinfo', { json: vectorJson('getnodeinfo_excerpt') });
    const { client } = clientFor([node.url]);
    expect(await client.getNodeInfo()).toMatchObject({ headBlock: 66987565n, solidBlock: 66987547n, codeVersion: '4.8.1' });
    expect(node.received[0]).toMatchObject({ method: 'GET', path: '/wallet/getnodeinfo', body: null });
  });
});

// ---------------------------------------------------------------- Stake 2.0

function stakeJson(key: string): Record<string, unknown> {
  const value = stakeV2Responses()[key];
  if (value === undefined) throw new Error(`no stake vector ${key}`);
  return structuredClone(value) as Record<string, unknown>;
}

describe('Stake 2.0 reads', () => {
  const BOB = toBase58Address('4192ad11c1bf16b3b14b0bd6b5c7e2db73a0b5e83a');
  const STAKER_HEX = '41dd791d6b49e190062d650e6a23c575510d35f2f9';

  it('getAccount carries the Stake 2.0 stakes, unstakes and delegations', async () => {
    node.on('/wallet/getaccount', { json: stakeJson('getaccount_staking') });
    const { client } = clientFor([node.url]);
    const account = await client.getAccount(STAKER_HEX);
    expect(account.frozenV2).toEqual([
      { type: 'BANDWIDTH', amount: 5000000n },
      { type: 'ENERGY', amount: 2000000000n },
      { type: 'TRON_POWER', amount: 0n },
    ]);
    expect(account.unfrozenV2[1]).toEqual({ type: 'ENERGY', unfreezeAmount: 300000000n, unfreezeExpireTime: 1777531707000n });
    expect(account).toMatchObject({
      delegatedFrozenV2BalanceForEnergy: 1500000000n,
      acquiredDelegatedFrozenV2BalanceForBandwidth: 7000000n,
    });
  });

  it('getAccountResource reads energy, bandwidth and tron power; absent fields are 0', async () => {
    node.on('/wallet/getaccountresource', { json: stakeJson('getaccountresource_staking') }, { json: {} });
    const { client } = clientFor([node.url]);
    expect(await client.getAccountResource(ALICE)).toMatchObject({
      energyLimit: 149335n,
      energyUsed: 64285n,
      netLimit: 9n,
      netUsed: 12n,
      totalEnergyWeight: 2411528185n,
      tronPowerLimit: 2005n,
    });
    expect(node.received[0]?.body).toEqual({ address: ALICE_HEX, visible: false });
    expect(await client.getAccountResource(ALICE)).toMatchObject({ energyLimit: 0n, freeNetLimit: 0n, tronPowerLimit: 0n });
  });

  it('getDelegatedResourceV2 posts fromAddress/toAddress as hex and returns both records; {} is none', async () => {
    node.on('/wallet/getdelegatedresourcev2', { json: stakeJson('getdelegatedresourcev2') }, { json: {} });
    const { client } = clientFor([node.url]);
    const records = await client.getDelegatedResourceV2(toBase58Address(STAKER_HEX), USDT);
    expect(node.received[0]?.body).toEqual({ fromAddress: STAKER_HEX, toAddress: USDT_HEX, visible: false });
    expect(records.map((r) => [r.to, r.frozenBalanceForEnergy, r.expireTimeForEnergy])).toEqual([
      [USDT, 1000000000n, 0n],
      [USDT, 500000000n, 1777704507000n],
    ]);
    expect(await client.getDelegatedResourceV2(STAKER_HEX, USDT_HEX)).toEqual([]);
  });

  it('getDelegatedResourceAccountIndexV2 posts {value} and reads both directions; solid reads /walletsolidity', async () => {
    node.on('/walletsolidity/getdelegatedresourceaccountindexv2', { json: stakeJson('getdelegatedresourceaccountindexv2') });
    const { client } = clientFor([node.url]);
    const index = await client.getDelegatedResourceAccountIndexV2(STAKER_HEX, { solid: true });
    expect(node.received[0]).toMatchObject({
      path: '/walletsolidity/getdelegatedresourceaccountindexv2',
      body: { value: STAKER_HEX, visible: false },
    });
    expect(index).toEqual({ account: toBase58Address(STAKER_HEX), fromAccounts: [BOB], toAccounts: [USDT, BOB] });
  });

  it('getCanDelegatedMaxSize sends the resource as type 0/1; {} (below 1 TRX) is 0', async () => {
    node.on('/wallet/getcandelegatedmaxsize', { json: stakeJson('getcandelegatedmaxsize') }, { json: {} });
    const { client } = clientFor([node.url]);
    expect(await client.getCanDelegatedMaxSize(ALICE, 'ENERGY')).toBe(1497000000n);
    expect(await client.getCanDelegatedMaxSize(ALICE, 'BANDWIDTH')).toBe(0n);
    expect(node.received.map((r) => r.body)).toEqual([
      { owner_address: ALICE_HEX, type: 1, visible: false },
      { owner_address: ALICE_HEX, type: 0, visible: false },
    ]);
    await expect(client.getCanDelegatedMaxSize(ALICE, 'TRON_POWER' as 'ENERGY')).rejects.toThrow(TypeError);
    expect(node.received).toHaveLength(2);
  });

  it('getAvailableUnfreezeCount and getCanWithdrawUnfreezeAmount', async () => {
    node.on('/wallet/getavailableunfreezecount', { json: stakeJson('getavailableunfreezecount') });
    node.on('/wallet/getcanwithdrawunfreezeamount', { json: stakeJson('getcanwithdrawunfreezeamount') });
    const { client } = clientFor([node.url]);
    expect(await client.getAvailableUnfreezeCount(ALICE)).toBe(30);
    expect(await client.getCanWithdrawUnfreezeAmount(ALICE, 1777445307000n)).toBe(1000000n);
    expect(node.received.map((r) => r.body)).toEqual([
      { owner_address: ALICE_HEX, visible: false },
      { owner_address: ALICE_HEX, timestamp: 1777445307000, visible: false },
    ]);
    await expect(client.getCanWithdrawUnfreezeAmount(ALICE, -1n)).rejects.toThrow(RangeError);
    await expect(client.getAvailableUnfreezeCount('TNotAnAddress')).rejects.toThrow();
    expect(node.received).toHaveLength(2);
  });

  it('a malformed answer is a bad_response naming the field', async () => {
    node.on('/wallet/getcanwithdrawunfreezeamount', { json: { amount: 'lots' } });
    const { client } = clientFor([node.url]);
    const err = await failure(client.getCanWithdrawUnfreezeAmount(ALICE, 0n));
    expect(err).toMatchObject({ kind: 'bad_response' });
    expect(err.message).toMatch(/amount/);
  });
});

// ---------------------------------------------------------------- contracts

describe('contract calls', () => {
  it('triggerConstantContract with function_selector sends exactly what TronWeb sends (plus visible:false)', async () => {
    node.on('/wallet/triggerconstantcontract', { json: vectorJson('triggerconstantcontract_balanceOf') });
    const { client } = clientFor([node.url]);
    const captured = tronwebRequests().calls['balanceOf().call']?.requests[0]?.body as Record<string, unknown>;
    const result = await client.triggerConstantContract({
      owner: ALICE,
      contract: USDT,
      functionSelector: 'balanceOf(address)',
      parameter: captured.parameter as string,
    });
    expect(node.received[0]?.body).toEqual({ ...captured, visible: false });
    expect(result).toEqual({ ok: true, results: ['0000000000000000000000000000000000000000000000000000000040cfcc00'], energyUsed: 935n });
  });

  it('triggerConstantContract with data sends the calldata as hex', async () => {
    node.on('/walletsolidity/triggerconstantcontract', { json: vectorJson('triggerconstantcontract_balanceOf') });
    const { client } = clientFor([node.url]);
    await client.triggerConstantContract({ owner: ALICE, contract: USDT, data: encodeBalanceOfCall(ALICE) }, { solid: true });
    expect(node.received[0]?.body).toEqual({
      owner_address: ALICE_HEX,
      contract_address: USDT_HEX,
      call_value: 0,
      data: `70a08231${encodeAddressWord(ALICE)}`,
      visible: false,
    });
  });

  it('trc20BalanceOf and isBlackListed decode the returned word', async () => {
    const word = (v: bigint) => ({
      json: { result: { result: true }, energy_used: 900, constant_result: [v.toString(16).padStart(64, '0')] },
    });
    node.on('/wallet/triggerconstantcontract', word(123456789012345678901234567890n), word(1n), word(0n));
    const { client } = clientFor([node.url]);
    expect(await client.trc20BalanceOf(USDT, ALICE)).toBe(123456789012345678901234567890n);
    expect(await client.isBlackListed(USDT, ALICE)).toBe(true);
    expect(await client.isBlackListed(USDT, ALICE)).toBe(false);
    expect(node.received[0]?.body).toMatchObject({
      owner_address: ALICE_HEX,
      function_selector: 'balanceOf(address)',
      parameter: encodeAddressWord(ALICE),
    });
    expect(node.received[1]?.body).toMatchObject({ function_selector: 'isBlackListed(address)', parameter: encodeAddressWord(ALICE) });
  });

  it('a reverted balance call throws with the revert reason', async () => {
    node.on('/wallet/triggerconstantcontract', {
      json: {
        result: { result: true, message: Buffer.from('REVERT opcode executed').toString('hex') },
        constant_result: [`08c379a0${encodeAbiString('paused')}`],
        transaction: { ret: [{ ret: 'FAILED' }] },
      },
    });
    const { client } = clientFor([node.url]);
    const err = await failure(client.trc20BalanceOf(USDT, ALICE));
    expect(err).toMatchObject({ kind: 'bad_response', retryable: false });
    expect(err.message).toMatch(/balanceOf failed: paused/);
  });

  it('estimateEnergy sends the TronWeb body and returns energy_required', async () => {
    node.on('/wallet/estimateenergy', { json: vectorJson('estimateenergy') });
    const { client } = clientFor([node.url]);
    const captured = tronwebRequests().calls['transactionBuilder.estimateEnergy']?.requests[0]?.body as Record<string, unknown>;
    const energy = await client.estimateEnergy({
      owner: ALICE,
      contract: USDT,
      functionSelector: 'transfer(address,uint256)',
      parameter: captured.parameter as string,
    });
    expect(energy).toBe(1870n);
    expect(node.received[0]?.body).toEqual({ ...captured, visible: false });
  });

  it('estimateEnergy says clearly when the node does not support it', async () => {
    const { client } = clientFor([node.url]);
    const call = { owner: ALICE, contract: USDT, data: encodeBalanceOfCall(ALICE) };
    // endpoint missing (HTTP 404)
    const missing = await failure(client.estimateEnergy(call));
    expect(missing).toMatchObject({ code: ESTIMATE_ENERGY_UNSUPPORTED, retryable: false, status: 404 });
    expect(missing.message).toMatch(/not supported/);
    // endpoint present, vm.estimateEnergy off
    node.on('/wallet/estimateenergy', {
      json: {
        result: { code: 'CONTRACT_VALIDATE_ERROR', message: Buffer.from('this node does not support estimate energy').toString('hex') },
      },
    });
    const off = await failure(client.estimateEnergy(call));
    expect(off).toMatchObject({ code: ESTIMATE_ENERGY_UNSUPPORTED, kind: 'bad_response' });
    expect(node.received).toHaveLength(2);
  });

  it('estimateEnergyWithFallback uses estimateenergy when the node has it', async () => {
    node.on('/wallet/estimateenergy', { json: vectorJson('estimateenergy') });
    const { client } = clientFor([node.url]);
    const call = { owner: ALICE, contract: USDT, data: encodeBalanceOfCall(ALICE) };
    expect(await client.estimateEnergyWithFallback(call)).toEqual({ energy: 1870n, source: 'estimateenergy' });
    expect(node.paths()).toEqual(['/wallet/estimateenergy']);
  });

  it('estimateEnergyWithFallback falls back to triggerconstantcontract energy_used when estimateenergy is off or missing', async () => {
    node.on('/wallet/estimateenergy', { json: stakeJson('estimateenergy_disabled') }, { status: 404, raw: 'Not Found' });
    node.on('/wallet/triggerconstantcontract', { json: stakeJson('triggerconstantcontract_transfer') });
    const { client } = clientFor([node.url]);
    const call = { owner: ALICE, contract: USDT, data: encodeBalanceOfCall(ALICE) };
    expect(await client.estimateEnergyWithFallback(call)).toEqual({ energy: 64285n, source: 'triggerconstantcontract' });
    expect(await client.estimateEnergyWithFallback(call)).toEqual({ energy: 64285n, source: 'triggerconstantcontract' });
    expect(node.paths()).toEqual([
      '/wallet/estimateenergy',
      '/wallet/triggerconstantcontract',
      '/wallet/estimateenergy',
      '/wallet/triggerconstantcontract',
    ]);
    // the constant call gets the same body the estimate got
    expect(node.received[1]?.body).toEqual(node.received[0]?.body);
  });

  it('estimateEnergyWithFallback does not fall back on other errors, and reports a reverting fallback call', async () => {
    const call = { owner: ALICE, contract: USDT, data: encodeBalanceOfCall(ALICE) };
    node.on('/wallet/estimateenergy', {
      json: {
        result: { code: 'CONTRACT_VALIDATE_ERROR', message: Buffer.from('No contract or not a valid smart contract').toString('hex') },
      },
    });
    const { client } = clientFor([node.url]);
    const invalid = await failure(client.estimateEnergyWithFallback(call));
    expect(invalid).toMatchObject({ code: 'CONTRACT_VALIDATE_ERROR' });
    expect(node.paths()).toEqual(['/wallet/estimateenergy']);

    node.on('/wallet/estimateenergy', { json: stakeJson('estimateenergy_disabled') });
    node.on('/wallet/triggerconstantcontract', {
      json: {
        result: { result: true },
        energy_used: 900,
        constant_result: [`08c379a0${encodeAbiString('paused')}`],
        transaction: { ret: [{ ret: 'FAILED' }] },
      },
    });
    const reverted = await failure(client.estimateEnergyWithFallback(call));
    expect(reverted).toMatchObject({ kind: 'bad_response', retryable: false });
    expect(reverted.message).toMatch(/energy estimate failed: paused/);
  });
});

// ---------------------------------------------------------------- broadcast and lookups

describe('broadcast', () => {
  const t2 = () => {
    const v = txVector('T2');
    return { v, tx: transactionFromJson({ raw_data: v.raw_data, signature: v.signature }) };
  };

  it('posts the signed transaction JSON and reports success', async () => {
    const { v, tx } = t2();
    node.on('/wallet/broadcasttransaction', { json: { result: true, txid: v.txID } });
    const { client } = clientFor([node.url]);
    expect(await client.broadcastTransaction(tx)).toEqual({ ok: true, txid: v.txID });
    const body = node.received[0]?.body as Record<string, unknown>;
    expect(body).toEqual(JSON.parse(JSON.stringify(transactionToJson(tx, false))));
    expect(body).toMatchObject({ visible: false, txID: v.txID, raw_data_hex: v.raw_data_hex, signature: v.signature });
  });

  it('returns a node code with its hex message decoded, without retrying', async () => {
    const { v, tx } = t2();
    node.on('/wallet/broadcasttransaction', { json: vectorJson('broadcasttransaction_failure_visible_false') });
    const { client } = clientFor([node.url]);
    const result = await client.broadcastTransaction(tx);
    expect(result).toEqual({
      ok: false,
      txid: '77ddfa7093cc5f745c0d3a54abb89ef070f983343c05e0f89e5a52f3e5401299',
      code: 'TRANSACTION_EXPIRATION_ERROR',
      message: 'Transaction expired',
      transient: false,
    });
    expect(node.received).toHaveLength(1);
    expect(v.txID).toHaveLength(64);
  });

  it('resends the same bytes after a transport failure', async () => {
    const { v, tx } = t2();
    node.on(
      '/wallet/broadcasttransaction',
      { status: 502, raw: 'Bad Gateway' },
      { destroy: true },
      { json: { result: true, txid: v.txID } },
    );
    const { client, delays } = clientFor([node.url]);
    expect(await client.broadcastTransaction(tx)).toEqual({ ok: true, txid: v.txID });
    expect(node.received).toHaveLength(3);
    expect(node.received[2]?.body).toEqual(node.received[0]?.body);
    expect(delays).toHaveLength(2);
  });

  it('refuses an unsigned transaction', async () => {
    const { tx } = t2();
    const { client } = clientFor([node.url]);
    await expect(client.broadcastTransaction({ ...tx, signatures: [] })).rejects.toThrow(/not signed/);
    expect(node.received).toHaveLength(0);
  });

  it('broadcastHex posts the protobuf hex; its messages are UTF-8', async () => {
    const v = txVector('T2');
    const hex = v.signed_transaction_protobuf_hex as string;
    node.on(
      '/wallet/broadcasthex',
      { json: { result: true, code: 'SUCCESS', message: '', txid: v.txID } },
      { json: { result: false, code: 'DUP_TRANSACTION_ERROR', message: 'Dup transaction.', txid: v.txID } },
    );
    const { client } = clientFor([node.url]);
    expect(await client.broadcastHex(hex)).toEqual({ ok: true, txid: v.txID });
    expect(await client.broadcastHex(hex)).toEqual({
      ok: false,
      txid: v.txID,
      code: 'DUP_TRANSACTION_ERROR',
      message: 'Dup transaction.',
      transient: false,
    });
    expect(node.received[0]?.body).toEqual({ transaction: hex, visible: false });
    await expect(client.broadcastHex('zz')).rejects.toThrow(TypeError);
  });
});

describe('transaction lookups', () => {
  it('getTransactionById: null for {}, parsed otherwise', async () => {
    const v = txVector('S3');
    node.on('/wallet/gettransactionbyid', { json: {} }, { json: nodeTx(v) });
    const { client } = clientFor([node.url]);
    expect(await client.getTransactionById(v.txID)).toBeNull();
    const tx = await client.getTransactionById(v.txID.toUpperCase());
    expect(tx).toMatchObject({ txid: v.txID, contractType: 'TriggerSmartContract', contractRet: 'SUCCESS' });
    expect(tx?.transaction?.txID).toBe(v.txID);
    expect(node.received[1]?.body).toEqual({ value: v.txID, visible: false });
  });

  it('getTransactionInfoById reads the solidity API like TronWeb; {} is null', async () => {
    const info = vectorJson('gettransactioninfobyid_usdt_transfer_out_of_energy');
    node.on('/walletsolidity/gettransactioninfobyid', { json: {} }, { json: info });
    const { client } = clientFor([node.url]);
    const txid = info.id as string;
    expect(await client.getTransactionInfoById(txid, { solid: true })).toBeNull();
    const parsed = await client.getTransactionInfoById(txid, { solid: true });
    expect(parsed).toMatchObject({ failed: true, fee: 16500120n, resMessage: info.resMessage_utf8 });
    expect(node.received[0]).toMatchObject({ path: '/walletsolidity/gettransactioninfobyid', body: { value: txid, visible: false } });
    await expect(client.getTransactionInfoById('1234')).rejects.toThrow(TypeError);
  });
});

// ---------------------------------------------------------------- TronGrid v1

describe('TronGrid v1', () => {
  it('getTrc20Transfers builds the query and keeps only Transfer rows', async () => {
    const page = vectorJson('trongrid_v1_trc20_row');
    const row = (page.data as Record<string, unknown>[])[0];
    page.data = [row, { ...row, type: 'Approval' }];
    page.meta = { at: 1, page_size: 2, fingerprint: 'next-page' };
    node.on(`/v1/accounts/${ALICE}/transactions/trc20`, { json: page });
    const { client } = clientFor([node.url]);
    const result = await client.getTrc20Transfers(ALICE_HEX, {
      onlyConfirmed: true,
      onlyTo: true,
      limit: 200,
      minTimestamp: 1777445000000n,
      contractAddress: USDT_HEX,
      orderBy: 'asc',
    });
    expect(result.fingerprint).toBe('next-page');
    expect(result.transfers).toHaveLength(1);
    expect(result.transfers[0]).toMatchObject({ value: 195170000n, tokenAddress: USDT, tokenDecimals: 6 });
    expect(node.received[0]).toMatchObject({
      method: 'GET',
      query: {
        only_confirmed: 'true',
        only_to: 'true',
        limit: '200',
        min_timestamp: '1777445000000',
        contract_address: USDT,
        order_by: 'block_timestamp,asc',
      },
    });
    expect(node.received[0]?.headers['tron-pro-api-key']).toBe(API_KEY);
  });

  it('throws unless success is true', async () => {
    node.on(`/v1/accounts/${ALICE}/transactions/trc20`, { json: { success: false, error: 'invalid address', data: [] } });
    const { client } = clientFor([node.url]);
    const err = await failure(client.getTrc20Transfers(ALICE));
    expect(err).toMatchObject({ kind: 'bad_response', retryable: false });
    expect(err.message).toMatch(/invalid address/);
  });

  it('getContractEvents sends the query TronWeb sends', async () => {
    node.on(`/v1/contracts/${USDT}/events`, { json: vectorJson('trongrid_v1_contract_events') });
    const { client } = clientFor([node.url]);
    const page = await client.getContractEvents(USDT_HEX, {
      eventName: 'Transfer',
      onlyConfirmed: true,
      minBlockTimestamp: 1777445000000,
      orderBy: 'asc',
      limit: 50,
    });
    const captured = tronwebRequests().calls['event.getEventsByContractAddress']?.requests[0];
    expect(node.received[0]?.path).toBe(captured?.path);
    expect(node.received[0]?.query).toEqual(captured?.query);
    expect(page.events[0]).toMatchObject({ eventName: 'Transfer', blockNumber: 85919983n, result: { value: '1399000000' } });
  });

  it('iterators follow fingerprints until the last page, bounded by maxPages', async () => {
    const page = (fingerprint: string | undefined, tx: string) => {
      const json = vectorJson('trongrid_v1_contract_events');
      (json.data as Record<string, unknown>[])[0] = { ...(json.data as Record<string, unknown>[])[0], transaction_id: tx.repeat(64) };
      json.meta = fingerprint ? { fingerprint } : {};
      return { json };
    };
    node.on(`/v1/contracts/${USDT}/events`, (req) => {
      if (req.query.fingerprint === undefined) return page('p2', 'a');
      if (req.query.fingerprint === 'p2') return page('p3', 'b');
      return page(undefined, 'c');
    });
    const { client } = clientFor([node.url]);
    const all = [];
    for await (const e of client.iterateContractEvents(USDT, { eventName: 'Transfer', limit: 1 })) all.push(e.txid[0]);
    expect(all).toEqual(['a', 'b', 'c']);
    expect(node.received.map((r) => r.query)).toEqual([
      { event_name: 'Transfer', limit: '1' },
      { event_name: 'Transfer', limit: '1', fingerprint: 'p2' },
      { event_name: 'Transfer', limit: '1', fingerprint: 'p3' },
    ]);
    const bounded = [];
    for await (const e of client.iterateContractEvents(USDT, { maxPages: 2 })) bounded.push(e.txid[0]);
    expect(bounded).toEqual(['a', 'b']);
  });

  it('iterateTrc20Transfers stops when TronGrid gives no fingerprint', async () => {
    node.on(`/v1/accounts/${ALICE}/transactions/trc20`, { json: vectorJson('trongrid_v1_trc20_row') });
    const { client } = clientFor([node.url]);
    const rows = [];
    for await (const t of client.iterateTrc20Transfers(ALICE, { onlyConfirmed: true })) rows.push(t);
    expect(rows).toHaveLength(1);
    expect(node.received).toHaveLength(1);
  });

  it('uses eventUrls and solidityUrls when given', async () => {
    const other = await FakeNode.start();
    try {
      other.on(`/v1/accounts/${ALICE}/transactions/trc20`, { json: vectorJson('trongrid_v1_trc20_row') });
      other.on('/walletsolidity/getaccount', { json: {} });
      const { client } = clientFor([node.url], { eventUrls: [other.url], solidityUrls: [other.url] });
      await client.getTrc20Transfers(ALICE);
      await client.getAccount(ALICE, { solid: true });
      expect(other.paths()).toEqual([`/v1/accounts/${ALICE}/transactions/trc20`, '/walletsolidity/getaccount']);
      expect(node.received).toHaveLength(0);
    } finally {
      await other.close();
    }
  });
});

// ---------------------------------------------------------------- failover, retry, errors

describe('failover and retry', () => {
  it('fails over to the second URL when the first is down, and sticks to it', async () => {
    const down = await deadUrl();
    node.on('/wallet/getnowblock', { json: blockJson(7) });
    const { client, delays } = clientFor([down, node.url]);
    expect((await client.getNowBlock()).number).toBe(7n);
    expect((await client.getNowBlock()).number).toBe(7n);
    expect(node.received).toHaveLength(2);
    expect(delays).toEqual([]); // moving to the next URL within a round does not wait
  });

  it('sticks to the URL that worked: the failing first URL is not asked again', async () => {
    const first = await FakeNode.start();
    try {
      first.on('/wallet/getnowblock', { status: 500, raw: 'Internal Server Error' });
      node.on('/wallet/getnowblock', { json: blockJson(8) });
      const { client } = clientFor([first.url, node.url]);
      await client.getNowBlock();
      await client.getNowBlock();
      await client.getNowBlock();
      expect(first.received).toHaveLength(1);
      expect(node.received).toHaveLength(3);
    } finally {
      await first.close();
    }
  });

  it('after a full round of failures it backs off and starts again at the sticky URL', async () => {
    const second = await FakeNode.start();
    try {
      node.on('/wallet/getnowblock', { status: 503, raw: '' }, { json: blockJson(9) });
      second.on('/wallet/getnowblock', { destroy: true });
      const { client, delays } = clientFor([node.url, second.url]);
      expect((await client.getNowBlock()).number).toBe(9n);
      expect(node.received).toHaveLength(2);
      expect(second.received).toHaveLength(1);
      expect(delays).toEqual([50]); // full jitter: 0.5 × baseMs
    } finally {
      await second.close();
    }
  });

  it('retries 429 after the Retry-After delay', async () => {
    node.on(
      '/wallet/getnowblock',
      { status: 429, headers: { 'retry-after': '2' }, raw: '{"Error":"rate limited"}' },
      { json: blockJson(10) },
    );
    const { client, delays } = clientFor([node.url]);
    expect((await client.getNowBlock()).number).toBe(10n);
    expect(delays).toEqual([2000]);
    expect(node.received).toHaveLength(2);
  });

  it('caps Retry-After at backoff.maxMs (503)', async () => {
    node.on('/wallet/getnowblock', { status: 503, headers: { 'retry-after': '3600' } }, { json: blockJson(11) });
    const { client, delays } = clientFor([node.url]);
    await client.getNowBlock();
    expect(delays).toEqual([5000]);
  });

  it('backs off exponentially with full jitter and gives up after maxAttempts', async () => {
    node.on('/wallet/getnowblock', { status: 500, raw: 'boom' });
    const { client, delays } = clientFor([node.url]);
    const err = await failure(client.getNowBlock());
    expect(err).toMatchObject({ kind: 'http', status: 500, retryable: true, attempts: 4 });
    expect(err.message).toMatch(/gave up after 4 attempts/);
    expect(node.received).toHaveLength(4);
    expect(delays).toEqual([50, 100, 200]);
  });

  it('jitter uses the injected random and never exceeds maxMs', async () => {
    node.on('/wallet/getnowblock', { status: 500 });
    const { client, delays } = clientFor([node.url], { random: () => 0.999, maxAttempts: 8, backoff: { baseMs: 1000, maxMs: 3000 } });
    await failure(client.getNowBlock());
    expect(delays).toEqual([999, 1998, 2997, 2997, 2997, 2997, 2997]);
  });

  it('429 that never clears ends as rate_limited', async () => {
    node.on('/wallet/getnowblock', { status: 429 });
    const { client } = clientFor([node.url], { maxAttempts: 2 });
    expect(await failure(client.getNowBlock())).toMatchObject({ kind: 'rate_limited', status: 429, retryable: true, attempts: 2 });
  });

  it.each([400, 401, 403, 404])('does not retry HTTP %i', async (status) => {
    node.on('/wallet/getnowblock', { status, raw: 'nope' });
    const { client, delays } = clientFor([node.url, node.url]);
    const err = await failure(client.getNowBlock());
    expect(err).toMatchObject({ kind: 'http', status, retryable: false, attempts: 1 });
    expect(node.received).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('a slow node produces kind timeout', async () => {
    node.on('/wallet/getnowblock', { delayMs: 1_000, json: blockJson(12) });
    const { client } = clientFor([node.url], { timeoutMs: 50, maxAttempts: 1 });
    const started = Date.now();
    const err = await failure(client.getNowBlock());
    expect(err).toMatchObject({ kind: 'timeout', retryable: true });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('a timeout is retried on the next attempt', async () => {
    node.on('/wallet/getnowblock', { delayMs: 1_000, json: blockJson(1) }, { json: blockJson(13) });
    const { client } = clientFor([node.url], { timeoutMs: 50 });
    expect((await client.getNowBlock()).number).toBe(13n);
  });

  it('a closed socket produces kind network', async () => {
    node.on('/wallet/getnowblock', { destroy: true });
    const { client } = clientFor([node.url], { maxAttempts: 1 });
    expect(await failure(client.getNowBlock())).toMatchObject({ kind: 'network', retryable: true });
  });

  it('an unparseable body is retried (a proxy page), then reported as bad_response', async () => {
    node.on('/wallet/getnowblock', { raw: '<html>502</html>' }, { json: blockJson(14) });
    const { client } = clientFor([node.url]);
    expect((await client.getNowBlock()).number).toBe(14n);
    node.on('/wallet/getnowblock', { raw: '{"truncated":' });
    const err = await failure(clientFor([node.url], { maxAttempts: 2 }).client.getNowBlock());
    expect(err).toMatchObject({ kind: 'bad_response', attempts: 2 });
  });

  it('{"Error": …} with HTTP 200 is a non-retryable bad_response carrying the text', async () => {
    node.on('/wallet/getaccount', { json: vectorJson('servlet_level_error_shape') });
    const { client } = clientFor([node.url, node.url]);
    const err = await failure(client.getAccount(ALICE));
    expect(err).toMatchObject({ kind: 'bad_response', retryable: false, attempts: 1 });
    expect(err.message).toContain('Validate TransferContract error, balance is not sufficient.');
    expect(node.received).toHaveLength(1);
  });

  it('never puts the API key in errors, even when the node echoes it', async () => {
    // some providers put the key in the path (https://host/<key>/wallet/…): it is redacted there too
    node.on(`/${API_KEY}/wallet/getnowblock`, (req) => ({ status: 500, raw: `bad key ${String(req.headers['tron-pro-api-key'])}` }));
    node.on(`/${API_KEY}/wallet/getaccount`, (req) => ({ json: { Error: `key ${String(req.headers['tron-pro-api-key'])} is banned` } }));
    const { client } = clientFor([`${node.url}/${API_KEY}/`], { maxAttempts: 2 });
    const errors = [await failure(client.getNowBlock()), await failure(client.getAccount(ALICE))];
    const down = clientFor([`http://user:${API_KEY}@${(await deadUrl()).slice(7)}`], { maxAttempts: 1 }).client;
    errors.push(await failure(down.getNowBlock()));
    for (const err of errors) {
      const everything = `${err.message} ${err.url} ${err.stack} ${JSON.stringify(err)} ${String(err)}`;
      expect(everything).not.toContain(API_KEY);
    }
    expect(errors[0]?.message).toContain('[redacted]');
    expect(errors[2]?.kind).toBe('network');
  });

  it('validates addresses and options before any request', async () => {
    const { client } = clientFor([node.url]);
    await expect(client.getAccount('TNotAnAddress')).rejects.toThrow();
    await expect(client.getBlockByNumber(-1)).rejects.toThrow(RangeError);
    await expect(client.getTrc20Transfers(ALICE, { limit: 500 })).rejects.toThrow(RangeError);
    expect(node.received).toHaveLength(0);
    expect(() => createTronClient({ fullNodeUrls: [] })).toThrow(TypeError);
    expect(() => createTronClient({ fullNodeUrls: ['ftp://x'] })).toThrow(TypeError);
    expect(() => createTronClient({ fullNodeUrls: [node.url], maxAttempts: 0 })).toThrow(RangeError);
  });
});

describe('onCall', () => {
  it('reports each call once, failover and retries included, with its outcome and duration', async () => {
    node.on('/wallet/getnowblock', { status: 503, raw: '' }, { json: blockJson(11) });
    node.on('/wallet/getaccount', { json: { Error: 'class org.tron.core.exception.BadItemException' } });
    const calls: Array<{ endpoint: string; ok: boolean; seconds: number }> = [];
    const { client } = clientFor([node.url], { onCall: (call) => calls.push(call) });
    await client.getNowBlock();
    await failure(client.getAccount(ALICE));
    expect(calls.map(({ endpoint, ok }) => ({ endpoint, ok }))).toEqual([
      { endpoint: '/wallet/getnowblock', ok: true },
      { endpoint: '/wallet/getaccount', ok: false },
    ]);
    expect(calls.every((c) => c.seconds >= 0 && c.seconds < 5)).toBe(true);
  });

  it('names TronGrid endpoints by their pattern, never by the address in the path', async () => {
    node.on(`/v1/accounts/${ALICE}/transactions/trc20`, { json: vectorJson('trongrid_v1_trc20_row') });
    node.on(`/v1/contracts/${USDT}/events`, { json: vectorJson('trongrid_v1_contract_events') });
    const endpoints: string[] = [];
    const { client } = clientFor([node.url], { onCall: (call) => endpoints.push(call.endpoint) });
    await client.getTrc20Transfers(ALICE);
    await client.getContractEvents(USDT);
    expect(endpoints).toEqual(['/v1/accounts/{address}/transactions/trc20', '/v1/contracts/{address}/events']);
  });

  it('an observer that throws does not fail the call', async () => {
    node.on('/wallet/getnowblock', { json: blockJson(12) });
    const { client } = clientFor([node.url], {
      onCall: () => {
        throw new Error('observer broke');
      },
    });
    expect((await client.getNowBlock()).number).toBe(12n);
  });
});
