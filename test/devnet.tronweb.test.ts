/**
 * A merchant's code, written against TronWeb 6, pointed at the devnet unchanged: balances, TRX and
 * USDT transfers, receipts after solidification, and java-tron's broadcast errors.
 */
import { TronWeb } from 'tronweb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devnet } from '../src/devnet/devnet.js';
import { bytesToHex, hexToBytes } from '../src/tron/bytes.js';
import { buildTransfer, refBlockFields, signDigest, signTransaction, transactionToJson } from '../src/tron/transaction.js';
import { mineUntilSolid, newWallet, startTestDevnet, type TestWallet } from './devnet-harness.js';

const TRX = 1_000_000;

describe('TronWeb 6 against the devnet', () => {
  let devnet: Devnet;
  let payer: TestWallet;
  let tronWeb: TronWeb;

  beforeAll(async () => {
    devnet = await startTestDevnet();
    payer = newWallet();
    devnet.fund(payer.base58, { trx: 1000n * 1_000_000n, usdt: 500n * 1_000_000n });
    mineUntilSolid(devnet);
    tronWeb = new TronWeb({ fullHost: devnet.url, privateKey: payer.privateKey });
  });

  afterAll(async () => {
    await devnet.stop();
  });

  it('reads the solidified TRX balance with trx.getBalance', async () => {
    expect(await tronWeb.trx.getBalance(payer.base58)).toBe(1000 * TRX);
  });

  it('sends TRX to a new address with trx.sendTrx, charging the 1.1 TRX activation', async () => {
    const recipient = newWallet();
    const result = await tronWeb.trx.sendTrx(recipient.base58, 5 * TRX);
    expect(result.result).toBe(true);
    const txid = result.transaction.txID;
    expect(await tronWeb.trx.getTransactionInfo(txid)).toEqual({});
    mineUntilSolid(devnet);
    const info = await tronWeb.trx.getTransactionInfo(txid);
    expect(info.id).toBe(txid);
    expect(info.fee).toBe(1_100_000);
    expect(info.receipt).toEqual({ net_fee: 100_000 });
    expect(await tronWeb.trx.getBalance(recipient.base58)).toBe(5 * TRX);
    expect(await tronWeb.trx.getBalance(payer.base58)).toBe(1000 * TRX - 5 * TRX - 1_100_000);
  });

  it('transfers USDT with contract().at().transfer().send() and reads it back with balanceOf().call()', async () => {
    const recipient = newWallet();
    const usdt = await tronWeb.contract().at(devnet.usdtAddress);
    const txid = await usdt.transfer(recipient.base58, 100 * TRX).send({ feeLimit: 30 * TRX });
    expect(txid).toMatch(/^[0-9a-f]{64}$/);
    mineUntilSolid(devnet);

    const info = await tronWeb.trx.getTransactionInfo(txid);
    expect(info.receipt.result).toBe('SUCCESS');
    expect(info.receipt.energy_usage_total).toBe(130_285);
    expect(info.contractResult).toEqual(['0'.repeat(64)]);
    expect(info.log).toHaveLength(1);
    const log = info.log?.[0];
    if (!log) throw new Error('no Transfer log');
    expect(log.address).toBe(tronWeb.address.toHex(devnet.usdtAddress).slice(2));
    expect(log.topics[0]).toBe('ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef');
    expect(log.topics[2]?.slice(24)).toBe(recipient.hex.slice(2));
    expect(BigInt(`0x${log.data}`)).toBe(100_000_000n);

    const balance = await usdt.balanceOf(recipient.base58).call();
    expect(BigInt(balance.toString())).toBe(100_000_000n);
    const name = await usdt.name().call();
    const decimals = await usdt.decimals().call();
    expect(name).toBe('Tether USD');
    expect(Number(decimals)).toBe(6);
  });

  it('reports the head block with trx.getCurrentBlock', async () => {
    const block = await tronWeb.trx.getCurrentBlock();
    expect(block.block_header.raw_data.number).toBe(Number(devnet.chain.head.number));
    expect(block.blockID).toBe(devnet.chain.head.id);
  });

  it('answers SIGERROR for a transaction signed by someone else', async () => {
    const stranger = newWallet();
    const tx = await tronWeb.transactionBuilder.sendTrx(newWallet().base58, TRX, payer.base58);
    // TronWeb refuses to sign with a key that is not the owner's, so the stranger signs with the toolkit.
    const signature = bytesToHex(signDigest(hexToBytes(tx.txID), hexToBytes(stranger.privateKey)));
    const signed = { ...tx, signature: [signature] };
    const result = await tronWeb.trx.sendRawTransaction(signed);
    expect(result.code).toBe('SIGERROR');
    expect(tronWeb.toUtf8(result.message)).toContain('Validate signature error');
  });

  it('answers TRANSACTION_EXPIRATION_ERROR for an expired transaction', async () => {
    const head = devnet.chain.head;
    const tx = signTransaction(
      buildTransfer({
        ref: refBlockFields(head.number, head.id),
        timestamp: head.header.timestamp - 120_000n,
        expiration: head.header.timestamp - 60_000n,
        from: hexToBytes(payer.hex),
        to: hexToBytes(newWallet().hex),
        amount: 1_000_000n,
      }),
      hexToBytes(payer.privateKey),
    );
    const result = await tronWeb.trx.sendRawTransaction(transactionToJson(tx) as never);
    expect(result.code).toBe('TRANSACTION_EXPIRATION_ERROR');
    expect(tronWeb.toUtf8(result.message)).toBe('Transaction expired');
  });

  it('answers DUP_TRANSACTION_ERROR when the same transaction is broadcast again', async () => {
    const tx = await tronWeb.transactionBuilder.sendTrx(newWallet().base58, TRX, payer.base58);
    const signed = await tronWeb.trx.sign(tx);
    expect((await tronWeb.trx.sendRawTransaction(signed)).result).toBe(true);
    devnet.mine(1);
    const again = await tronWeb.trx.sendRawTransaction(signed);
    expect(again.code).toBe('DUP_TRANSACTION_ERROR');
    expect(tronWeb.toUtf8(again.message)).toBe('Dup transaction.');
  });
});
