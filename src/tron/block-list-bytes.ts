/**
 * /wallet/getblockbylimitnext read straight from the answer's bytes into what
 * `parseBlockList(parseJsonFast(text), {verify: false})` returns — the same blocks, transactions and
 * summaries — at a fraction of the cost: a block range is ~35 MB of JSON (~1.1 KB per transaction, mostly
 * signatures and raw_data_hex) of which a scanner reads ~300 bytes per transaction. Members are found
 * whatever their order; skipped values are only checked for structure (json-prune.ts).
 *
 * Exactness: a fast path reads the form java-tron prints (plain strings, integer amounts, each member
 * once). At the first thing it does not expect — an escape, a duplicate member, a value of another type,
 * an `Error` member — it gives up on the whole answer and the slow path runs: the answer pruned to the
 * members `parseBlockList` reads (BLOCK_LIST_SHAPE, same values as JSON.parse) and parsed by it. The fast
 * path returns only values the slow path would return for the same bytes (block-list-bytes.test.ts checks
 * both on random and odd blocks).
 */
import { JsonBytesReader, jsonShape, objectShape, parseJsonPruned } from './json-prune.js';
import {
  type BlockWithTransactions,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  NodeErrorAnswer,
  type NodeTransaction,
  parseBlockInfo,
  parseBlockList,
  type TransactionSummary,
} from './node-json.js';

/**
 * Every member `parseBlockList(json, {verify: false})` reads (parseBlockInfo, parseNodeTransaction,
 * summarize), plus the `Error` of a node error. A member left out here would read as missing.
 */
export const BLOCK_LIST_SHAPE = jsonShape({
  Error: true,
  block: [
    {
      blockID: true,
      block_header: { raw_data: { number: true, timestamp: true, parentHash: true, witness_address: true } },
      transactions: [
        {
          txID: true,
          ret: [{ contractRet: true }],
          raw_data: {
            contract: [
              {
                type: true,
                parameter: { value: { owner_address: true, to_address: true, amount: true, contract_address: true, data: true } },
              },
            ],
          },
        },
      ],
    },
  ],
});

/** The blocks of a getblockbylimitnext answer; throws NodeErrorAnswer for `{"Error": …}`, JsonSyntaxError for malformed JSON. */
export function parseBlockListBytes(bytes: Uint8Array): BlockWithTransactions[] {
  try {
    return new BlockListReader(bytes).blockList();
  } catch (error) {
    if (!(error instanceof Unusual)) throw error;
  }
  const json = parseJsonPruned(bytes, BLOCK_LIST_SHAPE);
  if (isJsonObject(json) && typeof json.Error === 'string') throw new NodeErrorAnswer(json.Error);
  return parseBlockList(json, { verify: false });
}

/** The fast path met something it does not read itself; the slow path decides. */
class Unusual extends Error {}
const UNUSUAL = new Unusual('unusual block list');

const TOP = objectShape({ block: true });
const BLOCK = objectShape({ blockID: true, block_header: true, transactions: true });
const LEAF_SHAPE = jsonShape(true);
const HEADER_SHAPE = jsonShape({ raw_data: { number: true, timestamp: true, parentHash: true, witness_address: true } });
const TX = objectShape({ txID: true, ret: true, raw_data: true });
const RET = objectShape({ contractRet: true });
const RAW = objectShape({ contract: true });
const CONTRACT = objectShape({ type: true, parameter: true });
const PARAMETER = objectShape({ value: true });
const VALUE = objectShape({ owner_address: true, to_address: true, amount: true, contract_address: true, data: true });

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

const TRANSFER = 'TransferContract';
const TRIGGER = 'TriggerSmartContract';
/** strings read often enough to share one copy */
const COMMON_STRINGS = [TRANSFER, TRIGGER, 'SUCCESS', 'REVERT', 'OUT_OF_ENERGY', 'DEFAULT'].map((text) => ({
  text,
  bytes: Buffer.from(text, 'latin1'),
}));

