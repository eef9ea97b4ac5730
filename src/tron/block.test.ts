import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blockVectors, transactionVectors } from '../../test/vectors.js';
import {
  BlockFormatError,
  type BlockHeaderRaw,
  blockHeaderHash,
  blockIdFromHash,
  blockNumberFromId,
  computeBlockId,
  computeTxTrieRoot,
  decodeBlockHeaderRaw,
  encodeBlockHeaderRaw,
} from './block.js';
import { bytesToHex, hexToBytes } from './bytes.js';
import { recoverSigner, refBlockFields } from './transaction.js';

const { blocks } = blockVectors();

/** Independent sha256 for the hand computations. */
function h(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p);
  return hash.digest();
}

describe('block headers (blocks.json, real Nile blocks)', () => {
  describe.each(blocks.map((b) => [b.raw.number, b] as const))('block %i', (_, b) => {
    const rawBytes = hexToBytes(b.block_header_raw_hex);
    const fromJson: BlockHeaderRaw = {
      timestamp: BigInt(b.raw.timestamp),
      txTrieRoot: hexToBytes(b.raw.txTrieRoot),
      parentHash: hexToBytes(b.raw.parentHash),
      number: BigInt(b.raw.number),
      witnessAddress: hexToBytes(b.raw.witness_address),
      version: b.raw.version,
    };

    it('header raw hex decodes to the JSON fields and re-encodes identically', () => {
      const header = decodeBlockHeaderRaw(rawBytes);
      expect(header.timestamp).toBe(BigInt(b.raw.timestamp));
      expect(bytesToHex(header.txTrieRoot)).toBe(b.raw.txTrieRoot);
      expect(bytesToHex(header.parentHash)).toBe(b.raw.parentHash);
      expect(header.number).toBe(BigInt(b.raw.number));
      expect(bytesToHex(header.witnessAddress)).toBe(b.raw.witness_address);
      expect(header.version).toBe(b.raw.version);
      expect(bytesToHex(encodeBlockHeaderRaw(header))).toBe(b.block_header_raw_hex);
      expect(bytesToHex(encodeBlockHeaderRaw(fromJson))).toBe(b.block_header_raw_hex);
    });

    it('computeBlockId is be64(number) ‖ sha256(header raw)[8..32] and equals blockID', () => {
      expect(bytesToHex(blockHeaderHash(fromJson))).toBe(b.sha256_of_header_raw);
      expect(bytesToHex(h(rawBytes))).toBe(b.sha256_of_header_raw);
      expect(computeBlockId(fromJson)).toBe(b.blockID);
      expect(blockIdFromHash(BigInt(b.raw.number), hexToBytes(b.sha256_of_header_raw))).toBe(b.blockID);
      expect(b.blockID.slice(0, 16)).toBe(b.raw.number.toString(16).padStart(16, '0'));
      expect(blockNumberFromId(b.blockID)).toBe(BigInt(b.raw.number));
    });

    it('refBlockFields(number, blockID) gives the derived ref_block_bytes and ref_block_hash', () => {
      for (const id of [b.blockID, hexToBytes(b.blockID), b.blockID.toUpperCase()]) {
        for (const number of [b.raw.number, BigInt(b.raw.number)]) {
          const ref = refBlockFields(number, id);
          expect(bytesToHex(ref.refBlockBytes)).toBe(b.derived.ref_block_bytes);
          expect(bytesToHex(ref.refBlockHash)).toBe(b.derived.ref_block_hash);
        }
      }
    });

    it('the witness signature over sha256(header raw) recovers witness_address', () => {
      const signature = hexToBytes(b.witness_signature);
      expect(signature[64]).toBeLessThan(2); // blocks use v = 0/1
      const signer = recoverSigner(h(rawBytes), signature);
      expect(signer && bytesToHex(signer)).toBe(b.raw.witness_address);
    });

    it('a different header does not recover the witness', () => {
      const changed = encodeBlockHeaderRaw({ ...fromJson, timestamp: fromJson.timestamp + 3000n });
      const signer = recoverSigner(h(changed), hexToBytes(b.witness_signature));
      if (signer) expect(bytesToHex(signer)).not.toBe(b.raw.witness_address);
    });
  });

  it('refBlockFields keeps only the low two bytes of the height and rejects a block id that is not 32 bytes', () => {
    const id = `${'00'.repeat(6)}ffff${'ab'.repeat(24)}`;
    expect(bytesToHex(refBlockFields(0x1234ffffn, id).refBlockBytes)).toBe('ffff');
    expect(bytesToHex(refBlockFields(0x10000, id).refBlockBytes)).toBe('0000');
    expect(bytesToHex(refBlockFields(1, id).refBlockHash)).toBe('ab'.repeat(8));
    expect(() => refBlockFields(1, id.slice(2))).toThrow(TypeError);
  });

  it('an empty header encodes to nothing and decodes to zero values', () => {
    const empty: BlockHeaderRaw = {
      timestamp: 0n,
      txTrieRoot: new Uint8Array(0),
      parentHash: new Uint8Array(0),
      number: 0n,
      witnessAddress: new Uint8Array(0),
      version: 0,
    };
    expect(encodeBlockHeaderRaw(empty)).toHaveLength(0);
    expect(decodeBlockHeaderRaw(new Uint8Array(0))).toEqual(empty);
  });
});

