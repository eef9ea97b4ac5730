/**
 * Fees and resources (PROTOCOL.md §6): free bandwidth then burned bandwidth, account activation,
 * USDT energy at the chain's energy price, fee_limit, and the Tether blacklist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devnet } from '../src/devnet/devnet.js';
import { bandwidthBytes, type Transaction } from '../src/tron/transaction.js';
import { encodeAddressWord, encodeTransferParameter } from '../src/tron/trc20.js';
import {
  broadcast,
  getJson,
  newWallet,
  postJson,
  signedTransfer,
  signedUsdtTransfer,
  startTestDevnet,
  type TestWallet,
  trxBalance,
  txInfo,
  usdtBalance,
  utf8FromHex,
} from './devnet-harness.js';

const TRX = 1_000_000n;
const TO_NEW = 130_285;
const TO_HOLDER = 64_285;

type Receipt = Record<string, unknown>;

/** Broadcasts, expects acceptance, mines one block and returns the transaction info. */
async function mined(devnet: Devnet, tx: Transaction): Promise<Record<string, unknown>> {
  expect((await broadcast(devnet, tx)).json).toEqual({ result: true, txid: tx.txID });
  devnet.mine(1);
  const info = await txInfo(devnet, tx.txID);
  expect(info.id).toBe(tx.txID);
  return info;
}

/** A fresh account funded by the faucet (so its own free bandwidth is untouched). */
function funded(devnet: Devnet, amounts: { trx?: bigint; usdt?: bigint }): TestWallet {
  const wallet = newWallet();
  devnet.fund(wallet.base58, amounts);
  devnet.mine(1);
  return wallet;
}

async function freeNetUsed(devnet: Devnet, address: string): Promise<number> {
  const { json } = await postJson(`${devnet.url}/wallet/getaccountresource`, { address });
  expect(json.freeNetLimit).toBe(600);
  return (json.freeNetUsed as number | undefined) ?? 0;
}

