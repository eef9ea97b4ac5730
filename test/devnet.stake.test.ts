/**
 * Stake 2.0 on the devnet through TronWeb 6, unchanged: staking, delegation, undelegation, unstaking,
 * withdrawal after the (shortened) delay, cancelling unstakes, java-tron's validation messages, which
 * resource pays a USDT transfer or a TRX transfer, recovery over the (shortened) window, and a restart;
 * also the toolkit's own builders through broadcasthex.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TronWeb } from 'tronweb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devnet } from '../src/devnet/devnet.js';
import { bytesToHex, hexToBytes } from '../src/tron/bytes.js';
import {
  buildDelegateResource,
  buildFreezeBalanceV2,
  encodeSignedTransaction,
  signTransaction,
  type Transaction,
} from '../src/tron/transaction.js';
import { getJson, mineUntilSolid, newWallet, postJson, startTestDevnet, type TestWallet, txCommon, txInfo } from './devnet-harness.js';

const TRX = 1_000_000;
const WINDOW_MS = 600_000;
const DELAY_MS = 60_000;
const TOTAL_ENERGY_LIMIT = 180_000_000_000;
const TOTAL_NET_LIMIT = 43_200_000_000;

type Json = Record<string, unknown>;
/** any unsigned transaction TronWeb's transactionBuilder returns */
type Tx = { txID: string };

