import { describe, expect, it } from 'vitest';
import { type TransactionVector, transactionVectors, vectorId } from '../../test/vectors.js';
import { toBase58Address } from './address.js';
import { bytesToHex, hexToBytes } from './bytes.js';
import { sha256 } from './hash.js';
import { privateKeyToAddressBytes } from './keys.js';
import { ProtoWriter, readFields } from './protobuf.js';
import {
  bandwidthBytes,
  buildAccountCreate,
  buildCancelAllUnfreezeV2,
  buildDelegateResource,
  buildFreezeBalanceV2,
  buildTransfer,
  buildTriggerSmartContract,
  buildUnDelegateResource,
  buildUnfreezeBalanceV2,
  buildWithdrawExpireUnfreeze,
  CONTRACT_RESULT,
  CONTRACT_TYPE_NUMBER,
  computeTxId,
  decodeSignedTransaction,
  decodeTransactionRaw,
  encodeContractValue,
  encodeSignedTransaction,
  encodeTransactionRaw,
  isSignedByOwner,
  makeTransaction,
  recoverSigner,
  refBlockFields,
  signDigest,
  signTransaction,
  type Transaction,
  TransactionFormatError,
  transactionFromJson,
  transactionRawFromJson,
  transactionRawToJson,
  transactionToJson,
} from './transaction.js';
import { decodeTransferCall, encodeTransferCall } from './trc20.js';

const all = transactionVectors().vectors;
const byId = new Map(all.map((v) => [vectorId(v), v]));
const signed = all.filter((v): v is TransactionVector & { signature: string[]; recovered_signer_hex: string } => !!v.signature);
const withSignedHex = all.filter((v) => v.signed_transaction_protobuf_hex !== undefined);

function vector(id: string): TransactionVector {
  const v = byId.get(id);
  if (!v) throw new Error(`no vector ${id}`);
  return v;
}

function table<T extends { name: string }>(vectors: T[]): (readonly [string, T])[] {
  return vectors.map((v) => [vectorId(v), v] as const);
}

/** Signature hex with its v byte replaced. */
function withV(signatureHex: string, v: number): string {
  return signatureHex.slice(0, 128) + v.toString(16).padStart(2, '0');
}

/** The raw transaction of a vector parsed from its JSON, plus its first signature. */
function fromVector(v: TransactionVector): Transaction {
  return makeTransaction(transactionRawFromJson(v.raw_data), (v.signature ?? []).map(hexToBytes));
}

