/**
 * Broadcast validation over HTTP, in java-tron's order and with its codes and messages (PROTOCOL.md §2.4):
 * expiration → signature → TaPoS → size/expiration window → duplicate → bandwidth → actuator.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Devnet } from '../src/devnet/devnet.js';
import { addressToBytes } from '../src/tron/address.js';
import { bytesToHex, hexToBytes } from '../src/tron/bytes.js';
import {
  bandwidthBytes,
  buildTransfer,
  buildTriggerSmartContract,
  encodeSignedTransaction,
  signDigest,
  signTransaction,
  type Transaction,
  transactionToJson,
} from '../src/tron/transaction.js';
import { encodeTransferCall } from '../src/tron/trc20.js';
import {
  broadcast,
  mineUntilSolid,
  newWallet,
  postJson,
  signedTransfer,
  startTestDevnet,
  type TestWallet,
  trxBalance,
  txCommon,
  txInfo,
  utf8FromHex,
} from './devnet-harness.js';

const TRX = 1_000_000n;

type Answer = Record<string, unknown>;

function expectRejected(json: Answer, code: string, message: string, txid?: string): void {
  expect(json.code).toBe(code);
  expect(json.result).toBeUndefined();
  expect(utf8FromHex(json.message)).toBe(message);
  expect(json.message).toMatch(/^[0-9a-f]+$/);
  if (txid) expect(json.txid).toBe(txid);
}

describe('devnet broadcast validation (java-tron order and codes)', () => {
  let devnet: Devnet;
  let payer: TestWallet;

  beforeAll(async () => {
    devnet = await startTestDevnet();
    payer = newWallet();
    devnet.fund(payer.base58, { trx: 1000n * TRX, usdt: 100n * TRX });
    mineUntilSolid(devnet);
  });

  afterAll(async () => {
    await devnet.stop();
  });

  const transferFrom = (from: TestWallet, overrides: Partial<ReturnType<typeof txCommon>> = {}, to = devnet.faucetAddress) =>
    buildTransfer({ ...txCommon(devnet), ...overrides, from: hexToBytes(from.hex), to: addressToBytes(to), amount: TRX });

  describe('SIGERROR', () => {
    it('rejects a transaction without signature: "miss sig or contract"', async () => {
      const tx = transferFrom(payer);
      const { json } = await broadcast(devnet, tx);
      expectRejected(json, 'SIGERROR', 'Validate signature error: miss sig or contract', tx.txID);
    });

    it('rejects a 64-byte signature: "Signature size is 64"', async () => {
      const signed = signTransaction(transferFrom(payer), hexToBytes(payer.privateKey));
      const short: Transaction = { ...signed, signatures: [(signed.signatures[0] as Uint8Array).slice(0, 64)] };
      const { json } = await broadcast(devnet, short);
      expectRejected(json, 'SIGERROR', 'Validate signature error: Signature size is 64');
    });

    it("rejects a stranger's signature and names the signer", async () => {
      const stranger = newWallet();
      const tx = signTransaction(transferFrom(payer), hexToBytes(stranger.privateKey));
      const { json } = await broadcast(devnet, tx);
      const sig = bytesToHex(tx.signatures[0] as Uint8Array);
      expectRejected(
        json,
        'SIGERROR',
        `Validate signature error: ${sig} is signed by ${stranger.base58} but it is not contained of permission.`,
        tx.txID,
      );
    });

    it('accepts v as 0/1 (wallet-cli) and as 27/28 (TronWeb), and signature hex in upper case', async () => {
      const raw = signTransaction(transferFrom(payer), hexToBytes(payer.privateKey), 'raw');
      expect([0, 1]).toContain(raw.signatures[0]?.[64]);
      expect((await broadcast(devnet, raw)).json).toEqual({ result: true, txid: raw.txID });

      const eth = signTransaction(transferFrom(payer), hexToBytes(payer.privateKey), 'eth');
      expect([27, 28]).toContain(eth.signatures[0]?.[64]);
      expect((await broadcast(devnet, eth)).json).toEqual({ result: true, txid: eth.txID });

      const upper = signTransaction(transferFrom(payer), hexToBytes(payer.privateKey), 'eth');
      const body = transactionToJson(upper);
      body.signature = [bytesToHex(upper.signatures[0] as Uint8Array).toUpperCase()];
      expect((await postJson(`${devnet.url}/wallet/broadcasttransaction`, body)).json).toEqual({ result: true, txid: upper.txID });
    });
  });

  describe('TAPOS_ERROR', () => {
    it('rejects a ref_block_hash that matches no recent block', async () => {
      const common = txCommon(devnet);
      const ref = { refBlockBytes: common.ref.refBlockBytes, refBlockHash: randomBytes(8) };
      const tx = signTransaction(transferFrom(payer, { ref }), hexToBytes(payer.privateKey));
      const { json } = await broadcast(devnet, tx);
      expectRejected(json, 'TAPOS_ERROR', 'Tapos check error.', tx.txID);
    });

    it('rejects ref_block_bytes of a slot no block has filled yet', async () => {
      const head = devnet.chain.head;
      const ref = { refBlockBytes: Uint8Array.of(0x7f, 0x00), refBlockHash: hexToBytes(head.id).slice(8, 16) };
      const tx = signTransaction(transferFrom(payer, { ref }), hexToBytes(payer.privateKey));
      expectRejected((await broadcast(devnet, tx)).json, 'TAPOS_ERROR', 'Tapos check error.');
    });

    it('accepts a reference to an older block (the solidified block, as node-built transactions use)', async () => {
      const solid = devnet.chain.solidBlock;
      expect(solid.number).toBeLessThan(devnet.chain.head.number);
      const ref = { refBlockBytes: hexToBytes(solid.id).slice(6, 8), refBlockHash: hexToBytes(solid.id).slice(8, 16) };
      const tx = signTransaction(transferFrom(payer, { ref }), hexToBytes(payer.privateKey));
      expect((await broadcast(devnet, tx)).json).toEqual({ result: true, txid: tx.txID });
    });
  });

  describe('TRANSACTION_EXPIRATION_ERROR', () => {
    it('rejects an expiration in the past', async () => {
      const head = devnet.chain.head.header.timestamp;
      const tx = signTransaction(transferFrom(payer, { expiration: head - 1n }), hexToBytes(payer.privateKey));
      expectRejected((await broadcast(devnet, tx)).json, 'TRANSACTION_EXPIRATION_ERROR', 'Transaction expired', tx.txID);
    });

    it('rejects an expiration before the next block slot and accepts one exactly at it (java-tron: expiration < nextSlotTime)', async () => {
      const slot = devnet.chain.nextSlotTime();
      const early = signTransaction(transferFrom(payer, { expiration: slot - 1n }), hexToBytes(payer.privateKey));
      expectRejected((await broadcast(devnet, early)).json, 'TRANSACTION_EXPIRATION_ERROR', 'Transaction expired');
      const atSlot = signTransaction(transferFrom(payer, { expiration: slot }), hexToBytes(payer.privateKey));
      expect((await broadcast(devnet, atSlot)).json).toEqual({ result: true, txid: atSlot.txID });
    });

    it('rejects an expiration more than 24 h after the head block, and accepts exactly 24 h', async () => {
      const head = devnet.chain.head.header.timestamp;
      const far = signTransaction(transferFrom(payer, { expiration: head + 86_400_001n }), hexToBytes(payer.privateKey));
      expectRejected((await broadcast(devnet, far)).json, 'TRANSACTION_EXPIRATION_ERROR', 'Transaction expired');
      const edge = signTransaction(transferFrom(payer, { expiration: head + 86_400_000n }), hexToBytes(payer.privateKey));
      expect((await broadcast(devnet, edge)).json).toEqual({ result: true, txid: edge.txID });
    });
  });

  describe('order of the checks', () => {
    it('reports the expiration of an expired, wrongly-signed transaction first', async () => {
      const head = devnet.chain.head.header.timestamp;
      const tx = signTransaction(transferFrom(payer, { expiration: head - 60_000n }), hexToBytes(newWallet().privateKey));
      expectRejected((await broadcast(devnet, tx)).json, 'TRANSACTION_EXPIRATION_ERROR', 'Transaction expired');
    });

    it('reports a bad signature before a bad TaPoS reference', async () => {
      const ref = { refBlockBytes: Uint8Array.of(0, 1), refBlockHash: randomBytes(8) };
      const tx = signTransaction(transferFrom(payer, { ref }), hexToBytes(newWallet().privateKey));
      expect((await broadcast(devnet, tx)).json.code).toBe('SIGERROR');
    });

    it('reports a bad TaPoS reference before an expiration beyond 24 h', async () => {
      const head = devnet.chain.head.header.timestamp;
      const ref = { refBlockBytes: Uint8Array.of(0, 1), refBlockHash: randomBytes(8) };
      const tx = signTransaction(transferFrom(payer, { ref, expiration: head + 2n * 86_400_000n }), hexToBytes(payer.privateKey));
      expect((await broadcast(devnet, tx)).json.code).toBe('TAPOS_ERROR');
    });

    it('reports a missing owner account before the actuator checks (yourself, amount)', async () => {
      const ghost = newWallet();
      const tx = signTransaction(
        buildTransfer({ ...txCommon(devnet), from: hexToBytes(ghost.hex), to: hexToBytes(ghost.hex), amount: 0n }),
        hexToBytes(ghost.privateKey),
      );
      expectRejected(
        (await broadcast(devnet, tx)).json,
        'CONTRACT_VALIDATE_ERROR',
        `Contract validate error : account [${ghost.base58}] does not exist`,
      );
    });
  });

  describe('DUP_TRANSACTION_ERROR', () => {
    it('rejects a re-broadcast after the transaction was mined', async () => {
      const tx = signedTransfer(devnet, payer, devnet.faucetAddress, TRX);
      expect((await broadcast(devnet, tx)).json).toEqual({ result: true, txid: tx.txID });
      devnet.mine(1);
      expectRejected((await broadcast(devnet, tx)).json, 'DUP_TRANSACTION_ERROR', 'Dup transaction.', tx.txID);
    });

    it('rejects a re-broadcast while the transaction is still pending (executed once, not twice)', async () => {
      const before = await trxBalance(devnet, payer.base58);
      const tx = signedTransfer(devnet, payer, devnet.faucetAddress, TRX);
      expect((await broadcast(devnet, tx)).json).toEqual({ result: true, txid: tx.txID });
      expect(devnet.chain.isPending(tx.txID)).toBe(true);
      expectRejected((await broadcast(devnet, tx)).json, 'DUP_TRANSACTION_ERROR', 'Dup transaction.', tx.txID);
      const [block] = devnet.mine(1);
      expect(block?.txs.filter((t) => t.tx.txID === tx.txID)).toHaveLength(1);
      const fee = BigInt(((await txInfo(devnet, tx.txID)).fee as number | undefined) ?? 0);
      expect(await trxBalance(devnet, payer.base58)).toBe(before - TRX - fee);
    });

    it('rejects the same transaction through broadcasthex once it went through broadcasttransaction', async () => {
      const tx = signedTransfer(devnet, payer, devnet.faucetAddress, TRX);
      expect((await broadcast(devnet, tx)).json.result).toBe(true);
      const { json } = await postJson(`${devnet.url}/wallet/broadcasthex`, { transaction: bytesToHex(encodeSignedTransaction(tx)) });
      expect(json).toMatchObject({ result: false, code: 'DUP_TRANSACTION_ERROR', message: 'Dup transaction.', txid: tx.txID });
    });
  });

  describe('BANDWITH_ERROR', () => {
    it('rejects a transfer from an account with 0 TRX once its 600 free bandwidth is used', async () => {
      const poor = newWallet();
      devnet.fund(poor.base58, { trx: 3n });
      devnet.mine(1);
      // Two transfers to an existing account, paid by free bandwidth, drain the balance to 0.
      const first = signedTransfer(devnet, poor, devnet.faucetAddress, 2n);
      const second = signedTransfer(devnet, poor, devnet.faucetAddress, 1n);
      expect((await broadcast(devnet, first)).json.result).toBe(true);
      expect((await broadcast(devnet, second)).json.result).toBe(true);
      const used = bandwidthBytes(first) + bandwidthBytes(second);
      expect(used).toBeGreaterThan(600 - bandwidthBytes(first));
      const { json: account } = await postJson(`${devnet.url}/wallet/getaccount`, { address: poor.hex });
      expect(account.balance).toBeUndefined();
      expect(account.free_net_usage).toBe(used);

      const third = signedTransfer(devnet, poor, devnet.faucetAddress, 1n);
      expectRejected((await broadcast(devnet, third)).json, 'BANDWITH_ERROR', 'Account resource insufficient error.', third.txID);
      devnet.mine(1);
      expect(devnet.chain.transaction(third.txID)).toBeUndefined();
    });

    it('rejects activating a new account when the sender cannot pay the 0.1 TRX create-account bandwidth', async () => {
      const poor = newWallet();
      devnet.fund(poor.base58, { trx: 99_999n });
      devnet.mine(1);
      const tx = signedTransfer(devnet, poor, newWallet().base58, 1n);
      expectRejected((await broadcast(devnet, tx)).json, 'BANDWITH_ERROR', 'Account resource insufficient error.');
    });
  });

  describe('CONTRACT_VALIDATE_ERROR', () => {
    it('"Cannot transfer TRX to yourself."', async () => {
      const tx = signedTransfer(devnet, payer, payer.base58, TRX);
      expectRejected(
        (await broadcast(devnet, tx)).json,
        'CONTRACT_VALIDATE_ERROR',
        'Contract validate error : Cannot transfer TRX to yourself.',
      );
    });

    it('"balance is not sufficient." for an existing recipient', async () => {
      const tx = signedTransfer(devnet, payer, devnet.faucetAddress, 1_000_000n * TRX);
      expectRejected(
        (await broadcast(devnet, tx)).json,
        'CONTRACT_VALIDATE_ERROR',
        'Contract validate error : Validate TransferContract error, balance is not sufficient.',
      );
    });

    it('counts the 1 TRX activation fee and the 0.1 TRX bandwidth: holding exactly the amount cannot pay a new address', async () => {
      const holder = newWallet();
      devnet.fund(holder.base58, { trx: 5n * TRX });
      devnet.mine(1);
      const exact = signedTransfer(devnet, holder, newWallet().base58, 5n * TRX);
      expectRejected(
        (await broadcast(devnet, exact)).json,
        'CONTRACT_VALIDATE_ERROR',
        'Contract validate error : Validate TransferContract error, balance is not sufficient.',
      );
      const oneSunShort = signedTransfer(devnet, holder, newWallet().base58, 5n * TRX - 1_100_000n + 1n);
      expect((await broadcast(devnet, oneSunShort)).json.code).toBe('CONTRACT_VALIDATE_ERROR');
      // A rejected transaction charges nothing.
      expect(await trxBalance(devnet, holder.base58)).toBe(5n * TRX);
      const fits = signedTransfer(devnet, holder, newWallet().base58, 5n * TRX - 1_100_000n);
      expect((await broadcast(devnet, fits)).json).toEqual({ result: true, txid: fits.txID });
      expect(await trxBalance(devnet, holder.base58)).toBe(0n);
    });

    it('"account [T…] does not exist" for an owner that never existed', async () => {
      const ghost = newWallet();
      const tx = signedTransfer(devnet, ghost, payer.base58, TRX);
      expectRejected(
        (await broadcast(devnet, tx)).json,
        'CONTRACT_VALIDATE_ERROR',
        `Contract validate error : account [${ghost.base58}] does not exist`,
      );
    });

    it('"Amount must be greater than 0."', async () => {
      const tx = signedTransfer(devnet, payer, devnet.faucetAddress, 0n);
      expectRejected(
        (await broadcast(devnet, tx)).json,
        'CONTRACT_VALIDATE_ERROR',
        'Contract validate error : Amount must be greater than 0.',
      );
    });

    it('"Cannot transfer TRX to a smartContract." for TRX sent to the USDT contract', async () => {
      const tx = signedTransfer(devnet, payer, devnet.usdtAddress, TRX);
      expectRejected(
        (await broadcast(devnet, tx)).json,
        'CONTRACT_VALIDATE_ERROR',
        'Contract validate error : Cannot transfer TRX to a smartContract.',
      );
    });

    it('"No contract or not a valid smart contract" for a TriggerSmartContract to a random address', async () => {
      const tx = signTransaction(
        buildTriggerSmartContract({
          ...txCommon(devnet),
          from: hexToBytes(payer.hex),
          contract: hexToBytes(newWallet().hex),
          data: encodeTransferCall(payer.hex, 1n),
          feeLimit: 10n * TRX,
        }),
        hexToBytes(payer.privateKey),
      );
      expectRejected(
        (await broadcast(devnet, tx)).json,
        'CONTRACT_VALIDATE_ERROR',
        'Contract validate error : No contract or not a valid smart contract',
        tx.txID,
      );
    });
  });

  describe('message encoding', () => {
    it('prints the message as hex UTF-8 with visible=false and as text with visible=true', async () => {
      const tx = signedTransfer(devnet, payer, payer.base58, TRX);
      const hex = (await broadcast(devnet, tx, false)).json;
      expect(hex.message).toBe(Buffer.from('Contract validate error : Cannot transfer TRX to yourself.').toString('hex'));
      const text = (await broadcast(devnet, tx, true)).json;
      expect(text).toEqual({
        code: 'CONTRACT_VALIDATE_ERROR',
        txid: tx.txID,
        message: 'Contract validate error : Cannot transfer TRX to yourself.',
      });
    });

    it('accepts a visible=true body with base58 addresses', async () => {
      const tx = signedTransfer(devnet, payer, devnet.faucetAddress, TRX);
      const body = transactionToJson(tx, true);
      const raw = body.raw_data as { contract: { parameter: { value: { owner_address: string } } }[] };
      expect(raw.contract[0]?.parameter.value.owner_address).toBe(payer.base58);
      expect((await postJson(`${devnet.url}/wallet/broadcasttransaction`, body)).json).toEqual({ result: true, txid: tx.txID });
    });

    it('answers broadcasthex failures with result false, the code and a plain-text message', async () => {
      const tx = transferFrom(payer);
      const { json } = await postJson(`${devnet.url}/wallet/broadcasthex`, { transaction: bytesToHex(encodeSignedTransaction(tx)) });
      expect(json).toMatchObject({
        result: false,
        code: 'SIGERROR',
        message: 'Validate signature error: miss sig or contract',
        txid: tx.txID,
      });
      expect(JSON.parse(json.transaction as string)).toMatchObject({ txID: tx.txID, raw_data_hex: bytesToHex(tx.rawBytes) });
    });
  });

  describe('txid', () => {
    it('is sha256(raw_data) recomputed; a lying txID and raw_data_hex in the body are ignored', async () => {
      const tx = signedTransfer(devnet, payer, devnet.faucetAddress, TRX);
      const recomputed = createHash('sha256').update(tx.rawBytes).digest('hex');
      const body = { ...transactionToJson(tx), txID: 'ab'.repeat(32), raw_data_hex: '0a0200' };
      const { json } = await postJson(`${devnet.url}/wallet/broadcasttransaction`, body);
      expect(json).toEqual({ result: true, txid: recomputed });
      devnet.mine(1);
      const { json: stored } = await postJson(`${devnet.url}/wallet/gettransactionbyid`, { value: recomputed });
      expect(stored.txID).toBe(recomputed);
      expect(stored.raw_data_hex).toBe(bytesToHex(tx.rawBytes));
    });

    it('is recomputed in failure answers too (the lying txID is not echoed)', async () => {
      const tx = transferFrom(payer);
      const body = { ...transactionToJson(tx), txID: 'cd'.repeat(32) };
      const { json } = await postJson(`${devnet.url}/wallet/broadcasttransaction`, body);
      expect(json.txid).toBe(createHash('sha256').update(tx.rawBytes).digest('hex'));
    });

    it('broadcasthex answers the txid of the raw_data inside the protobuf', async () => {
      const tx = signedTransfer(devnet, payer, devnet.faucetAddress, TRX);
      const { json } = await postJson(`${devnet.url}/wallet/broadcasthex`, { transaction: bytesToHex(encodeSignedTransaction(tx)) });
      expect(json.txid).toBe(createHash('sha256').update(tx.rawBytes).digest('hex'));
      expect(json.result).toBe(true);
    });

    it('a signature over a different txID does not verify (stranger-style SIGERROR naming the recovered signer)', async () => {
      const tx = transferFrom(payer);
      const wrongDigest = signDigest(randomBytes(32), hexToBytes(payer.privateKey));
      const { json } = await broadcast(devnet, { ...tx, signatures: [wrongDigest] });
      expect(json.code).toBe('SIGERROR');
      expect(utf8FromHex(json.message)).toMatch(
        /^Validate signature error: [0-9a-f]{130} is signed by T\w{33} but it is not contained of permission\.$/,
      );
    });
  });
});
