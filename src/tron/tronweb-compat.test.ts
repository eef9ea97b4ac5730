/**
 * Cross-check against TronWeb 6 running fully offline: transactions built and signed by the toolkit must
 * be byte-identical to TronWeb's, and TronWeb's own checks must accept the toolkit's JSON. Every HTTP
 * request TronWeb might try is intercepted and fails the suite.
 */
import { createHash } from 'node:crypto';
import { TronWeb, type Types, utils as tronUtils } from 'tronweb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressVectors, bip44Vectors, type RawDataJson, transactionVectors, tronwebRequests, vectorId } from '../../test/vectors.js';
import { isAddress, toBase58Address, toHexAddress } from './address.js';
import { bytesToHex, hexToBytes } from './bytes.js';
import { HdWallet } from './hd.js';
import { privateKeyToAccount, privateKeyToAddressBytes } from './keys.js';
import type { ResourceCode } from './resource-contracts.js';
import {
  buildAccountCreate,
  buildCancelAllUnfreezeV2,
  buildDelegateResource,
  buildFreezeBalanceV2,
  buildTransfer,
  buildTriggerSmartContract,
  buildUnDelegateResource,
  buildUnfreezeBalanceV2,
  buildWithdrawExpireUnfreeze,
  encodeTransactionRaw,
  isSignedByOwner,
  makeTransaction,
  refBlockFields,
  signDigest,
  signTransaction,
  type Transaction,
  transactionFromJson,
  transactionRawFromJson,
  transactionRawToJson,
  transactionToJson,
} from './transaction.js';
import { encodeTransferCall } from './trc20.js';

const USDT = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

function sha(text: string): Uint8Array {
  return createHash('sha256').update(text).digest();
}

function bigFrom(bytes: Uint8Array): bigint {
  return BigInt(`0x${bytesToHex(bytes)}`);
}

/** A deterministic pseudo-random scenario: keys, a reference block and amounts. */
function scenario(i: number) {
  const privateKey = bytesToHex(sha(`tronweb-xcheck/key/${i}`));
  const recipientKey = bytesToHex(sha(`tronweb-xcheck/to/${i}`));
  const blockNumber = 60_000_000 + Number(bigFrom(sha(`tronweb-xcheck/block/${i}`)) % 10_000_000n);
  const blockId = blockNumber.toString(16).padStart(16, '0') + bytesToHex(sha(`tronweb-xcheck/id/${i}`)).slice(16);
  const blockTimestamp = 1_700_000_000_000 + Number(bigFrom(sha(`tronweb-xcheck/ts/${i}`)) % 100_000_000_000n);
  const trxAmount = 1 + Number(bigFrom(sha(`tronweb-xcheck/trx/${i}`)) % 100_000_000_000_000n);
  // uint256 amounts from 1 up to 2^256-1, including ones far beyond 2^64.
  const tokenAmounts = [1n, BigInt(trxAmount), bigFrom(sha(`tronweb-xcheck/usdt/${i}`)) >> BigInt(i * 24), (1n << 256n) - 1n];
  const feeLimit = 1 + Number(bigFrom(sha(`tronweb-xcheck/fee/${i}`)) % 15_000_000_000n);
  const ref = refBlockFields(blockNumber, blockId);
  const blockHeader = {
    ref_block_bytes: bytesToHex(ref.refBlockBytes),
    ref_block_hash: bytesToHex(ref.refBlockHash),
    expiration: blockTimestamp + 60_000,
    timestamp: blockTimestamp,
  };
  return {
    privateKey,
    from: privateKeyToAccount(privateKey),
    to: privateKeyToAccount(recipientKey),
    ref,
    blockHeader,
    trxAmount,
    tokenAmounts,
    feeLimit,
  };
}

const SCENARIOS = Array.from({ length: 6 }, (_, i) => scenario(i));