/** Buffer's own latin1 slicer: what toString('latin1', …) ends in, without its dispatch (typed here; Node has it since v0.x). */
type Latin1Slicer = { latin1Slice(start: number, end: number): string };

/** nextMember: the object ended */
const END = -2;
/** nextMember: a member the shape does not name (its value is at pos, to skip) */
const OTHER = -1;

class BlockListReader extends JsonBytesReader {
  /** hexString's verdict on the string it read last */
  private lastHex = false;

  blockList(): BlockWithTransactions[] {
    if (this.end >= 3 && this.b[0] === 0xef && this.b[1] === 0xbb && this.b[2] === 0xbf) this.pos = 3;
    const out: BlockWithTransactions[] = [];
    if (this.peek() !== OPEN_OBJECT) throw UNUSUAL;
    let seen = 0;
    for (let first = true; ; first = false) {
      const m = this.nextMember(TOP, first);
      if (m === END) break;
      // `Error`, or members parseBlockList does not know: the slow path says what they mean
      if (m === OTHER || seen) throw UNUSUAL;
      seen = 1;
      if (this.b[this.pos] !== OPEN_ARRAY) throw UNUSUAL;
      for (let f = true; this.nextElement(f); f = false) {
        const block = this.block();
        if (block) out.push(block);
      }
    }
    this.skipWhitespace();
    if (this.pos !== this.end) throw this.fail('unexpected data after the value');
    return out.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  }

  /**
   * Steps to the next member of the object at pos (`first`: pos is at its `{`) and leaves pos at its
   * value: the member's index in `shape`, OTHER for a member it does not name, END after the `}`.
   */
  private nextMember(shape: typeof TOP, first: boolean): number {
    if (first) {
      this.pos++; // {
      if (this.peek() === CLOSE_OBJECT) {
        this.pos++;
        return END;
      }
    } else {
      const c = this.peek();
      this.pos++;
      if (c === CLOSE_OBJECT) return END;
      if (c !== COMMA) {
        this.pos--;
        throw this.fail('expected "," or "}"');
      }
    }
    if (this.peek() !== QUOTE) throw this.fail('expected a member name');
    const member = this.memberName(shape);
    if (this.peek() !== COLON) throw this.fail('expected ":"');
    this.pos++;
    this.peek();
    return member ? member.index : OTHER;
  }

  /** Steps to the next element of the array at pos (`first`: pos is at its `[`); false after the `]`. */
  private nextElement(first: boolean): boolean {
    if (first) {
      this.pos++; // [
      if (this.peek() === CLOSE_ARRAY) {
        this.pos++;
        return false;
      }
      return true;
    }
    const c = this.peek();
    this.pos++;
    if (c === CLOSE_ARRAY) return false;
    if (c !== COMMA) {
      this.pos--;
      throw this.fail('expected "," or "]"');
    }
    this.peek();
    return true;
  }

  private block(): BlockWithTransactions | null {
    if (this.b[this.pos] !== OPEN_OBJECT) throw UNUSUAL;
    const block: JsonObject = {};
    let transactions: NodeTransaction[] | undefined;
    let seen = 0;
    let skipped = false;
    for (let first = true; ; first = false) {
      const m = this.nextMember(BLOCK, first);
      if (m === END) break;
      if (m === OTHER) {
        this.skipValue();
        skipped = true;
        continue;
      }
      if (seen & (1 << m)) throw UNUSUAL; // a duplicate: the last one wins in JSON.parse
      seen |= 1 << m;
      if (m === 0) block.blockID = this.value(LEAF_SHAPE);
      else if (m === 1) block.block_header = this.value(HEADER_SHAPE);
      else {
        if (this.b[this.pos] !== OPEN_ARRAY) throw UNUSUAL;
        transactions = [];
        for (let f = true; this.nextElement(f); f = false) transactions.push(this.transaction());
      }
    }
    if (seen === 0) {
      if (skipped) throw UNUSUAL; // not `{}`: the slow path says what it is
      return null;
    }
    // parseBlockInfo reads only whether `transactions` is an array and its length
    if (transactions) block.transactions = transactions as unknown as JsonValue[];
    const info = parseBlockInfo(block, true);
    if (!info) throw UNUSUAL;
    return { ...info, transactions: transactions ?? [] };
  }

