/**
 * The devnet's built-in multisend contract through TronWeb's triggerSmartContract: it forwards TRX with
 * java-tron's `internal_transactions` (by id and by block), and a call whose amounts do not add up to the
 * call value, or that pays a contract, reverts, forwarding nothing while the fee is still paid.
 */
import { TronWeb } from 'tronweb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devnet } from '../src/devnet/devnet.js';
import { MULTISEND_ENERGY } from '../src/devnet/multisend.js';
import { getJson, mineUntilSolid, newWallet, postJson, startTestDevnet, type TestWallet, trxBalance, txInfo } from './devnet-harness.js';

const TRX = 1_000_000;

type Json = Record<string, unknown>;

describe('the multisend contract', () => {
  let devnet: Devnet;
  let payer: TestWallet;
  let tw: TronWeb;
  let multisend: string;

  beforeAll(async () => {
    devnet = await startTestDevnet();
    payer = newWallet();
    devnet.fund(payer.base58, { trx: BigInt(1000 * TRX) });
    mineUntilSolid(devnet);
    tw = new TronWeb({ fullHost: devnet.url, privateKey: payer.privateKey });
    multisend = String((await getJson(`${devnet.url}/devnet/info`)).json.multisend_contract);
  });

  afterAll(async () => {
    await devnet.stop();
  });

  /** Calls multisend(to, amounts) with `callValue` sun from the payer; returns the mined transaction's info. */
  async function send(to: string[], amounts: number[], callValue: number): Promise<Json> {
    const { transaction } = await tw.transactionBuilder.triggerSmartContract(
      multisend,
      'multisend(address[],uint256[])',
      { feeLimit: 50 * TRX, callValue },
      [
        { type: 'address[]', value: to },
        { type: 'uint256[]', value: amounts },
      ],
      payer.base58,
    );
    const result = await tw.trx.sendRawTransaction(await tw.trx.sign(transaction));
    expect(result.result).toBe(true);
    devnet.mine(1);
    return txInfo(devnet, transaction.txID);
  }

  it('is listed in /devnet/info and getcontract shows its payable ABI', async () => {
    expect(TronWeb.isAddress(multisend)).toBe(true);
    const contract = (await postJson(`${devnet.url}/wallet/getcontract`, { value: multisend, visible: true })).json;
    expect(contract).toMatchObject({ contract_address: multisend, name: 'Multisend' });
    expect((contract.abi as { entrys: Json[] }).entrys[0]).toMatchObject({ name: 'multisend', stateMutability: 'Payable' });
  });

  it('forwards TRX to every recipient and reports the internal transactions', async () => {
    const [a, b] = [newWallet(), newWallet()];
    const before = await trxBalance(devnet, payer.base58);
    const info = await send([a.base58, b.base58], [2 * TRX, 3 * TRX], 5 * TRX);
    expect(info.receipt).toMatchObject({
      result: 'SUCCESS',
      energy_usage_total: Number(MULTISEND_ENERGY.base + 2n * (MULTISEND_ENERGY.perTransfer + MULTISEND_ENERGY.newAccount)),
    });
    expect(await trxBalance(devnet, a.base58)).toBe(BigInt(2 * TRX));
    expect(await trxBalance(devnet, b.base58)).toBe(BigInt(3 * TRX));
    expect(await trxBalance(devnet, payer.base58)).toBe(before - BigInt(5 * TRX) - BigInt(Number(info.fee)));
    expect(await trxBalance(devnet, multisend)).toBe(0n);

    const contractHex = TronWeb.address.toHex(multisend);
    const internal = info.internal_transactions as Json[];
    expect(internal).toEqual([
      {
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        caller_address: contractHex,
        transferTo_address: a.hex,
        callValueInfo: [{ callValue: 2 * TRX }],
        note: '63616c6c',
      },
      {
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        caller_address: contractHex,
        transferTo_address: b.hex,
        callValueInfo: [{ callValue: 3 * TRX }],
        note: '63616c6c',
      },
    ]);
    expect(internal[0]?.hash).not.toBe(internal[1]?.hash);
    const byBlock = (await postJson(`${devnet.url}/wallet/gettransactioninfobyblocknum`, { num: info.blockNumber }))
      .json as unknown as Json[];
    expect(byBlock.find((t) => t.id === info.id)?.internal_transactions).toEqual(internal);
    const visible = (await postJson(`${devnet.url}/wallet/gettransactioninfobyid`, { value: info.id, visible: true })).json;
    expect((visible.internal_transactions as Json[])[0]).toMatchObject({
      caller_address: multisend,
      transferTo_address: a.base58,
      note: 'call',
    });
    // a holder costs no account creation
    const again = await send([a.base58], [TRX], TRX);
    expect(again.receipt).toMatchObject({ energy_usage_total: Number(MULTISEND_ENERGY.base + MULTISEND_ENERGY.perTransfer) });
  });

  it('reverts and forwards nothing when the amounts miss the call value or a recipient is a contract', async () => {
    const [a, b] = [newWallet(), newWallet()];
    for (const [to, amounts, callValue] of [
      [[a.base58, b.base58], [2 * TRX, 3 * TRX], 6 * TRX],
      [[a.base58, devnet.usdtAddress], [TRX, TRX], 2 * TRX],
    ] as const) {
      const before = await trxBalance(devnet, payer.base58);
      const info = await send([...to], [...amounts], callValue);
      expect(info).toMatchObject({ result: 'FAILED', receipt: { result: 'REVERT' } });
      expect(info.internal_transactions).toBeUndefined();
      expect(Number(info.fee)).toBeGreaterThan(0);
      expect(await trxBalance(devnet, payer.base58)).toBe(before - BigInt(Number(info.fee)));
      expect(await trxBalance(devnet, a.base58)).toBe(0n);
    }
  });
});