/** Stake 2.0 inputs on top of a scenario: amounts below 2^53 (TronWeb parseInt()s them), both resources, lock periods. */
function stakeScenario(i: number) {
  const base = scenario(100 + i);
  const pick = (label: string, mod: bigint) => bigFrom(sha(`tronweb-xcheck/stake/${label}/${i}`)) % mod;
  return {
    ...base,
    resource: (i % 2 === 0 ? 'ENERGY' : 'BANDWIDTH') as ResourceCode,
    amount: 1_000_000n + pick('amount', 2n ** 52n),
    lockPeriod: 1n + pick('lock', 864_000n),
    // TronWeb only writes Permission_id when it is truthy; exercise both.
    permissionId: i % 3 === 2 ? 2 + Number(pick('perm', 5n)) : undefined,
  };
}

const STAKE_SCENARIOS = Array.from({ length: 6 }, (_, i) => stakeScenario(i));

const requests: string[] = [];
let tronWeb: TronWeb;

beforeAll(() => {
  tronWeb = new TronWeb({ fullHost: 'http://127.0.0.1:1' });
  // Nothing here may touch the network: record and refuse any request TronWeb attempts.
  // Every TronWeb request goes through HttpProvider.request → provider.instance.request (axios).
  for (const provider of [tronWeb.fullNode, tronWeb.solidityNode, tronWeb.eventServer]) {
    if (!provider) continue;
    provider.instance = {
      request: (config: { method?: string; url?: string }) => {
        requests.push(`${config.method ?? '?'} ${config.url ?? '?'}`);
        return Promise.reject(new Error(`offline test: TronWeb tried to reach ${config.url}`));
      },
    };
  }
});

afterAll(() => {
  expect(requests).toEqual([]);
});

function ours(tx: Transaction): { txID: string; raw_data_hex: string } {
  return { txID: tx.txID, raw_data_hex: bytesToHex(tx.rawBytes) };
}