describe('devnet fees and resources', () => {
  let devnet: Devnet;

  beforeAll(async () => {
    devnet = await startTestDevnet();
  });

  afterAll(async () => {
    await devnet.stop();
  });

  describe('bandwidth', () => {
    it('pays TRX transfers between existing accounts with free bandwidth, then burns bytes × 1000 sun', async () => {
      const sender = funded(devnet, { trx: 100n * TRX });
      const start = await trxBalance(devnet, sender.base58);
      let spent = 0n;
      let used = 0;
      for (let i = 0; i < 2; i++) {
        const tx = signedTransfer(devnet, sender, devnet.faucetAddress, TRX);
        const info = await mined(devnet, tx);
        const n = bandwidthBytes(tx);
        expect(n).toBeGreaterThan(260);
        expect(n).toBeLessThan(275);
        expect(info.fee).toBeUndefined();
        expect(info.receipt).toEqual({ net_usage: n });
        expect(info.contractResult).toEqual(['']);
        used += n;
        spent += TRX;
        expect(await freeNetUsed(devnet, sender.base58)).toBe(used);
      }
      expect(await trxBalance(devnet, sender.base58)).toBe(start - spent);

      // 600 - ~534 left: not enough for a third transfer, so all of its bytes are burned.
      const third = signedTransfer(devnet, sender, devnet.faucetAddress, TRX);
      const info = await mined(devnet, third);
      const n = bandwidthBytes(third);
      expect(info.fee).toBe(n * 1000);
      expect(info.receipt).toEqual({ net_fee: n * 1000 });
      expect(await trxBalance(devnet, sender.base58)).toBe(start - 3n * TRX - BigInt(n * 1000));
      // Burned bandwidth leaves the free usage where it was.
      expect(await freeNetUsed(devnet, sender.base58)).toBe(used);
    });

    it('charges 1 100 000 sun for activating a new account (net_fee 100 000) without touching free bandwidth', async () => {
      const sender = funded(devnet, { trx: 100n * TRX });
      const recipient = newWallet();
      const before = await trxBalance(devnet, sender.base58);
      const parentTime = devnet.chain.head.header.timestamp;
      const tx = signedTransfer(devnet, sender, recipient.base58, 5n * TRX);
      const info = await mined(devnet, tx);
      expect(info.fee).toBe(1_100_000);
      expect(info.receipt).toEqual({ net_fee: 100_000 });
      expect(await trxBalance(devnet, sender.base58)).toBe(before - 5n * TRX - 1_100_000n);
      expect(await trxBalance(devnet, recipient.base58)).toBe(5n * TRX);
      expect(await freeNetUsed(devnet, sender.base58)).toBe(0);
      const { json: account } = await postJson(`${devnet.url}/wallet/getaccount`, { address: recipient.base58 });
      // The devnet executes pending transactions at the next slot time (parent block + block time).
      expect(account.create_time).toBe(Number(parentTime) + devnet.chain.blockTimeMs);
    });
  });

  describe('USDT energy', () => {
    it('costs 130 285 energy to a non-holder and 64 285 to a holder, at 100 sun each, and the sender pays exactly `fee`', async () => {
      const sender = funded(devnet, { trx: 100n * TRX, usdt: 50n * TRX });
      const recipient = newWallet();
      let balance = await trxBalance(devnet, sender.base58);

      const first = signedUsdtTransfer(devnet, sender, recipient.base58, 10n * TRX);
      const a = await mined(devnet, first);
      expect(a.receipt).toEqual({
        energy_fee: TO_NEW * 100,
        energy_usage_total: TO_NEW,
        net_usage: bandwidthBytes(first),
        result: 'SUCCESS',
        energy_penalty_total: 100_635,
      });
      expect(a.fee).toBe(TO_NEW * 100);
      expect(a.result).toBeUndefined();
      expect(a.contractResult).toEqual(['0'.repeat(64)]);
      expect(a.contract_address).toBe(devnet.chain.token.address);
      expect(await trxBalance(devnet, sender.base58)).toBe(balance - BigInt(a.fee as number));
      balance -= BigInt(a.fee as number);

      const second = signedUsdtTransfer(devnet, sender, recipient.base58, 10n * TRX);
      const b = await mined(devnet, second);
      const receipt = b.receipt as Receipt;
      expect(receipt.energy_usage_total).toBe(TO_HOLDER);
      expect(receipt.energy_fee).toBe(TO_HOLDER * 100);
      expect(receipt.energy_penalty_total).toBe(49_635);
      expect(receipt.result).toBe('SUCCESS');
      // 345 + 345 > 600: the second transfer burns its bandwidth.
      expect(receipt.net_fee).toBe(bandwidthBytes(second) * 1000);
      expect(b.fee).toBe(TO_HOLDER * 100 + bandwidthBytes(second) * 1000);
      expect(await trxBalance(devnet, sender.base58)).toBe(balance - BigInt(b.fee as number));

      expect(await usdtBalance(devnet, recipient.base58)).toBe(20n * TRX);
      expect(await usdtBalance(devnet, sender.base58)).toBe(30n * TRX);
      // A TRC-20 transfer does not create the recipient's TRX account.
      expect((await postJson(`${devnet.url}/wallet/getaccount`, { address: recipient.base58 })).json).toEqual({});
    });

    it('answers /wallet/estimateenergy with 130 285 for a non-holder and 64 285 for a holder', async () => {
      const sender = funded(devnet, { trx: 10n * TRX, usdt: 5n * TRX });
      const estimate = async (to: string) =>
        (
          await postJson(`${devnet.url}/wallet/estimateenergy`, {
            owner_address: sender.hex,
            contract_address: devnet.chain.token.address,
            function_selector: 'transfer(address,uint256)',
            parameter: encodeTransferParameter(to, TRX),
          })
        ).json;
      expect(await estimate(newWallet().hex)).toEqual({ result: { result: true }, energy_required: TO_NEW });
      expect(await estimate(devnet.faucetAddress)).toEqual({ result: { result: true }, energy_required: TO_HOLDER });
    });

    it('fails with OUT_OF_ENERGY when fee_limit is too small: mined, fee = fee_limit, tokens not moved', async () => {
      const sender = funded(devnet, { trx: 100n * TRX, usdt: 5n * TRX });
      const recipient = newWallet();
      const before = await trxBalance(devnet, sender.base58);
      const tx = signedUsdtTransfer(devnet, sender, recipient.base58, TRX, 1_000_000n);
      const info = await mined(devnet, tx);
      expect(info.result).toBe('FAILED');
      expect((info.receipt as Receipt).result).toBe('OUT_OF_ENERGY');
      expect((info.receipt as Receipt).energy_usage_total).toBe(10_000);
      expect(info.fee).toBe(1_000_000);
      expect(info.resMessage).toMatch(/^[0-9a-f]+$/);
      expect(utf8FromHex(info.resMessage)).toMatch(/^Not enough energy for 'SSTORE' operation executing/);
      expect(info.log).toBeUndefined();
      expect(await trxBalance(devnet, sender.base58)).toBe(before - 1_000_000n);
      expect(await usdtBalance(devnet, sender.base58)).toBe(5n * TRX);
      expect(await usdtBalance(devnet, recipient.base58)).toBe(0n);
      // The failed transaction is still in the block, with OUT_OF_ENERGY as its contractRet.
      const { json } = await postJson(`${devnet.url}/wallet/gettransactionbyid`, { value: tx.txID });
      expect(json.ret).toEqual([{ contractRet: 'OUT_OF_ENERGY' }]);
      // visible=true prints resMessage as text.
      const { json: visible } = await postJson(`${devnet.url}/wallet/gettransactioninfobyid`, { value: tx.txID, visible: true });
      expect(visible.resMessage).toBe(utf8FromHex(info.resMessage));
    });

    it('mines a transfer of more than the balance with REVERT', async () => {
      const sender = funded(devnet, { trx: 100n * TRX, usdt: 5n * TRX });
      const before = await trxBalance(devnet, sender.base58);
      const tx = signedUsdtTransfer(devnet, sender, newWallet().base58, 6n * TRX);
      const info = await mined(devnet, tx);
      expect(info.result).toBe('FAILED');
      expect((info.receipt as Receipt).result).toBe('REVERT');
      expect(utf8FromHex(info.resMessage)).toBe('REVERT opcode executed');
      expect(info.fee).toBeGreaterThan(0);
      expect(await trxBalance(devnet, sender.base58)).toBe(before - BigInt(info.fee as number));
      expect(await usdtBalance(devnet, sender.base58)).toBe(5n * TRX);
    });

    it('answers triggerconstantcontract for a transfer of more than the balance with ret FAILED and a hex message', async () => {
      const sender = funded(devnet, { trx: 10n * TRX, usdt: TRX });
      const { json } = await postJson(`${devnet.url}/wallet/triggerconstantcontract`, {
        owner_address: sender.hex,
        contract_address: devnet.chain.token.address,
        function_selector: 'transfer(address,uint256)',
        parameter: encodeTransferParameter(newWallet().hex, 2n * TRX),
      });
      const transaction = json.transaction as { ret: { ret?: string }[]; txID: string };
      expect(transaction.ret[0]?.ret).toBe('FAILED');
      const result = json.result as { result: boolean; message: string };
      expect(result.result).toBe(true);
      expect(result.message).toMatch(/^[0-9a-f]+$/);
      expect(utf8FromHex(result.message)).toBe('REVERT opcode executed');
      // and a successful one has ret [{}]
      const ok = await postJson(`${devnet.url}/wallet/triggerconstantcontract`, {
        owner_address: sender.hex,
        contract_address: devnet.chain.token.address,
        function_selector: 'transfer(address,uint256)',
        parameter: encodeTransferParameter(newWallet().hex, TRX),
      });
      expect((ok.json.transaction as { ret: unknown[] }).ret).toEqual([{}]);
      expect(ok.json.energy_used).toBe(TO_NEW);
      // a constant call never moves tokens
      expect(await usdtBalance(devnet, sender.base58)).toBe(TRX);
    });
  });

  describe('blacklist', () => {
    const isListed = async (devnet: Devnet, fn: string, address: string) => {
      const { json } = await postJson(`${devnet.url}/wallet/triggerconstantcontract`, {
        contract_address: devnet.usdtAddress,
        function_selector: fn,
        parameter: encodeAddressWord(address),
        visible: true,
      });
      return BigInt(`0x${(json.constant_result as string[])[0]}`) === 1n;
    };

    it('mines a blacklisted sender’s transfer with REVERT, charges the fee, and moves no tokens', async () => {
      const sender = funded(devnet, { trx: 100n * TRX, usdt: 5n * TRX });
      const { status, json } = await postJson(`${devnet.url}/devnet/blacklist`, { address: sender.base58 });
      expect(status).toBe(200);
      expect(json).toMatchObject({ address: sender.base58, blacklisted: true });
      expect(json.txid).toMatch(/^[0-9a-f]{64}$/);
      devnet.mine(1);
      expect(await isListed(devnet, 'isBlackListed(address)', sender.hex)).toBe(true);
      expect(await isListed(devnet, 'getBlackListStatus(address)', sender.hex)).toBe(true);

      const before = await trxBalance(devnet, sender.base58);
      const recipient = newWallet();
      const tx = signedUsdtTransfer(devnet, sender, recipient.base58, TRX);
      const info = await mined(devnet, tx);
      expect(info.result).toBe('FAILED');
      expect((info.receipt as Receipt).result).toBe('REVERT');
      expect((info.receipt as Receipt).energy_fee).toBeGreaterThan(0);
      expect(await trxBalance(devnet, sender.base58)).toBe(before - BigInt(info.fee as number));
      expect(await usdtBalance(devnet, sender.base58)).toBe(5n * TRX);
      expect(await usdtBalance(devnet, recipient.base58)).toBe(0n);

      // Removing the address from the list lets it send again.
      await postJson(`${devnet.url}/devnet/blacklist`, { address: sender.base58, blacklisted: false });
      devnet.mine(1);
      expect(await isListed(devnet, 'isBlackListed(address)', sender.hex)).toBe(false);
      const again = await mined(devnet, signedUsdtTransfer(devnet, sender, recipient.base58, TRX));
      expect((again.receipt as Receipt).result).toBe('SUCCESS');
    });

    it('lets a blacklisted recipient receive (Tether checks only the sender)', async () => {
      const sender = funded(devnet, { trx: 100n * TRX, usdt: 5n * TRX });
      const listed = newWallet();
      await postJson(`${devnet.url}/devnet/blacklist`, { address: listed.hex });
      devnet.mine(1);
      expect(await isListed(devnet, 'getBlackListStatus(address)', listed.hex)).toBe(true);
      expect(await isListed(devnet, 'isBlackListed(address)', sender.hex)).toBe(false);
      const info = await mined(devnet, signedUsdtTransfer(devnet, sender, listed.base58, 2n * TRX));
      expect((info.receipt as Receipt).result).toBe('SUCCESS');
      expect(await usdtBalance(devnet, listed.base58)).toBe(2n * TRX);
    });
  });
});

