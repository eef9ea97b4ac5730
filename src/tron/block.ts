/** Block headers: canonical encoding, block id = be64(height) ‖ sha256(header raw)[8..32], txTrieRoot. */
import { be64, bytesToHex, concatBytes, hexToBytes } from './bytes.js';
import { sha256 } from './hash.js';
import { ProtoWriter, readFields } from './protobuf.js';

export interface BlockHeaderRaw {
  timestamp: bigint;
  txTrieRoot: Uint8Array;
  parentHash: Uint8Array;
  number: bigint;
  /** unused by java-tron today (always 0, so omitted) */
  witnessId?: bigint;
  witnessAddress: Uint8Array;
  version: number;
  accountStateRoot?: Uint8Array;
}

export class BlockFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BlockFormatError';
  }
}

export function encodeBlockHeaderRaw(h: BlockHeaderRaw): Uint8Array {
  return new ProtoWriter(128)
    .int64(1, h.timestamp)
    .bytes(2, h.txTrieRoot)
    .bytes(3, h.parentHash)
    .int64(7, h.number)
    .int64(8, h.witnessId)
    .bytes(9, h.witnessAddress)
    .int64(10, h.version)
    .bytes(11, h.accountStateRoot)
    .finish();
}

export function decodeBlockHeaderRaw(bytes: Uint8Array): BlockHeaderRaw {
  const h: BlockHeaderRaw = {
    timestamp: 0n,
    txTrieRoot: new Uint8Array(0),
    parentHash: new Uint8Array(0),
    number: 0n,
    witnessAddress: new Uint8Array(0),
    version: 0,
  };
  // Unknown fields would change the header hash, so they are an error rather than silently dropped.
  for (const f of readFields(bytes)) {
    if (f.wireType === 0) {
      if (f.field === 1) h.timestamp = f.value;
      else if (f.field === 7) h.number = f.value;
      else if (f.field === 8) h.witnessId = f.value;
      else if (f.field === 10) h.version = Number(f.value);
      else throw new BlockFormatError(`unexpected varint field ${f.field} in a block header`);
    } else if (f.field === 2) h.txTrieRoot = f.value;
    else if (f.field === 3) h.parentHash = f.value;
    else if (f.field === 9) h.witnessAddress = f.value;
    else if (f.field === 11) h.accountStateRoot = f.value;
    else throw new BlockFormatError(`unexpected bytes field ${f.field} in a block header`);
  }
  return h;
}

/** Header hash that the witness signs and the block id is made from. */
export function blockHeaderHash(h: BlockHeaderRaw): Uint8Array {
  return sha256(encodeBlockHeaderRaw(h));
}

export function blockIdFromHash(number: bigint, headerHash: Uint8Array): string {
  const id = concatBytes(be64(number), headerHash.subarray(8));
  return bytesToHex(id);
}

export function computeBlockId(h: BlockHeaderRaw): string {
  return blockIdFromHash(h.number, blockHeaderHash(h));
}

/** Height encoded in the first 8 bytes of a block id. */
export function blockNumberFromId(blockId: string): bigint {
  return Buffer.from(hexToBytes(blockId)).readBigUInt64BE(0);
}

/**
 * java-tron's MerkleTree: leaves are sha256 of each full Transaction protobuf, parents
 * sha256(left‖right), an odd node is promoted unchanged, and an empty block has 32 zero bytes.
 */
export function computeTxTrieRoot(transactionBytes: Uint8Array[]): Uint8Array {
  if (transactionBytes.length === 0) return new Uint8Array(32);
  let level = transactionBytes.map((tx) => sha256(tx));
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const left = level[i] as Uint8Array;
      const right = level[i + 1];
      next.push(right ? sha256(concatBytes(left, right)) : left);
    }
    level = next;
  }
  return level[0] as Uint8Array;
}