describe('TronWeb 6 offline cross-check', () => {
  it('runs against TronWeb 6.5.1', () => {
    expect(TronWeb.version).toBe('6.5.1');
  });

  it('the network guard catches a request TronWeb attempts', async () => {
    const before = requests.length;
    await expect(tronWeb.trx.getCurrentBlock()).rejects.toThrow();
    expect(requests.slice(before)).toHaveLength(1);
    expect(requests[before]).toMatch(/wallet\/getnowblock$/);
    requests.length = before; // this one was provoked on purpose
  });

  describe.each(SCENARIOS.map((s, i) => [i, s] as const))('scenario %i', (_, s) => {
    it('TRX transfer: sendTrx with blockHeader builds the same bytes and txID, and signs identically', async () => {
      const tw = await tronWeb.transactionBuilder.sendTrx(s.to.base58, s.trxAmount, s.from.base58, { blockHeader: s.blockHeader });
      const tx = buildTransfer({
        ref: s.ref,
        timestamp: BigInt(s.blockHeader.timestamp),
        expiration: BigInt(s.blockHeader.expiration),
        from: hexToBytes(s.from.hex),
        to: hexToBytes(s.to.hex),
        amount: BigInt(s.trxAmount),
      });
      expect(ours(tx)).toEqual({ txID: tw.txID, raw_data_hex: tw.raw_data_hex });
      expect(transactionToJson(tx)).toEqual(JSON.parse(JSON.stringify(tw)));
      // Without an explicit expiration the toolkit uses timestamp + 60 s, as TronWeb does.
      const defaulted = buildTransfer({
        ref: s.ref,
        timestamp: BigInt(s.blockHeader.timestamp),
        from: hexToBytes(s.from.hex),
        to: hexToBytes(s.to.hex),
        amount: BigInt(s.trxAmount),
      });
      expect(defaulted.txID).toBe(tw.txID);

      const twSigned = await tronWeb.trx.sign(tw, s.privateKey);
      const ourSigned = signTransaction(tx, hexToBytes(s.privateKey), 'eth');
      expect(twSigned.signature).toHaveLength(1);
      expect(bytesToHex(ourSigned.signatures[0]!)).toBe(twSigned.signature[0]!.toLowerCase());
      expect(isSignedByOwner(transactionFromJson(twSigned))).toBe(true);
    });

    it('USDT transfer: triggerSmartContract(txLocal) builds the same bytes and txID, and signs identically', async () => {
      for (const amount of s.tokenAmounts) {
        const wrapper = await tronWeb.transactionBuilder.triggerSmartContract(
          USDT,
          'transfer(address,uint256)',
          { txLocal: true, feeLimit: s.feeLimit, blockHeader: s.blockHeader },
          [
            { type: 'address', value: s.to.base58 },
            { type: 'uint256', value: amount.toString() },
          ],
          s.from.base58,
        );
        const tw = wrapper.transaction;
        const tx = buildTriggerSmartContract({
          ref: s.ref,
          timestamp: BigInt(s.blockHeader.timestamp),
          expiration: BigInt(s.blockHeader.expiration),
          from: hexToBytes(s.from.hex),
          contract: hexToBytes(toHexAddress(USDT)),
          data: encodeTransferCall(s.to.base58, amount),
          feeLimit: BigInt(s.feeLimit),
        });
        expect(ours(tx), `amount ${amount}`).toEqual({ txID: tw.txID, raw_data_hex: tw.raw_data_hex });

        const twSigned = await tronWeb.trx.sign(tw, s.privateKey);
        const ourSigned = signTransaction(tx, hexToBytes(s.privateKey), 'eth');
        expect(bytesToHex(ourSigned.signatures[0]!)).toBe(twSigned.signature[0]!.toLowerCase());
      }
    });

    it("TronWeb's trx.sign and txCheck accept the toolkit's transaction JSON", async () => {
      const tx = buildTransfer({
        ref: s.ref,
        timestamp: BigInt(s.blockHeader.timestamp),
        from: hexToBytes(s.from.hex),
        to: hexToBytes(s.to.hex),
        amount: BigInt(s.trxAmount),
      });
      const json = transactionToJson(tx);
      expect(tronWeb.utils.transaction.txCheck(json)).toBe(true);
      const twSigned = await tronWeb.trx.sign(json as unknown as Types.Transaction, s.privateKey);
      expect(twSigned.signature[0]!.toLowerCase()).toBe(bytesToHex(signTransaction(tx, hexToBytes(s.privateKey)).signatures[0]!));
    });

    it('TronWeb.address.fromPrivateKey agrees with privateKeyToAccount', () => {
      expect(TronWeb.address.fromPrivateKey(s.privateKey)).toBe(s.from.base58);
      expect(TronWeb.address.toHex(s.from.base58)).toBe(s.from.hex);
    });
  });

  describe.each(STAKE_SCENARIOS.map((s, i) => [i, s] as const))('Stake 2.0 scenario %i', (_, s) => {
    const common = () => ({
      ref: s.ref,
      timestamp: BigInt(s.blockHeader.timestamp),
      expiration: BigInt(s.blockHeader.expiration),
      ...(s.permissionId ? { permissionId: s.permissionId } : {}),
    });
    const options = { blockHeader: s.blockHeader, ...(s.permissionId ? { permissionId: s.permissionId } : {}) };
    const from = hexToBytes(s.from.hex);
    const to = hexToBytes(s.to.hex);
    const amount = Number(s.amount);

    /** Same bytes, txID and JSON as TronWeb; TronWeb signs ours identically and its txCheck accepts our JSON in both forms. */
    async function expectSame(tw: Types.Transaction, tx: Transaction, compareJson = true) {
      expect(ours(tx)).toEqual({ txID: tw.txID, raw_data_hex: tw.raw_data_hex });
      const json = transactionToJson(tx);
      if (compareJson) expect(json).toEqual(JSON.parse(JSON.stringify(tw)));
      expect(transactionRawFromJson(tw.raw_data)).toEqual(tx.raw);
      expect(tronWeb.utils.transaction.txCheck(json)).toBe(true);
      // the visible (base58) form parses back to the same raw data
      const visibleRaw = transactionRawFromJson(transactionRawToJson(tx.raw, true), true);
      expect(bytesToHex(encodeTransactionRaw(visibleRaw))).toBe(tw.raw_data_hex);
      expect(transactionRawToJson(visibleRaw)).toEqual(json.raw_data);

      const twSigned = await tronWeb.trx.sign(tw, s.privateKey);
      const fromOurJson = await tronWeb.trx.sign(json as unknown as Types.Transaction, s.privateKey);
      const ourSigned = signTransaction(tx, hexToBytes(s.privateKey), 'eth');
      expect(bytesToHex(ourSigned.signatures[0]!)).toBe(twSigned.signature[0]!.toLowerCase());
      expect(fromOurJson.signature).toEqual(twSigned.signature);
      expect(isSignedByOwner(transactionFromJson(twSigned))).toBe(true);
    }

    it('freezeBalanceV2 (54)', async () => {
      const tw = await tronWeb.transactionBuilder.freezeBalanceV2(amount, s.resource, s.from.base58, options);
      await expectSame(tw, buildFreezeBalanceV2({ ...common(), from, amount: s.amount, resource: s.resource }));
    });

    it('unfreezeBalanceV2 (55)', async () => {
      const tw = await tronWeb.transactionBuilder.unfreezeBalanceV2(amount, s.resource, s.from.base58, options);
      await expectSame(tw, buildUnfreezeBalanceV2({ ...common(), from, amount: s.amount, resource: s.resource }));
    });

    it('withdrawExpireUnfreeze (56)', async () => {
      const tw = await tronWeb.transactionBuilder.withdrawExpireUnfreeze(s.from.base58, options);
      await expectSame(tw, buildWithdrawExpireUnfreeze({ ...common(), from }));
    });

    it('delegateResource (57) without lock, with lock and with lock and a lock period', async () => {
      const unlocked = await tronWeb.transactionBuilder.delegateResource(
        amount,
        s.to.base58,
        s.resource,
        s.from.base58,
        false,
        undefined,
        options,
      );
      await expectSame(unlocked, buildDelegateResource({ ...common(), from, receiver: to, amount: s.amount, resource: s.resource }));

      const locked = await tronWeb.transactionBuilder.delegateResource(
        amount,
        s.to.base58,
        s.resource,
        s.from.base58,
        true,
        undefined,
        options,
      );
      await expectSame(
        locked,
        buildDelegateResource({ ...common(), from, receiver: to, amount: s.amount, resource: s.resource, lock: true }),
      );

      const period = await tronWeb.transactionBuilder.delegateResource(
        amount,
        s.to.base58,
        s.resource,
        s.from.base58,
        true,
        Number(s.lockPeriod),
        options,
      );
      const withPeriod = buildDelegateResource({
        ...common(),
        from,
        receiver: to,
        amount: s.amount,
        resource: s.resource,
        lock: true,
        lockPeriod: s.lockPeriod,
      });
      await expectSame(period, withPeriod);
      expect(transactionToJson(withPeriod)).toMatchObject({ raw_data: { contract: [{ parameter: { value: { lock: true } } }] } });

      // TronWeb keeps an explicit lock_period 0 in its JSON while the bytes (and java-tron's JSON) drop it.
      const zero = await tronWeb.transactionBuilder.delegateResource(amount, s.to.base58, s.resource, s.from.base58, true, 0, options);
      await expectSame(
        zero,
        buildDelegateResource({ ...common(), from, receiver: to, amount: s.amount, resource: s.resource, lock: true, lockPeriod: 0n }),
        false,
      );
    });

    it('undelegateResource (58)', async () => {
      const tw = await tronWeb.transactionBuilder.undelegateResource(amount, s.to.base58, s.resource, s.from.base58, options);
      await expectSame(tw, buildUnDelegateResource({ ...common(), from, receiver: to, amount: s.amount, resource: s.resource }));
    });

    it('cancelUnfreezeBalanceV2 (59)', async () => {
      const tw = await tronWeb.transactionBuilder.cancelUnfreezeBalanceV2(s.from.base58, options);
      await expectSame(tw, buildCancelAllUnfreezeV2({ ...common(), from }));
    });

    it('createAccount (AccountCreateContract, 0)', async () => {
      const tw = await tronWeb.transactionBuilder.createAccount(s.to.base58, s.from.base58, options);
      await expectSame(tw, buildAccountCreate({ ...common(), from, account: to }));
    });
  });

  it('txCheck accepts transactionToJson of all 11 real transactions and rejects a tampered one', () => {
    for (const v of transactionVectors().vectors) {
      const tx = makeTransaction(transactionRawFromJson(v.raw_data), (v.signature ?? []).map(hexToBytes));
      const json = transactionToJson(tx);
      expect(tronUtils.transaction.txCheck(json), vectorId(v)).toBe(true);
      const tampered = { ...json, raw_data: { ...(json.raw_data as RawDataJson), timestamp: v.raw_data.timestamp + 1 } };
      expect(tronUtils.transaction.txCheck(tampered), vectorId(v)).toBe(false);
    }
  });

  it('the transactions TronWeb broadcast in tronweb_requests.json parse, verify and re-sign identically with key 00…01', () => {
    const key = hexToBytes('0000000000000000000000000000000000000000000000000000000000000001');
    const bodies = Object.values(tronwebRequests().calls)
      .flatMap((c) => c.requests)
      .filter((r) => r.path === '/wallet/broadcasttransaction')
      .map((r) => r.body as { txID: string; raw_data_hex: string; raw_data: RawDataJson; signature: string[] });
    expect(bodies.length).toBeGreaterThanOrEqual(3);
    for (const body of bodies) {
      const tx = transactionFromJson(body);
      expect(ours(tx)).toEqual({ txID: body.txID, raw_data_hex: body.raw_data_hex });
      expect(isSignedByOwner(tx)).toBe(true);
      // TronWeb writes v in upper case ("…1C").
      expect(body.signature[0]!.slice(128)).toMatch(/^1[BC]$/);
      const resigned = signTransaction(makeTransaction(tx.raw), key, 'eth');
      expect(bytesToHex(resigned.signatures[0]!)).toBe(body.signature[0]!.toLowerCase());
    }
  });

  it('TronWeb.address.toHex/fromHex/isAddress agree with the toolkit on the vector addresses', () => {
    const { knownAddresses, keyVectors, isAddressCases_from_tronweb_test_index: cases } = addressVectors();
    for (const a of [...knownAddresses, ...keyVectors.map((k) => ({ base58: k.addressBase58, hex: k.addressHex }))]) {
      expect(TronWeb.address.toHex(a.base58)).toBe(toHexAddress(a.base58));
      expect(TronWeb.address.fromHex(a.hex)).toBe(toBase58Address(a.hex));
      expect(TronWeb.isAddress(a.base58)).toBe(true);
      expect(isAddress(a.base58)).toBe(true);
    }
    for (const k of keyVectors) expect(TronWeb.address.fromPrivateKey(k.privateKey)).toBe(privateKeyToAccount(k.privateKey).base58);
    for (const candidate of [...cases.valid, ...cases.invalid]) {
      expect(isAddress(candidate), candidate).toBe(TronWeb.isAddress(candidate));
    }
  });

  it('TronWeb.fromMnemonic agrees with HdWallet on every bip44 vector path', () => {
    for (const v of bip44Vectors().vectors) {
      const wallet = HdWallet.fromMnemonic(v.mnemonic, v.passphrase);
      for (const d of v.derived) {
        const tw = TronWeb.fromMnemonic(v.mnemonic, d.path);
        const derived = wallet.derive(d.path);
        expect(tw.privateKey.replace(/^0x/, '')).toBe(bytesToHex(derived.privateKey));
        expect(tw.address).toBe(derived.base58);
        expect(tw.address).toBe(d.addressBase58);
      }
      for (let index = 3; index < 8; index++) {
        expect(TronWeb.fromMnemonic(v.mnemonic, `m/44'/195'/0'/0/${index}`).address).toBe(wallet.addressAt(0, index).base58);
      }
    }
  });

  it("TronWeb's ECKeySign and signDigest agree, including digests ≥ n (RFC 6979 reduces them mod n)", () => {
    const digests = [
      sha('a'),
      new Uint8Array(32),
      new Uint8Array(32).fill(0xff),
      hexToBytes(N.toString(16)),
      hexToBytes((N + 7n).toString(16)),
    ];
    for (let i = 0; i < 10; i++) {
      const key = sha(`eckeysign/${i}`);
      for (const digest of digests) {
        const theirs = tronUtils.crypto.ECKeySign(digest, key).toLowerCase();
        expect(bytesToHex(signDigest(digest, key, 'eth')), `key ${i} digest ${bytesToHex(digest)}`).toBe(theirs);
      }
      expect(bytesToHex(privateKeyToAddressBytes(key))).toBe(
        TronWeb.address.toHex(TronWeb.address.fromPrivateKey(bytesToHex(key)) as string),
      );
    }
  });
});