describe('Stake 2.0 on the devnet through TronWeb', () => {
  let devnet: Devnet;

  beforeAll(async () => {
    devnet = await startTestDevnet({ resourceWindowMs: WINDOW_MS, unfreezeDelayMs: DELAY_MS });
  });

  afterAll(async () => {
    await devnet.stop();
  });

  /** A fresh account funded by the faucet, with a TronWeb signing for it. */
  function funded(trx: number, usdt = 0): { wallet: TestWallet; tw: TronWeb } {
    const wallet = newWallet();
    devnet.fund(wallet.base58, { trx: BigInt(trx * TRX), ...(usdt ? { usdt: BigInt(usdt * TRX) } : {}) });
    devnet.mine(1);
    return { wallet, tw: new TronWeb({ fullHost: devnet.url, privateKey: wallet.privateKey }) };
  }

  async function broadcast(tw: TronWeb, tx: Tx) {
    return tw.trx.sendRawTransaction(await tw.trx.sign(tx as never));
  }

  /** Signs, broadcasts, expects acceptance, mines and returns the transaction info. */
  async function executed(tw: TronWeb, tx: Tx): Promise<Json> {
    const result = await broadcast(tw, tx);
    expect(result.result).toBe(true);
    devnet.mine(1);
    return txInfo(devnet, tx.txID);
  }

  /** The broadcast error for a transaction java-tron's actuator refuses. */
  async function refused(tw: TronWeb, tx: Tx): Promise<string> {
    const result = await broadcast(tw, tx);
    expect(result.code).toBe('CONTRACT_VALIDATE_ERROR');
    return tw.toUtf8(result.message as string);
  }

  const account = async (address: string): Promise<Json> => (await postJson(`${devnet.url}/wallet/getaccount`, { address })).json;
  const resources = async (address: string): Promise<Record<string, number>> =>
    (await postJson(`${devnet.url}/wallet/getaccountresource`, { address })).json as Record<string, number>;
  const nextSlot = () => Number(devnet.chain.head.header.timestamp) + devnet.chain.blockTimeMs;

  /**
   * Energy usage `usage`, recorded at the account's latest consumption, as it reads now: mining a block moves the
   * clock by the real time between blocks, over which usage recovers linearly (ResourceProcessor.increase).
   */
  async function recovered(address: string, usage: number): Promise<number> {
    const consumedAt = (await account(address)).account_resource as Json;
    const elapsed = nextSlot() - (consumedAt.latest_consume_time_for_energy as number);
    return Math.round((usage * (WINDOW_MS - elapsed)) / WINDOW_MS);
  }

  describe('staking', () => {
    it('freezes TRX for energy: frozenV2, the network weight, EnergyLimit and tron power move as on java-tron', async () => {
      const { wallet, tw } = funded(20_000);
      const before = await resources(wallet.hex);
      expect(before.EnergyLimit).toBeUndefined();
      const info = await executed(tw, await tw.transactionBuilder.freezeBalanceV2(10_000 * TRX, 'ENERGY', wallet.base58));
      expect(info.receipt).toEqual({ net_usage: expect.any(Number) });
      expect(info.fee).toBeUndefined();

      const acc = await account(wallet.hex);
      expect(acc.balance).toBe(10_000 * TRX);
      expect(acc.frozenV2).toEqual([{}, { type: 'ENERGY', amount: 10_000 * TRX }, { type: 'TRON_POWER' }]);
      const after = await resources(wallet.hex);
      expect(after.TotalEnergyWeight).toBe((before.TotalEnergyWeight as number) + 10_000);
      expect(after.TotalEnergyLimit).toBe(TOTAL_ENERGY_LIMIT);
      expect(after.EnergyLimit).toBe(Math.trunc(10_000 * (TOTAL_ENERGY_LIMIT / (after.TotalEnergyWeight as number))));
      expect(after.EnergyLimit).toBeGreaterThan(100_000);
      expect(after.EnergyUsed).toBeUndefined();
      expect(after.tronPowerLimit).toBe(10_000);
      expect(after.freeNetLimit).toBe(600);
    });

    it('refuses amounts below 1 TRX and above the balance with java-tron messages', async () => {
      const { wallet, tw } = funded(100);
      expect(await refused(tw, await tw.transactionBuilder.freezeBalanceV2(TRX - 1, 'ENERGY', wallet.base58))).toBe(
        'Contract validate error : frozenBalance must be greater than or equal to 1 TRX',
      );
      expect(await refused(tw, await tw.transactionBuilder.freezeBalanceV2(101 * TRX, 'BANDWIDTH', wallet.base58))).toBe(
        'Contract validate error : frozenBalance must be less than or equal to accountBalance',
      );
      // the node-side builder answers with the same validation, as java-tron's servlets do
      const built = await postJson(`${devnet.url}/wallet/freezebalancev2`, { owner_address: wallet.hex, frozen_balance: 500_000 });
      expect(built.json).toEqual({
        Error: 'class org.tron.core.exception.ContractValidateException : frozenBalance must be greater than or equal to 1 TRX',
      });
      const ok = await postJson(`${devnet.url}/wallet/freezebalancev2`, {
        owner_address: wallet.base58,
        frozen_balance: 5 * TRX,
        resource: 'ENERGY',
        visible: true,
      });
      expect(ok.json.raw_data).toMatchObject({
        contract: [
          {
            type: 'FreezeBalanceV2Contract',
            parameter: { value: { owner_address: wallet.base58, frozen_balance: 5 * TRX, resource: 'ENERGY' } },
          },
        ],
      });
      const signed = await tw.trx.sign(ok.json as never);
      expect((await tw.trx.sendRawTransaction(signed)).result).toBe(true);
    });

    it('publishes the resource chain parameters at mainnet magnitude', async () => {
      const { json } = await postJson(`${devnet.url}/wallet/getchainparameters`, {});
      const params = new Map((json.chainParameter as { key: string; value?: number }[]).map((p) => [p.key, p.value]));
      expect(params.get('getTotalEnergyCurrentLimit')).toBe(TOTAL_ENERGY_LIMIT);
      expect(params.get('getTotalEnergyLimit')).toBe(TOTAL_ENERGY_LIMIT);
      expect(params.get('getTotalNetLimit')).toBe(TOTAL_NET_LIMIT);
      expect(params.get('getFreeNetLimit')).toBe(600);
      expect(params.get('getEnergyFee')).toBe(100);
      expect(params.get('getAllowDelegateResource')).toBe(1);
      expect(params.get('getUnfreezeDelayDays')).toBe(1); // 60 s rounds up to a whole day
      expect(params.get('getMaxDelegateLockPeriod')).toBe(864_000);
    });
  });

  describe('delegation and the energy a USDT transfer uses', () => {
    let staker: { wallet: TestWallet; tw: TronWeb };
    let user: { wallet: TestWallet; tw: TronWeb };

    beforeAll(async () => {
      staker = funded(20_000);
      user = funded(100, 1_000);
      await executed(staker.tw, await staker.tw.transactionBuilder.freezeBalanceV2(10_000 * TRX, 'ENERGY', staker.wallet.base58));
    });

    it('refuses more than the available stake, a receiver that does not exist, and itself as receiver', async () => {
      const { tw, wallet } = staker;
      expect(
        await refused(tw, await tw.transactionBuilder.delegateResource(10_001 * TRX, user.wallet.base58, 'ENERGY', wallet.base58)),
      ).toBe('Contract validate error : delegateBalance must be less than or equal to available FreezeEnergyV2 balance');
      expect(await refused(tw, await tw.transactionBuilder.delegateResource(TRX / 2, user.wallet.base58, 'ENERGY', wallet.base58))).toBe(
        'Contract validate error : delegateBalance must be greater than or equal to 1 TRX',
      );
      const stranger = newWallet();
      expect(await refused(tw, await tw.transactionBuilder.delegateResource(TRX, stranger.base58, 'ENERGY', wallet.base58))).toBe(
        `Contract validate error : Account[${stranger.hex}] not exists`,
      );
      // TronWeb refuses to build a delegation to oneself, so ask the node's builder
      const self = await postJson(`${devnet.url}/wallet/delegateresource`, {
        owner_address: wallet.hex,
        receiver_address: wallet.hex,
        balance: TRX,
        resource: 'ENERGY',
      });
      expect(self.json).toEqual({
        Error: 'class org.tron.core.exception.ContractValidateException : receiverAddress must not be the same as ownerAddress',
      });
      expect(await tw.trx.getCanDelegatedMaxSize(wallet.base58, 'ENERGY', { confirmed: false })).toEqual({ max_size: 10_000 * TRX });
    });

    it('delegates energy: both accounts, the delegation record and the account index show it', async () => {
      const { tw, wallet } = staker;
      await executed(tw, await tw.transactionBuilder.delegateResource(5_000 * TRX, user.wallet.base58, 'ENERGY', wallet.base58));
      mineUntilSolid(devnet);

      expect(await tw.trx.getDelegatedResourceV2(wallet.base58, user.wallet.base58)).toEqual({
        delegatedResource: [{ from: wallet.hex, to: user.wallet.hex, frozen_balance_for_energy: 5_000 * TRX }],
      });
      expect(await tw.trx.getDelegatedResourceAccountIndexV2(wallet.base58)).toEqual({
        account: wallet.hex,
        toAccounts: [user.wallet.hex],
      });
      expect(await tw.trx.getDelegatedResourceAccountIndexV2(user.wallet.base58)).toEqual({
        account: user.wallet.hex,
        fromAccounts: [wallet.hex],
      });
      expect(await tw.trx.getCanDelegatedMaxSize(wallet.base58, 'ENERGY')).toEqual({ max_size: 5_000 * TRX });
      const visible = await postJson(`${devnet.url}/walletsolidity/getdelegatedresourcev2`, {
        fromAddress: wallet.base58,
        toAddress: user.wallet.base58,
        visible: true,
      });
      expect(visible.json).toEqual({
        delegatedResource: [{ from: wallet.base58, to: user.wallet.base58, frozen_balance_for_energy: 5_000 * TRX }],
      });

      const owner = await account(wallet.hex);
      expect(owner.frozenV2).toEqual([{}, { type: 'ENERGY', amount: 5_000 * TRX }, { type: 'TRON_POWER' }]);
      expect(owner.account_resource).toMatchObject({ delegated_frozenV2_balance_for_energy: 5_000 * TRX });
      const receiver = await account(user.wallet.hex);
      expect(receiver.account_resource).toMatchObject({ acquired_delegated_frozenV2_balance_for_energy: 5_000 * TRX });
      const ownerResources = await resources(wallet.hex);
      expect(ownerResources.tronPowerLimit).toBe(10_000); // lent stake still votes
      const userResources = await tw.trx.getAccountResources(user.wallet.base58);
      expect(userResources.EnergyLimit).toBe(Math.trunc(5_000 * (TOTAL_ENERGY_LIMIT / (userResources.TotalEnergyWeight as number))));
      expect(userResources.EnergyLimit).toBeGreaterThan(64_285);
    });

    it('pays a USDT transfer with delegated energy, then burns only what the stake no longer covers, and recovers over the window', async () => {
      const { tw, wallet } = user;
      const usdt = await tw.contract().at(devnet.usdtAddress);
      const holder = devnet.faucetAddress; // holds USDT: 64,285 energy
      const limit = (await resources(wallet.hex)).EnergyLimit as number;

      const first = await usdt.transfer(holder, 10 * TRX).send({ feeLimit: 30 * TRX });
      devnet.mine(1);
      const paid = await txInfo(devnet, first);
      expect(paid.receipt).toMatchObject({ energy_usage: 64_285, energy_usage_total: 64_285, result: 'SUCCESS' });
      expect((paid.receipt as Json).energy_fee).toBeUndefined();
      expect(paid.fee).toBeUndefined(); // bandwidth from the free allowance, energy from the stake

      // Read what is left at the slot the next transaction executes in, then spend past it.
      const before = await resources(wallet.hex);
      const left = limit - (before.EnergyUsed as number);
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThan(64_285);
      const second = await usdt.transfer(holder, 10 * TRX).send({ feeLimit: 30 * TRX });
      devnet.mine(1);
      const partly = await txInfo(devnet, second);
      expect(partly.receipt).toMatchObject({ energy_usage: left, energy_fee: (64_285 - left) * 100, energy_usage_total: 64_285 });
      // the block's receipts say the same
      const byBlock = (await postJson(`${devnet.url}/wallet/gettransactioninfobyblocknum`, { num: partly.blockNumber }))
        .json as unknown as Json[];
      expect(byBlock.find((i) => i.id === second)?.receipt).toEqual(partly.receipt);
      const partlyReceipt = partly.receipt as { net_fee?: number }; // the free bandwidth ran out too
      expect(partly.fee).toBe((64_285 - left) * 100 + (partlyReceipt.net_fee ?? 0));
      expect((await resources(wallet.hex)).EnergyUsed).toBe(await recovered(wallet.hex, limit)); // all of it was used

      // Half a window later about half the usage has recovered, linearly.
      devnet.advanceTime(WINDOW_MS / 2);
      devnet.mine(1);
      const used = (await resources(wallet.hex)).EnergyUsed as number;
      expect(used).toBe(await recovered(wallet.hex, limit));
      expect(used / limit).toBeGreaterThan(0.45);
      expect(used / limit).toBeLessThan(0.55);

      const third = await usdt.transfer(holder, 10 * TRX).send({ feeLimit: 30 * TRX });
      devnet.mine(1);
      expect((await txInfo(devnet, third)).receipt).toMatchObject({
        energy_usage: limit - used,
        energy_fee: (64_285 - (limit - used)) * 100,
      });
    });

    it('sweeps USDT from an activated address holding no TRX on delegated energy and free bandwidth alone', async () => {
      const hot = funded(20_000);
      await executed(hot.tw, await hot.tw.transactionBuilder.freezeBalanceV2(15_000 * TRX, 'ENERGY', hot.wallet.base58));
      const deposit = newWallet();
      devnet.fund(deposit.base58, { usdt: 50n * 1_000_000n }); // the token transfer does not activate it
      devnet.mine(1);
      expect(await account(deposit.hex)).toEqual({});
      await executed(hot.tw, await hot.tw.transactionBuilder.createAccount(deposit.base58, hot.wallet.base58));
      // ≈ 134,600 energy: enough for a transfer to a new holder (130,285), which is what it must pay in full
      await executed(hot.tw, await hot.tw.transactionBuilder.delegateResource(10_000 * TRX, deposit.base58, 'ENERGY', hot.wallet.base58));
      expect((await account(deposit.hex)).balance).toBeUndefined();

      const tw = new TronWeb({ fullHost: devnet.url, privateKey: deposit.privateKey });
      const usdt = await tw.contract().at(devnet.usdtAddress);
      // fee_limit caps staked energy too (VMActuator.getAccountEnergyLimitWithFixRatio): 10 TRX would stop at 100,000
      const txid = await usdt.transfer(hot.wallet.base58, 50 * TRX).send({ feeLimit: 15 * TRX });
      devnet.mine(1);
      const info = await txInfo(devnet, txid);
      expect(info.fee).toBeUndefined();
      expect(info.receipt).toEqual({
        energy_usage: 130_285, // the hot wallet held no USDT before
        energy_usage_total: 130_285,
        net_usage: expect.any(Number),
        result: 'SUCCESS',
        energy_penalty_total: 100_635,
      });
      expect((await account(deposit.hex)).balance).toBeUndefined();

      // taking the delegation back hands the usage it carried to the hot wallet: that stake is busy until it recovers
      await executed(hot.tw, await hot.tw.transactionBuilder.undelegateResource(10_000 * TRX, deposit.base58, 'ENERGY', hot.wallet.base58));
      expect((await resources(hot.wallet.hex)).EnergyUsed).toBeGreaterThan(130_000);
      expect((await resources(deposit.hex)).EnergyUsed).toBeUndefined();
    });

    it('does not create the account of a TRC-20 receiver', async () => {
      const stranger = newWallet();
      const usdt = await user.tw.contract().at(devnet.usdtAddress);
      const txid = await usdt.transfer(stranger.base58, TRX).send({ feeLimit: 30 * TRX });
      devnet.mine(1);
      expect(((await txInfo(devnet, txid)).receipt as Json).result).toBe('SUCCESS');
      expect(await account(stranger.hex)).toEqual({});
    });

    it('undelegates: refuses more than delegated, returns the stake and hands over the usage it carried', async () => {
      const { tw, wallet } = staker;
      expect(
        await refused(tw, await tw.transactionBuilder.undelegateResource(5_001 * TRX, user.wallet.base58, 'ENERGY', wallet.base58)),
      ).toBe('Contract validate error : insufficient delegateFrozenBalance(Energy), request=5001000000, unlock_balance=5000000000');
      const userUsed = (await resources(user.wallet.hex)).EnergyUsed as number;
      expect(userUsed).toBeGreaterThan(0);
      await executed(tw, await tw.transactionBuilder.undelegateResource(5_000 * TRX, user.wallet.base58, 'ENERGY', wallet.base58));

      const userAfter = await resources(user.wallet.hex);
      expect(userAfter.EnergyLimit).toBeUndefined();
      expect(userAfter.EnergyUsed).toBeUndefined(); // its usage was all carried by the returned stake
      const ownerAfter = await resources(wallet.hex);
      // the usage moved at execution, recovered since by the few ms the block took
      expect(ownerAfter.EnergyUsed).toBeGreaterThan(userUsed * 0.99);
      expect(ownerAfter.EnergyUsed).toBeLessThanOrEqual(userUsed);
      expect((await account(wallet.hex)).frozenV2).toEqual([{}, { type: 'ENERGY', amount: 10_000 * TRX }, { type: 'TRON_POWER' }]);
      expect(await tw.trx.getDelegatedResourceV2(wallet.base58, user.wallet.base58, { confirmed: false })).toEqual({});
      expect(await tw.trx.getDelegatedResourceAccountIndexV2(wallet.base58, { confirmed: false })).toEqual({ account: wallet.hex });
      expect(await refused(tw, await tw.transactionBuilder.undelegateResource(TRX, user.wallet.base58, 'ENERGY', wallet.base58))).toBe(
        'Contract validate error : delegated Resource does not exist',
      );
    });

    it('keeps a locked delegation until its lock period has passed', async () => {
      const { tw, wallet } = staker;
      const lockBlocks = 100; // 300 s at java-tron's 3 s block interval
      await executed(
        tw,
        await tw.transactionBuilder.delegateResource(1_000 * TRX, user.wallet.base58, 'ENERGY', wallet.base58, true, lockBlocks),
      );
      const record = (await tw.trx.getDelegatedResourceV2(wallet.base58, user.wallet.base58, { confirmed: false })) as {
        delegatedResource: Json[];
      };
      expect(record.delegatedResource).toEqual([
        {
          from: wallet.hex,
          to: user.wallet.hex,
          frozen_balance_for_energy: 1_000 * TRX,
          expire_time_for_energy: expect.any(Number),
        },
      ]);
      expect(
        await refused(tw, await tw.transactionBuilder.undelegateResource(1_000 * TRX, user.wallet.base58, 'ENERGY', wallet.base58)),
      ).toBe('Contract validate error : insufficient delegateFrozenBalance(Energy), request=1000000000, unlock_balance=0');
      devnet.advanceTime(lockBlocks * 3000 + 1);
      devnet.mine(1);
      await executed(tw, await tw.transactionBuilder.undelegateResource(1_000 * TRX, user.wallet.base58, 'ENERGY', wallet.base58));
      expect((await account(user.wallet.hex)).account_resource).not.toHaveProperty('acquired_delegated_frozenV2_balance_for_energy');
    });
  });

  describe('unstaking', () => {
    it('unfreezes, refuses an early withdrawal, withdraws after the delay', async () => {
      const { wallet, tw } = funded(500);
      await executed(tw, await tw.transactionBuilder.freezeBalanceV2(100 * TRX, 'ENERGY', wallet.base58));
      expect(await refused(tw, await tw.transactionBuilder.unfreezeBalanceV2(101 * TRX, 'ENERGY', wallet.base58))).toBe(
        'Contract validate error : Invalid unfreeze_balance, [101000000] is error',
      );
      expect(await refused(tw, await tw.transactionBuilder.unfreezeBalanceV2(TRX, 'BANDWIDTH', wallet.base58))).toBe(
        'Contract validate error : no frozenBalance(BANDWIDTH)',
      );
      const executesAt = nextSlot();
      await executed(tw, await tw.transactionBuilder.unfreezeBalanceV2(40 * TRX, 'ENERGY', wallet.base58));
      const expire = executesAt + DELAY_MS;
      const acc = await account(wallet.hex);
      expect(acc.unfrozenV2).toEqual([{ type: 'ENERGY', unfreeze_amount: 40 * TRX, unfreeze_expire_time: expire }]);
      expect(acc.frozenV2).toEqual([{}, { type: 'ENERGY', amount: 60 * TRX }, { type: 'TRON_POWER' }]);
      expect(await tw.trx.getAvailableUnfreezeCount(wallet.base58, { confirmed: false })).toEqual({ count: 31 });
      expect(await tw.trx.getCanWithdrawUnfreezeAmount(wallet.base58, expire - 1, { confirmed: false })).toEqual({});
      expect(await tw.trx.getCanWithdrawUnfreezeAmount(wallet.base58, expire, { confirmed: false })).toEqual({ amount: 40 * TRX });

      expect(await refused(tw, await tw.transactionBuilder.withdrawExpireUnfreeze(wallet.base58))).toBe(
        'Contract validate error : no unFreeze balance to withdraw ',
      );
      devnet.advanceTime(DELAY_MS);
      devnet.mine(1);
      const balance = (await account(wallet.hex)).balance as number;
      const info = await executed(tw, await tw.transactionBuilder.withdrawExpireUnfreeze(wallet.base58));
      expect(info.withdraw_expire_amount).toBe(40 * TRX);
      const after = await account(wallet.hex);
      expect(after.balance).toBe(balance + 40 * TRX - ((info.fee as number | undefined) ?? 0));
      expect(after.unfrozenV2).toBeUndefined();
    });

    it('allows 32 pending unstakes and cancels them all back into the stake', async () => {
      const { wallet, tw } = funded(500);
      await executed(tw, await tw.transactionBuilder.freezeBalanceV2(100 * TRX, 'ENERGY', wallet.base58));
      for (let i = 0; i < 32; i++) {
        const result = await broadcast(tw, await tw.transactionBuilder.unfreezeBalanceV2(TRX + i, 'ENERGY', wallet.base58));
        expect(result.result).toBe(true);
      }
      devnet.mine(1);
      expect(await tw.trx.getAvailableUnfreezeCount(wallet.base58, { confirmed: false })).toEqual({});
      expect(await refused(tw, await tw.transactionBuilder.unfreezeBalanceV2(TRX, 'ENERGY', wallet.base58))).toBe(
        'Contract validate error : Invalid unfreeze operation, unfreezing times is over limit',
      );
      const pending = 32 * TRX + (31 * 32) / 2;
      expect(((await account(wallet.hex)).frozenV2 as Json[])[1]).toEqual({ type: 'ENERGY', amount: 100 * TRX - pending });

      const info = await executed(tw, await tw.transactionBuilder.cancelUnfreezeBalanceV2(wallet.base58));
      expect(info.cancel_unfreezeV2_amount).toEqual([
        { key: 'BANDWIDTH', value: 0 },
        { key: 'ENERGY', value: pending },
        { key: 'TRON_POWER', value: 0 },
      ]);
      const acc = await account(wallet.hex);
      expect(acc.frozenV2).toEqual([{}, { type: 'ENERGY', amount: 100 * TRX }, { type: 'TRON_POWER' }]);
      expect(acc.unfrozenV2).toBeUndefined();
      expect(await tw.trx.getAvailableUnfreezeCount(wallet.base58, { confirmed: false })).toEqual({ count: 32 });
      expect(await refused(tw, await tw.transactionBuilder.cancelUnfreezeBalanceV2(wallet.base58))).toBe(
        'Contract validate error : No unfreezeV2 list to cancel',
      );
    });
  });

  describe('bandwidth', () => {
    it('uses staked bandwidth first, then the free 600, then burns 1,000 sun a byte', async () => {
      const { wallet, tw } = funded(2_000);
      await executed(tw, await tw.transactionBuilder.freezeBalanceV2(1_000 * TRX, 'BANDWIDTH', wallet.base58));
      const start = await resources(wallet.hex);
      expect(start.NetLimit).toBe(Math.trunc(1_000 * (TOTAL_NET_LIMIT / (start.TotalNetWeight as number))));
      expect(start.NetUsed).toBeUndefined();
      // getcandelegatedmaxsize keeps back what the delegating transaction itself would take: 275 bytes plus the
      // lock fields of a 1,000 TRX delegation (8 more), in staked TRX at the network's rate
      const keptBack = Math.trunc(283 * TRX * ((start.TotalNetWeight as number) / TOTAL_NET_LIMIT));
      expect(await tw.trx.getCanDelegatedMaxSize(wallet.base58, 'BANDWIDTH', { confirmed: false })).toEqual({
        max_size: 1_000 * TRX - keptBack,
      });
      // the node's builder holds the same bytes back (java-tron's isTransactionCreate); a broadcast does not
      const build = (balance: number) =>
        postJson(`${devnet.url}/wallet/delegateresource`, {
          owner_address: wallet.hex,
          receiver_address: devnet.faucetAddress,
          balance,
          resource: 'BANDWIDTH',
        });
      expect((await build(1_000 * TRX - keptBack + 1)).json).toEqual({
        Error:
          'class org.tron.core.exception.ContractValidateException : delegateBalance must be less than or equal to available FreezeBandwidthV2 balance',
      });
      expect((await build(1_000 * TRX - keptBack)).json.txID).toMatch(/^[0-9a-f]{64}$/);

      const paidBy: string[] = [];
      for (let i = 0; i < 3; i++) {
        const before = await resources(wallet.hex);
        const stakedLeft = (before.NetLimit as number) - (before.NetUsed ?? 0);
        const freeLeft = 600 - (before.freeNetUsed ?? 0);
        const tx = await tw.transactionBuilder.sendTrx(devnet.faucetAddress, TRX + i, wallet.base58);
        const info = await executed(tw, tx);
        const after = await resources(wallet.hex);
        const receipt = info.receipt as { net_usage: number; net_fee?: number };
        // usage recovers by about one byte every 2 s of the 600 s window while blocks are mined
        if (receipt.net_fee) {
          paidBy.push('burn');
          expect(Math.min(stakedLeft, freeLeft)).toBeLessThan(receipt.net_fee / 1000);
          expect(info.fee).toBe(receipt.net_fee);
        } else if ((after.NetUsed ?? 0) > (before.NetUsed ?? 0)) {
          paidBy.push('stake');
          expect(after.NetUsed).toBeGreaterThanOrEqual((before.NetUsed ?? 0) + receipt.net_usage - 1);
        } else {
          paidBy.push('free');
          expect(stakedLeft).toBeLessThan(receipt.net_usage);
          expect(after.freeNetUsed).toBeGreaterThanOrEqual((before.freeNetUsed ?? 0) + receipt.net_usage - 1);
          expect(after.NetUsed).toBeLessThanOrEqual(before.NetUsed as number);
        }
      }
      expect(paidBy).toEqual(['stake', 'free', 'burn']);
    });

    it('activates an account with staked bandwidth (1 TRX), or burns 0.1 TRX more without it', async () => {
      const { wallet, tw } = funded(3_000);
      const created = newWallet();
      const plain = await executed(tw, await tw.transactionBuilder.createAccount(created.base58, wallet.base58));
      expect(plain.fee).toBe(1_100_000);
      expect(plain.receipt).toEqual({ net_fee: 100_000 });
      expect((await account(created.hex)).create_time).toEqual(expect.any(Number));
      expect(await refused(tw, await tw.transactionBuilder.createAccount(created.base58, wallet.base58))).toBe(
        'Contract validate error : Account has existed',
      );

      await executed(tw, await tw.transactionBuilder.freezeBalanceV2(2_000 * TRX, 'BANDWIDTH', wallet.base58));
      const usedBefore = (await resources(wallet.hex)).NetUsed ?? 0;
      const staked = await executed(tw, await tw.transactionBuilder.sendTrx(newWallet().base58, TRX, wallet.base58));
      expect(staked.fee).toBe(1_000_000);
      const receipt = staked.receipt as { net_usage: number };
      expect(receipt).toEqual({ net_usage: expect.any(Number) });
      expect((await resources(wallet.hex)).NetUsed).toBeGreaterThanOrEqual(usedBefore + receipt.net_usage - 1);
    });
  });

  it("executes the toolkit's own Stake 2.0 transactions sent with broadcasthex", async () => {
    const { wallet } = funded(1_000);
    const receiver = funded(1).wallet;
    const key = hexToBytes(wallet.privateKey);
    const from = hexToBytes(wallet.hex);
    const send = async (tx: Transaction) => {
      const signed = signTransaction(tx, key);
      const { json } = await postJson(`${devnet.url}/wallet/broadcasthex`, { transaction: bytesToHex(encodeSignedTransaction(signed)) });
      expect(json).toMatchObject({ result: true, code: 'SUCCESS', txid: signed.txID });
      devnet.mine(1);
    };
    await send(buildFreezeBalanceV2({ ...txCommon(devnet), from, amount: 300n * 1_000_000n, resource: 'ENERGY' }));
    await send(
      buildDelegateResource({
        ...txCommon(devnet),
        from,
        receiver: hexToBytes(receiver.hex),
        amount: 100n * 1_000_000n,
        resource: 'ENERGY',
      }),
    );
    const acc = await account(wallet.hex);
    expect(acc.frozenV2).toEqual([{}, { type: 'ENERGY', amount: 200 * TRX }, { type: 'TRON_POWER' }]);
    expect((await account(receiver.hex)).account_resource).toMatchObject({ acquired_delegated_frozenV2_balance_for_energy: 100 * TRX });
  });

  it('keeps stakes, delegations and pending unstakes across a restart with a data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'devnet-stake-'));
    let first: Devnet | undefined;
    let second: Devnet | undefined;
    try {
      first = await startTestDevnet({ dataDir: dir, unfreezeDelayMs: DELAY_MS });
      const a = newWallet();
      const b = newWallet();
      first.fund(a.base58, { trx: 1_000n * 1_000_000n });
      first.fund(b.base58, { trx: 1_000_000n });
      first.mine(1);
      const tw = new TronWeb({ fullHost: first.url, privateKey: a.privateKey });
      for (const tx of [
        await tw.transactionBuilder.freezeBalanceV2(500 * TRX, 'ENERGY', a.base58),
        await tw.transactionBuilder.freezeBalanceV2(100 * TRX, 'BANDWIDTH', a.base58),
      ]) {
        expect((await tw.trx.sendRawTransaction(await tw.trx.sign(tx))).result).toBe(true);
      }
      first.mine(1);
      for (const tx of [
        await tw.transactionBuilder.delegateResource(200 * TRX, b.base58, 'ENERGY', a.base58, true, 1000),
        await tw.transactionBuilder.unfreezeBalanceV2(50 * TRX, 'BANDWIDTH', a.base58),
      ]) {
        expect((await tw.trx.sendRawTransaction(await tw.trx.sign(tx))).result).toBe(true);
      }
      first.mine(1);
      const read = async (d: Devnet) => ({
        a: (await postJson(`${d.url}/wallet/getaccount`, { address: a.hex })).json,
        b: (await postJson(`${d.url}/wallet/getaccount`, { address: b.hex })).json,
        resources: (await postJson(`${d.url}/wallet/getaccountresource`, { address: b.hex })).json,
        delegation: (await postJson(`${d.url}/wallet/getdelegatedresourcev2`, { fromAddress: a.hex, toAddress: b.hex })).json,
        index: (await postJson(`${d.url}/wallet/getdelegatedresourceaccountindexv2`, { value: a.hex })).json,
        info: (await getJson(`${d.url}/devnet/info`)).json,
      });
      const before = await read(first);
      expect(before.delegation).toMatchObject({ delegatedResource: [{ frozen_balance_for_energy: 200 * TRX }] });
      expect(before.a.unfrozenV2).toHaveLength(1);
      await first.stop();
      first = undefined;

      // a different delay on restart does not change the chain's: its blocks were executed under the first
      second = await startTestDevnet({ dataDir: dir, unfreezeDelayMs: 1 });
      const after = await read(second);
      expect(after).toEqual(before);
      expect(after.info.unfreeze_delay_ms).toBe(DELAY_MS);
    } finally {
      await first?.stop();
      await second?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