  private transaction(): NodeTransaction {
    const b = this.b;
    if (b[this.pos] !== OPEN_OBJECT) throw UNUSUAL;
    let txid: string | undefined;
    let contractRet: string | undefined;
    let contractType = 'Unknown';
    let owner: string | undefined;
    let to: string | undefined;
    let target: string | undefined;
    let data: string | undefined;
    let amount: bigint | undefined;
    let valueSeen = false;
    let seen = 0;
    for (let first = true; ; first = false) {
      const m = this.nextMember(TX, first);
      if (m === END) break;
      if (m === OTHER) {
        this.skipValue();
        continue;
      }
      if (seen & (1 << m)) throw UNUSUAL;
      seen |= 1 << m;
      if (m === 0) {
        const id = this.hexString();
        if (!this.lastHex) throw UNUSUAL;
        txid = id;
      } else if (m === 1) {
        // ret: only ret[0].contractRet is read
        if (b[this.pos] !== OPEN_ARRAY) throw UNUSUAL;
        for (let f = true; this.nextElement(f); f = false) {
          if (!f) {
            this.skipValue();
            continue;
          }
          if (b[this.pos] !== OPEN_OBJECT) throw UNUSUAL; // ret[0] not an object: the slow path
          let retSeen = false;
          for (let g = true; ; g = false) {
            const r = this.nextMember(RET, g);
            if (r === END) break;
            if (r === OTHER) this.skipValue();
            else {
              if (retSeen) throw UNUSUAL;
              retSeen = true;
              contractRet = this.plainString();
            }
          }
        }
      } else {
        // raw_data: only contract[0].type and contract[0].parameter.value are read
        if (b[this.pos] !== OPEN_OBJECT) throw UNUSUAL;
        let rawSeen = false;
        for (let g = true; ; g = false) {
          const r = this.nextMember(RAW, g);
          if (r === END) break;
          if (r === OTHER) {
            this.skipValue();
            continue;
          }
          if (rawSeen || b[this.pos] !== OPEN_ARRAY) throw UNUSUAL;
          rawSeen = true;
          for (let f = true; this.nextElement(f); f = false) {
            if (!f) {
              this.skipValue();
              continue;
            }
            if (b[this.pos] !== OPEN_OBJECT) throw UNUSUAL;
            let contractSeen = 0;
            for (let h = true; ; h = false) {
              const c = this.nextMember(CONTRACT, h);
              if (c === END) break;
              if (c === OTHER) {
                this.skipValue();
                continue;
              }
              if (contractSeen & (1 << c)) throw UNUSUAL;
              contractSeen |= 1 << c;
              if (c === 0) {
                contractType = this.plainString();
                continue;
              }
              if (b[this.pos] !== OPEN_OBJECT) throw UNUSUAL;
              let parameterSeen = false;
              for (let k = true; ; k = false) {
                const p = this.nextMember(PARAMETER, k);
                if (p === END) break;
                if (p === OTHER) {
                  this.skipValue();
                  continue;
                }
                if (parameterSeen || b[this.pos] !== OPEN_OBJECT) throw UNUSUAL;
                parameterSeen = true;
                valueSeen = true;
                let fields = 0;
                for (let l = true; ; l = false) {
                  const v = this.nextMember(VALUE, l);
                  if (v === END) break;
                  if (v === OTHER) {
                    this.skipValue();
                    continue;
                  }
                  if (fields & (1 << v)) throw UNUSUAL;
                  fields |= 1 << v;
                  if (v === 2) {
                    amount = this.integer();
                    continue;
                  }
                  const text = this.hexString();
                  const hex = this.lastHex ? text : undefined;
                  if (v === 0) owner = hex;
                  else if (v === 1) to = hex;
                  else if (v === 3) target = hex;
                  else data = hex;
                }
              }
            }
          }
        }
      }
    }
    if (txid === undefined || !(seen & 4)) throw UNUSUAL; // no txID or no raw_data: the slow path throws
    const summary: TransactionSummary = {};
    if (valueSeen && (contractType === TRANSFER || contractType === TRIGGER)) {
      if (owner !== undefined) summary.ownerHex = owner;
      if (contractType === TRANSFER) {
        if (to !== undefined) summary.toHex = to;
        summary.amount = amount ?? 0n;
      } else {
        if (target !== undefined) summary.contractHex = target;
        if (data !== undefined) summary.data = data;
      }
    }
    const out: NodeTransaction = { txid, contractType, transaction: null, summary };
    if (contractRet !== undefined) out.contractRet = contractRet;
    return out;
  }