describe('computeTxTrieRoot (java-tron MerkleTree)', () => {
  const txs = transactionVectors()
    .vectors.filter((v) => v.signed_transaction_protobuf_hex)
    .map((v) => hexToBytes(v.signed_transaction_protobuf_hex!));
  const extra = [hexToBytes('0a00'), hexToBytes('0a0112'), hexToBytes('0a021234')];
  const leaves = [...txs, ...extra];
  const [a, b, c, d, e] = leaves.map((tx) => h(tx)) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];

  it('is 32 zero bytes for an empty block', () => {
    expect(bytesToHex(computeTxTrieRoot([]))).toBe('00'.repeat(32));
  });

  it('is sha256 of the transaction for a single transaction', () => {
    expect(bytesToHex(computeTxTrieRoot(leaves.slice(0, 1)))).toBe(bytesToHex(a));
  });

  it('is sha256(left ‖ right) for two transactions', () => {
    expect(bytesToHex(computeTxTrieRoot(leaves.slice(0, 2)))).toBe(bytesToHex(h(a, b)));
  });

  it('promotes the odd node unchanged for three transactions', () => {
    expect(bytesToHex(computeTxTrieRoot(leaves.slice(0, 3)))).toBe(bytesToHex(h(h(a, b), c)));
  });

  it('builds a balanced tree for four and promotes again for five', () => {
    expect(bytesToHex(computeTxTrieRoot(leaves.slice(0, 4)))).toBe(bytesToHex(h(h(a, b), h(c, d))));
    expect(bytesToHex(computeTxTrieRoot(leaves.slice(0, 5)))).toBe(bytesToHex(h(h(h(a, b), h(c, d)), e)));
  });

  it('depends on transaction order', () => {
    expect(bytesToHex(computeTxTrieRoot([leaves[1]!, leaves[0]!]))).toBe(bytesToHex(h(b, a)));
    expect(bytesToHex(h(b, a))).not.toBe(bytesToHex(h(a, b)));
  });
});

describe('block header strictness', () => {
  const vector = blocks[0]!;

  it('round-trips witness_id and accountStateRoot when present', () => {
    const header: BlockHeaderRaw = {
      ...decodeBlockHeaderRaw(hexToBytes(vector.block_header_raw_hex)),
      witnessId: 7n,
      accountStateRoot: new Uint8Array(32).fill(0xab),
    };
    const decoded = decodeBlockHeaderRaw(encodeBlockHeaderRaw(header));
    expect(decoded.witnessId).toBe(7n);
    expect(bytesToHex(decoded.accountStateRoot!)).toBe('ab'.repeat(32));
    expect(computeBlockId(decoded)).toBe(computeBlockId(header));
  });

  it('rejects a header with a field java-tron does not define instead of hashing it wrongly', () => {
    const withUnknown = hexToBytes(`${vector.block_header_raw_hex}6001`); // field 12, varint 1
    expect(() => decodeBlockHeaderRaw(withUnknown)).toThrow(BlockFormatError);
    const withUnknownBytes = hexToBytes(`${vector.block_header_raw_hex}6a0100`); // field 13, bytes
    expect(() => decodeBlockHeaderRaw(withUnknownBytes)).toThrow(/field 13/);
  });
});