describe('devnet with a different energy price', () => {
  let devnet: Devnet;

  beforeAll(async () => {
    devnet = await startTestDevnet({ params: { energyFee: 210n } });
  });

  afterAll(async () => {
    await devnet.stop();
  });

  it('reports getEnergyFee 210 in /wallet/getchainparameters and /wallet/getenergyprices', async () => {
    const { json } = await getJson(`${devnet.url}/wallet/getchainparameters`);
    const params = json.chainParameter as { key: string; value?: number }[];
    expect(params.find((p) => p.key === 'getEnergyFee')).toEqual({ key: 'getEnergyFee', value: 210 });
    expect(params.find((p) => p.key === 'getTransactionFee')).toEqual({ key: 'getTransactionFee', value: 1000 });
    expect(params.find((p) => p.key === 'getFreeNetLimit')).toEqual({ key: 'getFreeNetLimit', value: 600 });
    expect((await getJson(`${devnet.url}/wallet/getenergyprices`)).json).toEqual({ prices: '0:210' });
    expect((await getJson(`${devnet.url}/devnet/info`)).json.energy_fee).toBe(210);
  });

  it('charges 210 sun per energy', async () => {
    const sender = newWallet();
    devnet.fund(sender.base58, { trx: 100n * TRX, usdt: 5n * TRX });
    devnet.mine(1);
    const before = await trxBalance(devnet, sender.base58);
    const tx = signedUsdtTransfer(devnet, sender, newWallet().base58, TRX);
    const info = await mined(devnet, tx);
    expect((info.receipt as Receipt).energy_fee).toBe(TO_NEW * 210);
    expect((info.receipt as Receipt).energy_usage_total).toBe(TO_NEW);
    expect(info.fee).toBe(TO_NEW * 210);
    expect(await trxBalance(devnet, sender.base58)).toBe(before - BigInt(TO_NEW * 210));
  });

  it('caps energy at fee_limit / 210', async () => {
    const sender = newWallet();
    devnet.fund(sender.base58, { trx: 100n * TRX, usdt: 5n * TRX });
    devnet.mine(1);
    const info = await mined(devnet, signedUsdtTransfer(devnet, sender, newWallet().base58, TRX, 2_100_000n));
    expect((info.receipt as Receipt).result).toBe('OUT_OF_ENERGY');
    expect((info.receipt as Receipt).energy_usage_total).toBe(10_000);
    expect(info.fee).toBe(2_100_000);
  });
});