  /**
   * A string without escapes, control characters or non-ASCII (anything else: Unusual), lowercased;
   * `lastHex` says whether it is hex as node-json's readers test it (even length, 0-9a-fA-F).
   */
  private hexString(): string {
    const b = this.b;
    if (b[this.pos] !== QUOTE) throw UNUSUAL;
    const start = this.pos + 1;
    let hex = true;
    let upper = false;
    let i = start;
    for (; i < this.end; i++) {
      const c = b[i] as number;
      if (c === QUOTE) break;
      if (c < 0x20 || c >= 0x80 || c === 0x5c) throw UNUSUAL;
      if ((c >= ZERO && c <= NINE) || (c >= 0x61 && c <= 0x66)) continue;
      if (c >= 0x41 && c <= 0x46) upper = true;
      else hex = false;
    }
    if (i >= this.end) throw this.fail('unterminated string');
    this.pos = i + 1;
    this.lastHex = hex && (i - start) % 2 === 0;
    const text = (this.buf as unknown as Latin1Slicer).latin1Slice(start, i);
    return upper ? text.toLowerCase() : text;
  }

  /** A plain string (as hexString), one shared copy for the common ones. */
  private plainString(): string {
    const b = this.b;
    if (b[this.pos] !== QUOTE) throw UNUSUAL;
    const start = this.pos + 1;
    let i = start;
    for (; i < this.end; i++) {
      const c = b[i] as number;
      if (c === QUOTE) break;
      if (c < 0x20 || c >= 0x80 || c === 0x5c) throw UNUSUAL;
    }
    if (i >= this.end) throw this.fail('unterminated string');
    this.pos = i + 1;
    const length = i - start;
    for (const common of COMMON_STRINGS) {
      if (common.bytes.length !== length) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        if (b[start + k] !== common.bytes[k]) {
          same = false;
          break;
        }
      }
      if (same) return common.text;
    }
    return (this.buf as unknown as Latin1Slicer).latin1Slice(start, i);
  }

  /** An integer literal (no fraction, no exponent), exactly; anything else is Unusual. */
  private integer(): bigint {
    const b = this.b;
    let i = this.pos;
    const negative = b[i] === MINUS;
    if (negative) i++;
    const digits = i;
    let n = 0;
    for (; i < this.end; i++) {
      const c = b[i] as number;
      if (c < ZERO || c > NINE) break;
      n = n * 10 + (c - ZERO);
    }
    const count = i - digits;
    if (count === 0 || (b[digits] === ZERO && count > 1)) throw UNUSUAL;
    const next = b[i];
    if (next === 0x2e || next === 0x65 || next === 0x45) throw UNUSUAL;
    const start = this.pos;
    this.pos = i;
    // up to 15 digits a double is exact; longer ones are read as text
    if (count <= 15) return BigInt(negative ? -n : n);
    return BigInt((this.buf as unknown as Latin1Slicer).latin1Slice(start, i));
  }
}