describe('real transactions (transactions_real.json)', () => {
  it('holds the 11 expected vectors', () => {
    expect(all.map(vectorId)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6']);
    expect(signed.map(vectorId)).toEqual(['T1', 'T2', 'T4', 'T5', 'S3', 'S4', 'S5']);
  });

  describe.each(table(all))('%s', (_, v) => {
    it('raw_data JSON encodes to raw_data_hex byte for byte', () => {
      const raw = transactionRawFromJson(v.raw_data);
      expect(bytesToHex(encodeTransactionRaw(raw))).toBe(v.raw_data_hex);
    });

    it('txID is sha256 of the raw bytes', () => {
      expect(computeTxId(hexToBytes(v.raw_data_hex))).toBe(v.txID);
      expect(makeTransaction(transactionRawFromJson(v.raw_data)).txID).toBe(v.txID);
    });

    it('raw_data_hex decodes, re-encodes identically and prints as the node printed it', () => {
      const raw = decodeTransactionRaw(hexToBytes(v.raw_data_hex));
      expect(bytesToHex(encodeTransactionRaw(raw))).toBe(v.raw_data_hex);
      const json = transactionRawToJson(raw);
      expect(json).toStrictEqual(v.raw_data);
      expect(Object.keys(json).sort()).toEqual(Object.keys(v.raw_data).sort());
    });

    it('round-trips through the visible (base58) JSON form', () => {
      const raw = decodeTransactionRaw(hexToBytes(v.raw_data_hex));
      const visible = transactionRawToJson(raw, true);
      const value = (visible.contract as { parameter: { value: Record<string, unknown> } }[])[0]!.parameter.value;
      expect(value.owner_address).toBe(toBase58Address(v.raw_data.contract[0]!.parameter.value.owner_address as string));
      expect(bytesToHex(encodeTransactionRaw(transactionRawFromJson(visible, true)))).toBe(v.raw_data_hex);
    });

    it('transactionToJson / transactionFromJson round-trip and recompute the txID', () => {
      const tx = fromVector(v);
      const json = transactionToJson(tx);
      expect(json.txID).toBe(v.txID);
      expect(json.raw_data_hex).toBe(v.raw_data_hex);
      expect(json.raw_data).toStrictEqual(v.raw_data);
      if (v.signature) expect(json.signature).toEqual(v.signature);
      else expect(json).not.toHaveProperty('signature');
      const back = transactionFromJson({ ...json, txID: 'f'.repeat(64), raw_data_hex: '00' });
      expect(back.txID).toBe(v.txID);
      expect(bytesToHex(back.rawBytes)).toBe(v.raw_data_hex);
    });

    it('bandwidth equals bandwidth_if_single_sig (a dummy 65-byte signature for unsigned ones)', () => {
      const raw = transactionRawFromJson(v.raw_data);
      const signatures = v.signature ? v.signature.map(hexToBytes) : [new Uint8Array(65).fill(0xab)];
      expect(signatures).toHaveLength(1);
      expect(bandwidthBytes(makeTransaction(raw, signatures))).toBe(v.bandwidth_if_single_sig);
    });
  });

  describe.each(table(signed))('%s signature', (_, v) => {
    const digest = hexToBytes(v.txID);
    const signatureHex = v.signature[0]!;
    const vByte = Number.parseInt(signatureHex.slice(128), 16);

    it('carries the v byte the vector states', () => {
      expect(signatureHex.slice(128)).toBe(v.signature_v_byte);
    });

    it('recovers recovered_signer_hex, which is the owner', () => {
      const signer = recoverSigner(digest, hexToBytes(signatureHex));
      expect(signer).not.toBeNull();
      expect(bytesToHex(signer as Uint8Array)).toBe(v.recovered_signer_hex);
      expect(toBase58Address(v.recovered_signer_hex)).toBe(v.recovered_signer_base58);
      expect(v.raw_data.contract[0]!.parameter.value.owner_address).toBe(v.recovered_signer_hex);
      expect(isSignedByOwner(fromVector(v))).toBe(true);
    });

    it('recovers the same signer with v as 0/1 and as 27/28, in upper and lower hex case', () => {
      const recid = vByte >= 27 ? vByte - 27 : vByte;
      for (const rewritten of [withV(signatureHex, recid), withV(signatureHex, recid + 27)]) {
        for (const cased of [
          rewritten.toLowerCase(),
          rewritten.toUpperCase(),
          rewritten.slice(0, 128) + rewritten.slice(128).toUpperCase(),
        ]) {
          const signer = recoverSigner(digest, hexToBytes(cased));
          expect(signer && bytesToHex(signer), cased).toBe(v.recovered_signer_hex);
          const tx = transactionFromJson({ raw_data: v.raw_data, signature: [cased] });
          expect(isSignedByOwner(tx), cased).toBe(true);
        }
      }
    });

    it('does not recover the owner from a signature with one byte flipped', () => {
      for (const position of [0, 1, 17, 31, 32, 33, 50, 63, 64]) {
        const tampered = hexToBytes(signatureHex);
        tampered[position] = (tampered[position] as number) ^ 0x01;
        const tx = makeTransaction(transactionRawFromJson(v.raw_data), [tampered]);
        expect(isSignedByOwner(tx), `byte ${position}`).toBe(false);
        const signer = recoverSigner(digest, tampered);
        if (signer) expect(bytesToHex(signer)).not.toBe(v.recovered_signer_hex);
      }
    });

    it('does not verify against another transaction', () => {
      const other = all.find((o) => o.txID !== v.txID)!;
      const signer = recoverSigner(hexToBytes(other.txID), hexToBytes(signatureHex));
      if (signer) expect(bytesToHex(signer)).not.toBe(v.recovered_signer_hex);
    });
  });

  describe.each(table(withSignedHex))('%s signed protobuf', (_, v) => {
    it('decodes to the raw data, txID and signature of the vector and re-encodes identically', () => {
      const tx = decodeSignedTransaction(hexToBytes(v.signed_transaction_protobuf_hex!));
      expect(tx.txID).toBe(v.txID);
      expect(bytesToHex(tx.rawBytes)).toBe(v.raw_data_hex);
      expect(tx.signatures.map(bytesToHex)).toEqual(v.signature);
      expect(transactionRawToJson(tx.raw)).toStrictEqual(v.raw_data);
      expect(bytesToHex(encodeSignedTransaction(tx))).toBe(v.signed_transaction_protobuf_hex);
      expect(isSignedByOwner(tx)).toBe(true);
      expect(bandwidthBytes(tx)).toBe(v.bandwidth_if_single_sig);
      expect(bandwidthBytes(tx)).toBe(hexToBytes(v.signed_transaction_protobuf_hex!).length + 64);
    });

    it('ignores ret (field 5) when decoding and when counting bandwidth', () => {
      const tx = decodeSignedTransaction(hexToBytes(v.signed_transaction_protobuf_hex!));
      const withRet = encodeSignedTransaction(tx, CONTRACT_RESULT.SUCCESS);
      expect(bytesToHex(withRet)).toBe(`${v.signed_transaction_protobuf_hex}2a021801`);
      const back = decodeSignedTransaction(withRet);
      expect(back.txID).toBe(v.txID);
      expect(bandwidthBytes(back)).toBe(v.bandwidth_if_single_sig);
    });
  });
});

describe('TRC-20 calldata in the real transactions', () => {
  const expected: Record<string, { to: string; amount: bigint }> = {
    S1: { to: '41088a2bfcb1c7271029fd69a66859d55560895884', amount: 100n },
    S3: { to: '41f3bba0c676e77dde79933fbcbacd445b2c9af0ff', amount: 29_834_716n },
    // The address word of S4 is 00…00 41 5d4a…: the recipient is the low 20 bytes.
    S4: { to: '415d4a41a3b0cdda5c03df72b38a20aa1b88777c75', amount: 4_191_000_000n },
    S5: { to: '41169149d8c1f5b11d51b98007ffd0d6af8b30830a', amount: 5_000_000n },
    S6: { to: '412dc6315794484d20d4451de8cb305751aaf9211b', amount: 2_999_000_000n },
  };

  it.each(Object.entries(expected))('%s transfer(address,uint256) decodes to the right recipient and amount', (id, want) => {
    const v = vector(id);
    const data = v.raw_data.contract[0]!.parameter.value.data as string;
    expect(decodeTransferCall(data)).toEqual(want);
    expect(decodeTransferCall(data.toUpperCase())).toEqual(want);
    const raw = decodeTransactionRaw(hexToBytes(v.raw_data_hex));
    if (raw.contract.type !== 'TriggerSmartContract') throw new Error('expected a TriggerSmartContract');
    expect(decodeTransferCall(raw.contract.data)).toEqual(want);
    if (id !== 'S4') expect(bytesToHex(encodeTransferCall(want.to, want.amount))).toBe(data);
  });

  it('S3 pays TYBwyJDsfFgt9toLTMuJuZCKrJG4ZCDNCB, as its notes say', () => {
    expect(toBase58Address(expected.S3!.to)).toBe('TYBwyJDsfFgt9toLTMuJuZCKrJG4ZCDNCB');
  });

  it('S2 (balanceOf) is not a transfer', () => {
    expect(decodeTransferCall(vector('S2').raw_data.contract[0]!.parameter.value.data as string)).toBeNull();
  });
});

describe('building and signing', () => {
  const key = hexToBytes('0000000000000000000000000000000000000000000000000000000000000001');
  const from = privateKeyToAddressBytes(key);
  const to = hexToBytes('41a614f803b6fd780986a42c78ec9c7f77e6ded13c');
  const ref = refBlockFields(66987565, '0000000003fe262d52bfa4b2814f816fd2e57af5b98a33d60d8630a03a908e0e');

  it('rebuilds T2 from its parts with buildTransfer', () => {
    const v = vector('T2');
    const value = v.raw_data.contract[0]!.parameter.value;
    const tx = buildTransfer({
      ref: { refBlockBytes: hexToBytes(v.raw_data.ref_block_bytes), refBlockHash: hexToBytes(v.raw_data.ref_block_hash) },
      expiration: BigInt(v.raw_data.expiration),
      timestamp: BigInt(v.raw_data.timestamp),
      from: hexToBytes(value.owner_address as string),
      to: hexToBytes(value.to_address as string),
      amount: BigInt(value.amount as number),
    });
    expect(tx.txID).toBe(v.txID);
    expect(bytesToHex(tx.rawBytes)).toBe(v.raw_data_hex);
  });

  it('rebuilds S3 from its parts with buildTriggerSmartContract', () => {
    const v = vector('S3');
    const value = v.raw_data.contract[0]!.parameter.value;
    const tx = buildTriggerSmartContract({
      ref: { refBlockBytes: hexToBytes(v.raw_data.ref_block_bytes), refBlockHash: hexToBytes(v.raw_data.ref_block_hash) },
      expiration: BigInt(v.raw_data.expiration),
      timestamp: BigInt(v.raw_data.timestamp),
      from: hexToBytes(value.owner_address as string),
      contract: hexToBytes(value.contract_address as string),
      data: hexToBytes(value.data as string),
      feeLimit: BigInt(v.raw_data.fee_limit!),
    });
    expect(tx.txID).toBe(v.txID);
    expect(bytesToHex(tx.rawBytes)).toBe(v.raw_data_hex);
  });

  it('defaults expiration to timestamp + 60 s and writes a memo into raw_data.data', () => {
    const tx = buildTransfer({ ref, timestamp: 1777445121000n, from, to, amount: 1n, memo: Buffer.from('hi') });
    expect(tx.raw.expiration).toBe(1777445181000n);
    const json = transactionRawToJson(tx.raw);
    expect(json.data).toBe('6869');
    expect(bytesToHex(encodeTransactionRaw(transactionRawFromJson(json)))).toBe(bytesToHex(tx.rawBytes));
    expect(bytesToHex(encodeTransactionRaw(decodeTransactionRaw(tx.rawBytes)))).toBe(bytesToHex(tx.rawBytes));
  });

  it('omits amount 0 (proto3 default) and still round-trips', () => {
    const tx = buildTransfer({ ref, timestamp: 1n, from, to, amount: 0n });
    const json = transactionRawToJson(tx.raw);
    const value = (json.contract as { parameter: { value: Record<string, unknown> } }[])[0]!.parameter.value;
    expect(value).not.toHaveProperty('amount');
    expect(decodeTransactionRaw(tx.rawBytes).contract).toMatchObject({ type: 'TransferContract', amount: 0n });
  });

  it('signs with v = 27/28 ("eth") or 0/1 ("raw"); both verify and share r‖s', () => {
    const tx = buildTransfer({ ref, timestamp: 1777445121000n, from, to, amount: 1_000_000n });
    const eth = signTransaction(tx, key, 'eth');
    const raw = signTransaction(tx, key, 'raw');
    const ethSig = eth.signatures[0]!;
    const rawSig = raw.signatures[0]!;
    expect([27, 28]).toContain(ethSig[64]);
    expect([0, 1]).toContain(rawSig[64]);
    expect(ethSig[64]! - 27).toBe(rawSig[64]);
    expect(bytesToHex(ethSig.subarray(0, 64))).toBe(bytesToHex(rawSig.subarray(0, 64)));
    expect(isSignedByOwner(eth)).toBe(true);
    expect(isSignedByOwner(raw)).toBe(true);
    expect(tx.signatures).toHaveLength(0);
    expect(bytesToHex(signDigest(hexToBytes(tx.txID), key))).toBe(bytesToHex(ethSig));
  });

  it('matches the TronWeb-captured transfer signed by key 00…01 (tronweb_requests.json)', () => {
    const tx = buildTransfer({
      ref,
      timestamp: 1777445121000n,
      expiration: 1777445181000n,
      from,
      to,
      amount: 1_000_000n,
    });
    expect(tx.txID).toBe('f6a1749dcb610dd84f165173a144862a5dca4634b146973bf1e6e5151aa6bb71');
    const sig = bytesToHex(signTransaction(tx, key).signatures[0]!);
    expect(sig).toBe(
      'bc0caaba8975aaec36be7aabbcc4efe4afebf9c7cd13728aebb633a306c97ecc5b9d4b8ce9238d52dd60f75c0e0471c3ad5226fff9ff8435b3cdefa2ff939f581c',
    );
  });

  it('isSignedByOwner is false without signatures and for a signature by another key', () => {
    const tx = buildTransfer({ ref, timestamp: 1n, from, to, amount: 1n });
    expect(isSignedByOwner(tx)).toBe(false);
    const otherKey = sha256(Buffer.from('another key'));
    expect(isSignedByOwner(signTransaction(tx, otherKey))).toBe(false);
  });

  it('recoverSigner returns null for a wrong length or an impossible v', () => {
    const tx = signTransaction(buildTransfer({ ref, timestamp: 1n, from, to, amount: 1n }), key);
    const sig = tx.signatures[0]!;
    const digest = hexToBytes(tx.txID);
    expect(recoverSigner(digest, sig.subarray(0, 64))).toBeNull();
    for (const v of [2, 26, 29, 35, 255]) {
      const bad = Uint8Array.from(sig);
      bad[64] = v;
      expect(recoverSigner(digest, bad), `v=${v}`).toBeNull();
    }
    expect(recoverSigner(digest, new Uint8Array(65))).toBeNull();
  });
});

describe('rejecting malformed transactions', () => {
  const t1 = hexToBytes(vector('T1').raw_data_hex);
  const s3 = hexToBytes(vector('S3').raw_data_hex);

  function expectFormatError(fn: () => unknown, message?: RegExp): void {
    let error: unknown;
    try {
      fn();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TransactionFormatError);
    if (message) expect((error as Error).message).toMatch(message);
  }

  it('decodeTransactionRaw rejects every truncation that cuts a field or drops the contract', () => {
    for (const bytes of [t1, s3]) {
      const hex = bytesToHex(bytes);
      for (let cut = 0; cut < bytes.length; cut++) {
        const truncated = bytes.subarray(0, cut);
        let decoded: ReturnType<typeof decodeTransactionRaw> | undefined;
        try {
          decoded = decodeTransactionRaw(truncated);
        } catch (err) {
          expect(err, `cut at ${cut}`).toBeInstanceOf(TransactionFormatError);
          continue;
        }
        // Only a cut exactly between two fields after the contract leaves a well-formed message.
        expect(bytesToHex(encodeTransactionRaw(decoded)), `cut at ${cut}`).toBe(bytesToHex(truncated));
        expect(hex.startsWith(bytesToHex(truncated))).toBe(true);
        expect(decoded.contract).toBeDefined();
      }
    }
  });

  it('decodeTransactionRaw rejects unknown raw_data fields', () => {
    // field 2 (varint), field 15 (varint), field 13 (bytes)
    for (const suffix of ['1001', '7801', '6a0100']) {
      expectFormatError(() => decodeTransactionRaw(hexToBytes(bytesToHex(t1) + suffix)), /field/);
    }
  });

  it('decodeTransactionRaw rejects unsupported wire types and field number 0', () => {
    expectFormatError(() => decodeTransactionRaw(hexToBytes(`${bytesToHex(t1)}710000000000000000`)), /wire type/); // 14, fixed64
    expectFormatError(() => decodeTransactionRaw(hexToBytes(`${bytesToHex(t1)}0001`))); // field 0
    expectFormatError(() => decodeTransactionRaw(hexToBytes(`${bytesToHex(t1)}70ffffffffffffffffffff01`)), /varint/); // 11-byte varint
  });

  it('decodeTransactionRaw rejects a field carried with the wrong wire type', () => {
    expectFormatError(() => decodeTransactionRaw(hexToBytes('0801')), /ref_block_bytes/); // field 1 as varint
    expectFormatError(() => decodeTransactionRaw(hexToBytes('420100')), /expiration/); // field 8 as bytes
  });

  it('decodeTransactionRaw rejects zero or two contracts', () => {
    const noContract = new ProtoWriter().bytes(1, hexToBytes('193b')).int64(8, 5).finish();
    expectFormatError(() => decodeTransactionRaw(noContract), /exactly one contract/);
    // T1's contract is field 11 with a 0x68-byte body: "5a 68 …"; append a second copy of it.
    const hex = bytesToHex(t1);
    const start = hex.indexOf('5a680801');
    const contractHex = hex.slice(start, start + 2 * (2 + 0x68));
    expect(decodeTransactionRaw(hexToBytes(hex.slice(0, start) + contractHex)).contract.type).toBe('TransferContract');
    expectFormatError(() => decodeTransactionRaw(hexToBytes(hex + contractHex)), /exactly one contract/);
  });

  it('decodeTransactionRaw rejects unknown contract types, unknown contract fields and a mismatched type_url', () => {
    const raw = decodeTransactionRaw(t1);
    const hex = bytesToHex(encodeTransactionRaw(raw));
    // contract.type 1 → 2 (TransferAssetContract)
    expectFormatError(() => decodeTransactionRaw(hexToBytes(hex.replace('5a680801', '5a680802'))), /contract type 2/);
    // type_url says TriggerSmartContract while type is TransferContract
    const triggerUrl = Buffer.from('type.googleapis.com/protocol.TriggerSmartContract').toString('hex');
    const transferUrl = Buffer.from('type.googleapis.com/protocol.TransferContract').toString('hex');
    const swapped = new ProtoWriter()
      .bytes(1, hexToBytes('193b'))
      .bytes(
        11,
        new ProtoWriter()
          .int64(1, 1)
          .bytes(2, new ProtoWriter().bytes(1, hexToBytes(triggerUrl)).bytes(2, hexToBytes('0a0141')).finish())
          .finish(),
      )
      .finish();
    expectFormatError(() => decodeTransactionRaw(swapped), /type_url/);
    // an unknown field (4) inside TransferContract
    const extra = new ProtoWriter()
      .bytes(
        11,
        new ProtoWriter()
          .int64(1, 1)
          .bytes(2, new ProtoWriter().bytes(1, hexToBytes(transferUrl)).bytes(2, hexToBytes('0a0141200a')).finish())
          .finish(),
      )
      .finish();
    expectFormatError(() => decodeTransactionRaw(extra), /TransferContract field 4/);
    // a contract without parameter
    expectFormatError(
      () => decodeTransactionRaw(new ProtoWriter().bytes(11, new ProtoWriter().int64(1, 1).finish()).finish()),
      /parameter/,
    );
  });

  it('decodeSignedTransaction rejects truncated input, unknown fields and a missing raw_data', () => {
    const signedHex = vector('T2').signed_transaction_protobuf_hex!;
    expectFormatError(() => decodeSignedTransaction(hexToBytes(signedHex.slice(0, -2))));
    expectFormatError(() => decodeSignedTransaction(hexToBytes(signedHex.slice(0, 40))));
    expectFormatError(() => decodeSignedTransaction(hexToBytes(`${signedHex}1801`)), /field 3/);
    expectFormatError(() => decodeSignedTransaction(hexToBytes(`1241${'00'.repeat(65)}`)), /raw_data/);
  });

  describe('transactionRawFromJson names the offending field', () => {
    const base = () => structuredClone(vector('T1').raw_data) as unknown as Record<string, unknown>;
    const contract0 = (json: Record<string, unknown>) => (json.contract as Record<string, unknown>[])[0]!;
    const value0 = (json: Record<string, unknown>) => (contract0(json).parameter as { value: Record<string, unknown> }).value;

    it('non-hex or odd-length ref_block_hash', () => {
      for (const bad of ['zzecd88e4e0e7528', 'aaecd88e4e0e752', 1234]) {
        const json = base();
        json.ref_block_hash = bad;
        expectFormatError(() => transactionRawFromJson(json), /ref_block_hash/);
      }
    });

    it('non-hex ref_block_bytes and data', () => {
      const json = base();
      json.ref_block_bytes = 'xyz0';
      expectFormatError(() => transactionRawFromJson(json), /ref_block_bytes/);
      const withData = base();
      withData.data = 'not hex';
      expectFormatError(() => transactionRawFromJson(withData), /raw_data\.data/);
    });

    it('unknown contract type', () => {
      const json = base();
      contract0(json).type = 'TransferAssetContract';
      expectFormatError(() => transactionRawFromJson(json), /contract\[0\]\.type.*TransferAssetContract/);
    });

    it('two contracts, or none', () => {
      const json = base();
      (json.contract as unknown[]).push(structuredClone(contract0(json)));
      expectFormatError(() => transactionRawFromJson(json), /raw_data\.contract/);
      const none = base();
      none.contract = [];
      expectFormatError(() => transactionRawFromJson(none), /raw_data\.contract/);
    });

    it('non-integer amount', () => {
      for (const bad of [1.5, '1.5', '1e6', Number.MAX_SAFE_INTEGER + 1, true, 'ten']) {
        const json = base();
        value0(json).amount = bad;
        expectFormatError(() => transactionRawFromJson(json), /parameter\.value\.amount/);
      }
    });

    it('non-integer expiration, timestamp and fee_limit', () => {
      for (const field of ['expiration', 'timestamp', 'fee_limit']) {
        const json = base();
        json[field] = 12.5;
        expectFormatError(() => transactionRawFromJson(json), new RegExp(`raw_data\\.${field}`));
      }
    });

    it('bad owner/to addresses', () => {
      const json = base();
      value0(json).to_address = 42;
      expectFormatError(() => transactionRawFromJson(json), /to_address/);
      const visible = base();
      value0(visible).owner_address = 'TPswDDCAWhJAZGdHPidFg5nEf8TkNToDX2';
      expectFormatError(() => transactionRawFromJson(visible, true), /owner_address/);
    });

    it('a non-object raw_data', () => {
      for (const bad of [null, 'x', [], 5]) expectFormatError(() => transactionRawFromJson(bad), /raw_data/);
    });

    it('accepts int64 values as decimal strings', () => {
      const json = base();
      value0(json).amount = '10000000';
      json.expiration = String(json.expiration);
      expect(bytesToHex(encodeTransactionRaw(transactionRawFromJson(json)))).toBe(vector('T1').raw_data_hex);
    });
  });

  it('transactionFromJson rejects a non-array or non-hex signature', () => {
    const rawData = vector('T1').raw_data;
    expectFormatError(() => transactionFromJson({ raw_data: rawData, signature: 'abcd' }), /signature/);
    expectFormatError(() => transactionFromJson({ raw_data: rawData, signature: ['xyz'] }), /signature\[0\]/);
    expectFormatError(() => transactionFromJson(null), /object/);
  });
});

describe('Stake 2.0 (54–59) and AccountCreate (0) contracts', () => {
  const key = hexToBytes('0000000000000000000000000000000000000000000000000000000000000001');
  const owner = privateKeyToAddressBytes(key);
  const other = hexToBytes('41a614f803b6fd780986a42c78ec9c7f77e6ded13c');
  const ownerHex = bytesToHex(owner);
  const otherHex = bytesToHex(other);
  const common = {
    ref: refBlockFields(66987565, '0000000003fe262d52bfa4b2814f816fd2e57af5b98a33d60d8630a03a908e0e'),
    timestamp: 1_733_000_000_000n,
  };
  const amount = 1_000_000n; // varint c0843d

  // Expected parameter.value bytes written out by hand from java-tron's balance_contract.proto and
  // account_contract.proto field numbers, not with ProtoWriter, so a wrong field number cannot agree with itself.
  const cases: { name: string; tx: Transaction; valueHex: string; json: Record<string, unknown> }[] = [
    {
      name: 'FreezeBalanceV2 ENERGY',
      tx: buildFreezeBalanceV2({ ...common, from: owner, amount, resource: 'ENERGY' }),
      valueHex: `0a15${ownerHex}10c0843d1801`,
      json: { owner_address: ownerHex, frozen_balance: 1_000_000, resource: 'ENERGY' },
    },
    {
      name: 'FreezeBalanceV2 BANDWIDTH (resource omitted)',
      tx: buildFreezeBalanceV2({ ...common, from: owner, amount, resource: 'BANDWIDTH' }),
      valueHex: `0a15${ownerHex}10c0843d`,
      json: { owner_address: ownerHex, frozen_balance: 1_000_000 },
    },
    {
      name: 'UnfreezeBalanceV2 ENERGY',
      tx: buildUnfreezeBalanceV2({ ...common, from: owner, amount, resource: 'ENERGY' }),
      valueHex: `0a15${ownerHex}10c0843d1801`,
      json: { owner_address: ownerHex, unfreeze_balance: 1_000_000, resource: 'ENERGY' },
    },
    {
      name: 'WithdrawExpireUnfreeze',
      tx: buildWithdrawExpireUnfreeze({ ...common, from: owner }),
      valueHex: `0a15${ownerHex}`,
      json: { owner_address: ownerHex },
    },
    {
      name: 'DelegateResource ENERGY, locked for 28800 blocks',
      tx: buildDelegateResource({ ...common, from: owner, receiver: other, amount, resource: 'ENERGY', lock: true, lockPeriod: 28_800n }),
      valueHex: `0a15${ownerHex}100118c0843d2215${otherHex}28013080e101`,
      json: {
        owner_address: ownerHex,
        resource: 'ENERGY',
        balance: 1_000_000,
        receiver_address: otherHex,
        lock: true,
        lock_period: 28_800,
      },
    },
    {
      name: 'DelegateResource BANDWIDTH, unlocked (resource and lock omitted)',
      tx: buildDelegateResource({ ...common, from: owner, receiver: other, amount, resource: 'BANDWIDTH' }),
      valueHex: `0a15${ownerHex}18c0843d2215${otherHex}`,
      json: { owner_address: ownerHex, balance: 1_000_000, receiver_address: otherHex },
    },
    {
      name: 'UnDelegateResource ENERGY',
      tx: buildUnDelegateResource({ ...common, from: owner, receiver: other, amount, resource: 'ENERGY' }),
      valueHex: `0a15${ownerHex}100118c0843d2215${otherHex}`,
      json: { owner_address: ownerHex, resource: 'ENERGY', balance: 1_000_000, receiver_address: otherHex },
    },
    {
      name: 'CancelAllUnfreezeV2',
      tx: buildCancelAllUnfreezeV2({ ...common, from: owner }),
      valueHex: `0a15${ownerHex}`,
      json: { owner_address: ownerHex },
    },
    {
      name: 'AccountCreate',
      tx: buildAccountCreate({ ...common, from: owner, account: other }),
      valueHex: `0a15${ownerHex}1215${otherHex}`,
      json: { owner_address: ownerHex, account_address: otherHex },
    },
  ];

  describe.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    it('encodes parameter.value with the proto field numbers and the contract type number', () => {
      expect(bytesToHex(encodeContractValue(c.tx.raw.contract))).toBe(c.valueHex);
      const contractField = readFields(c.tx.rawBytes).find((f) => f.field === 11)!;
      const typeField = readFields(contractField.value as Uint8Array).find((f) => f.field === 1);
      // AccountCreateContract is type 0, the proto3 default, so the field is absent.
      expect(typeField?.value ?? 0n).toBe(BigInt(CONTRACT_TYPE_NUMBER[c.tx.raw.contract.type]));
    });

    it('decodes its raw bytes back to the same contract and re-encodes byte for byte', () => {
      const decoded = decodeTransactionRaw(c.tx.rawBytes);
      // compared through the JSON form: the decoder hands out Buffer views, the builders took plain bytes
      expect(transactionRawToJson(decoded)).toEqual(transactionRawToJson(c.tx.raw));
      expect(decoded.contract.type).toBe(c.tx.raw.contract.type);
      expect(bytesToHex(encodeTransactionRaw(decoded))).toBe(bytesToHex(c.tx.rawBytes));
    });

    it('prints as java-tron JSON (defaults omitted, enum by name) and parses back, in hex and visible form', () => {
      const json = transactionRawToJson(c.tx.raw);
      const contract = (json.contract as { parameter: { value: unknown; type_url: string }; type: string }[])[0]!;
      expect(contract.type).toBe(c.tx.raw.contract.type);
      expect(contract.parameter.type_url).toBe(`type.googleapis.com/protocol.${c.tx.raw.contract.type}`);
      expect(contract.parameter.value).toEqual(c.json);
      expect(bytesToHex(encodeTransactionRaw(transactionRawFromJson(json)))).toBe(bytesToHex(c.tx.rawBytes));

      const visible = transactionRawToJson(c.tx.raw, true);
      const visibleValue = (visible.contract as { parameter: { value: Record<string, unknown> } }[])[0]!.parameter.value;
      expect(visibleValue.owner_address).toBe(toBase58Address(ownerHex));
      for (const k of ['receiver_address', 'account_address']) {
        if (k in c.json) expect(visibleValue[k]).toBe(toBase58Address(otherHex));
      }
      expect(bytesToHex(encodeTransactionRaw(transactionRawFromJson(visible, true)))).toBe(bytesToHex(c.tx.rawBytes));
    });

    it('signs and verifies as the owner', () => {
      expect(isSignedByOwner(decodeSignedTransaction(encodeSignedTransaction(signTransaction(c.tx, key))))).toBe(true);
    });
  });

  it('carries permissionId into Permission_id', () => {
    const tx = buildFreezeBalanceV2({ ...common, permissionId: 2, from: owner, amount, resource: 'ENERGY' });
    expect(decodeTransactionRaw(tx.rawBytes).contract.permissionId).toBe(2);
    expect((transactionRawToJson(tx.raw).contract as Record<string, unknown>[])[0]!.Permission_id).toBe(2);
  });

  it('refuses a lock period without lock', () => {
    expect(() => buildDelegateResource({ ...common, from: owner, receiver: other, amount, resource: 'ENERGY', lockPeriod: 10n })).toThrow(
      /lockPeriod/,
    );
  });

  /** raw_data bytes holding one contract of `type` whose parameter.value is `valueHex`. */
  function rawWith(type: keyof typeof CONTRACT_TYPE_NUMBER, valueHex: string): Uint8Array {
    const any = new ProtoWriter()
      .bytes(1, Buffer.from(`type.googleapis.com/protocol.${type}`))
      .bytes(2, hexToBytes(valueHex))
      .finish();
    return new ProtoWriter().bytes(11, new ProtoWriter().int64(1, CONTRACT_TYPE_NUMBER[type]).bytes(2, any).finish()).finish();
  }

  function expectFormatError(fn: () => unknown, message: RegExp): void {
    expect(fn).toThrow(TransactionFormatError);
    expect(fn).toThrow(message);
  }

  it('decoding is strict: TRON_POWER, a non-canonical bool, wrong wire types, unknown fields, other account types', () => {
    expect(decodeTransactionRaw(rawWith('FreezeBalanceV2Contract', `0a15${ownerHex}10011801`)).contract).toMatchObject({
      resource: 'ENERGY',
    });
    expectFormatError(() => decodeTransactionRaw(rawWith('FreezeBalanceV2Contract', `0a15${ownerHex}10011802`)), /unsupported resource 2/);
    expectFormatError(() => decodeTransactionRaw(rawWith('DelegateResourceContract', `0a15${ownerHex}2802`)), /lock must be encoded as 1/);
    expectFormatError(
      () => decodeTransactionRaw(rawWith('DelegateResourceContract', `0a15${ownerHex}120101`)),
      /resource has the wrong wire type/,
    );
    expectFormatError(
      () => decodeTransactionRaw(rawWith('UnDelegateResourceContract', `0a15${ownerHex}2801`)),
      /UnDelegateResourceContract field 5/,
    );
    expectFormatError(
      () => decodeTransactionRaw(rawWith('WithdrawExpireUnfreezeContract', `0a15${ownerHex}1001`)),
      /WithdrawExpireUnfreezeContract field 2/,
    );
    expectFormatError(
      () => decodeTransactionRaw(rawWith('CancelAllUnfreezeV2Contract', `0a15${ownerHex}1001`)),
      /CancelAllUnfreezeV2Contract field 2/,
    );
    expectFormatError(() => decodeTransactionRaw(rawWith('AccountCreateContract', `0a15${ownerHex}1801`)), /AccountCreateContract type 1/);
    // an absent contract.type is 0, AccountCreateContract; a type_url naming another contract (same length) is refused
    const untyped = rawWith('AccountCreateContract', `0a15${ownerHex}`);
    const url = (name: string) => Buffer.from(`type.googleapis.com/protocol.${name}`).toString('hex');
    const relabelled = hexToBytes(bytesToHex(untyped).replace(url('AccountCreateContract'), url('TransferAssetContract')));
    expect(decodeTransactionRaw(untyped).contract.type).toBe('AccountCreateContract');
    expectFormatError(() => decodeTransactionRaw(relabelled), /does not match AccountCreateContract/);
  });

  describe('transactionRawFromJson names the offending field', () => {
    const jsonOf = (tx: Transaction) => transactionRawToJson(tx.raw);
    const value0 = (json: Record<string, unknown>) =>
      (json.contract as { parameter: { value: Record<string, unknown> } }[])[0]!.parameter.value;
    const delegate = buildDelegateResource({ ...common, from: owner, receiver: other, amount, resource: 'ENERGY', lock: true });

    it('accepts the resource as its name or number and rejects TRON_POWER and other values', () => {
      for (const [given, expected] of [
        ['ENERGY', 'ENERGY'],
        [1, 'ENERGY'],
        ['BANDWIDTH', 'BANDWIDTH'],
        [0, 'BANDWIDTH'],
      ] as const) {
        const json = jsonOf(delegate);
        value0(json).resource = given;
        expect(transactionRawFromJson(json).contract).toMatchObject({ resource: expected });
      }
      for (const bad of ['TRON_POWER', 2, 'energy', true]) {
        const json = jsonOf(delegate);
        value0(json).resource = bad;
        expectFormatError(() => transactionRawFromJson(json), /parameter\.value\.resource/);
      }
    });

    it('lock must be a boolean', () => {
      const json = jsonOf(delegate);
      value0(json).lock = 'yes';
      expectFormatError(() => transactionRawFromJson(json), /parameter\.value\.lock/);
    });

    it('balance, lock_period and receiver_address are checked', () => {
      for (const [key, bad] of [
        ['balance', 1.5],
        ['lock_period', 'x'],
        ['receiver_address', 'T-not-an-address'],
      ] as const) {
        const json = jsonOf(delegate);
        value0(json)[key] = bad;
        expectFormatError(() => transactionRawFromJson(json, key === 'receiver_address'), new RegExp(`parameter\\.value\\.${key}`));
      }
    });

    it('AccountCreateContract only of type Normal', () => {
      const json = jsonOf(buildAccountCreate({ ...common, from: owner, account: other }));
      value0(json).type = 'Contract';
      expectFormatError(() => transactionRawFromJson(json), /parameter\.value\.type/);
    });
  });
});
