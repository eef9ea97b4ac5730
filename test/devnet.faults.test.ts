/**
 * Fault injection through POST /devnet/faults: paused blocks, dropped and delayed broadcasts,
 * 5xx and 429 answers on the chain API while /devnet/* keeps working, validation and reset.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Devnet } from '../src/devnet/devnet.js';
import { bytesToHex } from '../src/tron/bytes.js';
import { encodeSignedTransaction } from '../src/tron/transaction.js';
import { broadcast, getJson, newWallet, postJson, signedTransfer, startTestDevnet, type TestWallet } from './devnet-harness.js';

const TRX = 1_000_000n;
const NO_FAULTS = {
  pause_blocks: false,
  drop_broadcasts: 0,
  delay_broadcasts_ms: 0,
  error_rate: 0,
  error_status: 503,
  rate_limit_rate: 0,
  reorg_every_blocks: 0,
  reorg_depth: 1,
  reorg_drop_rate: 0,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('devnet fault injection', () => {
  let devnet: Devnet;
  let payer: TestWallet;
  const faults = (body: unknown) => postJson(`${devnet.url}/devnet/faults`, body);

  beforeAll(async () => {
    devnet = await startTestDevnet();
    payer = newWallet();
    devnet.fund(payer.base58, { trx: 100n * TRX });
    devnet.mine(1);
  });

  afterEach(async () => {
    await faults({ reset: true });
  });

  afterAll(async () => {
    await devnet.stop();
  });

  it('GET /devnet/faults shows the current settings; POST merges and answers them', async () => {
    expect((await getJson(`${devnet.url}/devnet/faults`)).json).toEqual(NO_FAULTS);
    const { status, json } = await faults({ delay_broadcasts_ms: 10, error_status: 502 });
    expect(status).toBe(200);
    expect(json).toEqual({ ...NO_FAULTS, delay_broadcasts_ms: 10, error_status: 502 });
    expect((await faults({ drop_broadcasts: 0.25 })).json).toEqual({
      ...NO_FAULTS,
      delay_broadcasts_ms: 10,
      error_status: 502,
      drop_broadcasts: 0.25,
    });
    expect((await getJson(`${devnet.url}/devnet/faults`)).json).toEqual({
      ...NO_FAULTS,
      delay_broadcasts_ms: 10,
      error_status: 502,
      drop_broadcasts: 0.25,
    });
  });

  it('{"reset": true} clears every fault (and may set new ones in the same request)', async () => {
    await faults({
      pause_blocks: true,
      drop_broadcasts: 1,
      delay_broadcasts_ms: 5,
      error_rate: 0.5,
      error_status: 500,
      rate_limit_rate: 0.5,
    });
    expect((await faults({ reset: true })).json).toEqual(NO_FAULTS);
    expect(devnet.faults).toEqual({
      pauseBlocks: false,
      dropBroadcasts: 0,
      delayBroadcastsMs: 0,
      errorRate: 0,
      errorStatus: 503,
      rateLimitRate: 0,
      reorgEveryBlocks: 0,
      reorgDepth: 1,
      reorgDropRate: 0,
    });
    await faults({ error_rate: 0.5 });
    expect((await faults({ reset: true, drop_broadcasts: 1 })).json).toEqual({ ...NO_FAULTS, drop_broadcasts: 1 });
  });

  it('answers 400 naming the key for invalid settings, and changes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ pause_blocks: 'yes' }, 'pause_blocks'],
      [{ drop_broadcasts: 1.5 }, 'drop_broadcasts'],
      [{ drop_broadcasts: -0.1 }, 'drop_broadcasts'],
      [{ error_rate: '1' }, 'error_rate'],
      [{ error_status: 404 }, 'error_status'],
      [{ error_status: 502.5 }, 'error_status'],
      [{ delay_broadcasts_ms: -1 }, 'delay_broadcasts_ms'],
      [{ delay_broadcasts_ms: 600_001 }, 'delay_broadcasts_ms'],
      [{ rate_limit_rate: null }, 'rate_limit_rate'],
      [{ slow_blocks: true }, 'slow_blocks'],
    ];
    for (const [body, key] of cases) {
      const { status, json } = await faults({ error_rate: 0.5, ...body });
      expect(status, JSON.stringify(body)).toBe(400);
      const errors = json.errors as { path: string; message: string }[];
      expect(errors.map((e) => e.path)).toEqual([key]);
      expect(errors[0]?.message).toEqual(expect.any(String));
    }
    expect((await getJson(`${devnet.url}/devnet/faults`)).json).toEqual(NO_FAULTS);
    const many = await faults({ pause_blocks: 1, error_status: 200 });
    expect((many.json.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['error_status', 'pause_blocks']);
  });

  it('pause_blocks makes /devnet/mine answer 409 until unpaused', async () => {
    const head = devnet.chain.head.number;
    await faults({ pause_blocks: true });
    const { status, json } = await postJson(`${devnet.url}/devnet/mine`, { blocks: 1 });
    expect(status).toBe(409);
    expect(json.code).toBe('PAUSED');
    expect(devnet.chain.head.number).toBe(head);
    await faults({ pause_blocks: false });
    const resumed = await postJson(`${devnet.url}/devnet/mine`, { blocks: 1 });
    expect(resumed.status).toBe(200);
    expect(resumed.json.head_block).toBe(Number(head) + 1);
  });

  it('drop_broadcasts: 1 answers {result:true, txid} but the transaction never appears', async () => {
    await faults({ drop_broadcasts: 1 });
    const tx = signedTransfer(devnet, payer, devnet.faucetAddress, TRX);
    expect((await broadcast(devnet, tx)).json).toEqual({ result: true, txid: tx.txID });
    const hexTx = signedTransfer(devnet, payer, devnet.faucetAddress, 2n * TRX);
    const hex = await postJson(`${devnet.url}/wallet/broadcasthex`, { transaction: bytesToHex(encodeSignedTransaction(hexTx)) });
    expect(hex.json).toMatchObject({ result: true, code: 'SUCCESS', txid: hexTx.txID });
    devnet.mine(2);
    for (const txid of [tx.txID, hexTx.txID]) {
      expect((await postJson(`${devnet.url}/wallet/gettransactionbyid`, { value: txid })).json).toEqual({});
      expect((await postJson(`${devnet.url}/wallet/gettransactioninfobyid`, { value: txid })).json).toEqual({});
    }
    // It was never executed, so it can still be broadcast once the fault is cleared.
    await faults({ reset: true });
    expect((await broadcast(devnet, tx)).json).toEqual({ result: true, txid: tx.txID });
    devnet.mine(1);
    expect(devnet.chain.transaction(tx.txID)).toBeDefined();
  });

  it('delay_broadcasts_ms delays the broadcast answer but not reads', async () => {
    // Margins are wide so a loaded CI machine cannot make a read look delayed.
    await faults({ delay_broadcasts_ms: 500 });
    const tx = signedTransfer(devnet, payer, devnet.faucetAddress, TRX);
    const started = performance.now();
    expect((await broadcast(devnet, tx)).json.result).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(490);
    const readStarted = performance.now();
    await getJson(`${devnet.url}/wallet/getnowblock`);
    expect(performance.now() - readStarted).toBeLessThan(400);
  });

  it('error_rate: 1 with error_status: 502 answers 502 on /wallet/*, /walletsolidity/* and /v1/*, while /devnet/* keeps working', async () => {
    await faults({ error_rate: 1, error_status: 502 });
    for (const path of ['/wallet/getnowblock', '/walletsolidity/getnowblock', `/v1/accounts/${payer.base58}/transactions/trc20`]) {
      const res = await fetch(`${devnet.url}${path}`);
      expect(res.status, path).toBe(502);
      expect(((await res.json()) as { Error: string }).Error).toMatch(/fault/);
    }
    const tx = signedTransfer(devnet, payer, devnet.faucetAddress, TRX);
    expect((await broadcast(devnet, tx)).status).toBe(502);
    expect(devnet.chain.isPending(tx.txID)).toBe(false);
    expect((await getJson(`${devnet.url}/devnet/info`)).status).toBe(200);
    expect((await postJson(`${devnet.url}/devnet/mine`, {})).status).toBe(200);
    expect((await postJson(`${devnet.url}/devnet/faucet`, { address: newWallet().base58, trx: '1' })).status).toBe(200);
    // the escape hatch works under the fault
    expect((await faults({ reset: true })).status).toBe(200);
    expect((await getJson(`${devnet.url}/wallet/getnowblock`)).status).toBe(200);
  });

  it('rate_limit_rate: 1 answers 429 with Retry-After on the chain API only', async () => {
    await faults({ rate_limit_rate: 1 });
    const res = await fetch(`${devnet.url}/wallet/getnowblock`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await res.json()) as { Error: string }).Error).toMatch(/rate/);
    expect((await getJson(`${devnet.url}/devnet/faults`)).status).toBe(200);
  });
});

describe('devnet fault injection in timed mode', () => {
  let devnet: Devnet;

  beforeAll(async () => {
    devnet = await Devnet.start({ port: 0, manual: false, blockTimeMs: 40, solidifyLag: 2 });
  });

  afterAll(async () => {
    await devnet.stop();
  });

  async function waitForHead(above: bigint, timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (devnet.chain.head.number <= above) {
      if (Date.now() > deadline) throw new Error(`head stayed at ${devnet.chain.head.number}`);
      await sleep(10);
    }
  }

  it('pause_blocks stops timed production and unpausing resumes it', async () => {
    await waitForHead(0n);
    await postJson(`${devnet.url}/devnet/faults`, { pause_blocks: true });
    const paused = devnet.chain.head.number;
    await sleep(200);
    expect(devnet.chain.head.number).toBe(paused);
    expect((await postJson(`${devnet.url}/devnet/mine`, {})).status).toBe(409);
    expect((await getJson(`${devnet.url}/devnet/info`)).json.head_block).toBe(Number(paused));
    await postJson(`${devnet.url}/devnet/faults`, { pause_blocks: false });
    await waitForHead(paused + 1n);
    expect(devnet.chain.head.number).toBeGreaterThan(paused + 1n);
  });
});
