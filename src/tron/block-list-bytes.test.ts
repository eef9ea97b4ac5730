import { describe, expect, it } from 'vitest';
import { BLOCK_LIST_SHAPE, parseBlockListBytes } from './block-list-bytes.js';
import { bytesToHex, hexToBytes } from './bytes.js';
import { parseJsonPruned } from './json-prune.js';
import { generatePrivateKey, privateKeyToAccount } from './keys.js';
import { type JsonValue, NodeErrorAnswer, parseBlockList, parseJsonExact, parseJsonFast } from './node-json.js';
import { buildTransfer, buildTriggerSmartContract, signTransaction, transactionToJson } from './transaction.js';
import { encodeTransferCall } from './trc20.js';

/** xorshift32: the same cases on every run */
function prng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

const owner = privateKeyToAccount(generatePrivateKey());
const key = generatePrivateKey();
const to = privateKeyToAccount(generatePrivateKey());
const usdt = privateKeyToAccount(generatePrivateKey());
const ref = { refBlockBytes: new Uint8Array([0, 1]), refBlockHash: new Uint8Array(8).fill(7) };

function transferJson(amount: bigint): Record<string, JsonValue> {
  const tx = buildTransfer({ from: hexToBytes(owner.hex), to: hexToBytes(to.hex), amount, ref, timestamp: 1n, expiration: 2n });
  return transactionToJson(signTransaction(tx, key), false) as unknown as Record<string, JsonValue>;
}

function triggerJson(amount: bigint): Record<string, JsonValue> {
  const tx = buildTriggerSmartContract({
    from: hexToBytes(owner.hex),
    contract: hexToBytes(usdt.hex),
    data: encodeTransferCall(to.base58, amount),
    feeLimit: 10n,
    ref,
    timestamp: 1n,
    expiration: 2n,
  });
  return transactionToJson(signTransaction(tx, key), false) as unknown as Record<string, JsonValue>;
}

/** A transaction type the scanner does not read. */
function freezeJson(): Record<string, JsonValue> {
  return {
    signature: ['ab'.repeat(65)],
    txID: 'cd'.repeat(32),
    raw_data: {
      contract: [
        {
          parameter: { value: { owner_address: owner.hex, frozen_balance: 5_000_000, resource: 'ENERGY' }, type_url: 'x' },
          type: 'FreezeBalanceV2Contract',
        },
      ],
      ref_block_bytes: '0001',
    },
    raw_data_hex: '0a02',
  };
}

function randomTransaction(rnd: () => number): JsonValue {
  const pick = rnd();
  const amount = rnd() < 0.2 ? 2n ** 60n + BigInt(Math.floor(rnd() * 1e6)) : BigInt(Math.floor(rnd() * 1e12));
  const tx = pick < 0.45 ? transferJson(amount) : pick < 0.9 ? triggerJson(amount) : freezeJson();
  const ret = ['SUCCESS', 'REVERT', 'OUT_OF_ENERGY'][Math.floor(rnd() * 3)] as string;
  return { ret: [{ contractRet: ret }], ...tx };
}

function randomBlock(rnd: () => number, number: number): JsonValue {
  const count = rnd() < 0.15 ? 0 : 1 + Math.floor(rnd() * 6);
  const block: Record<string, JsonValue> = {
    blockID: bytesToHex(new Uint8Array(32).fill(number % 256)),
    block_header: {
      raw_data: {
        number,
        txTrieRoot: '00'.repeat(32),
        witness_address: owner.hex,
        parentHash: '11'.repeat(32),
        version: 34,
        timestamp: 1_700_000_000_000 + number * 3000,
      },
      witness_signature: 'ee'.repeat(65),
    },
  };
  if (count > 0 || rnd() < 0.5) block.transactions = Array.from({ length: count }, () => randomTransaction(rnd));
  return block;
}

/** JSON text of a value, with bigints as integer literals, keys shuffled and whitespace sprinkled when `rnd` is given. */
function serialize(value: JsonValue, rnd?: () => number): string {
  const ws = () => (rnd && rnd() < 0.1 ? [' ', '\n', '\t', '\r\n  '][Math.floor(rnd() * 4)] : '');
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${ws()}${value.map((v) => serialize(v, rnd)).join(`${ws()},${ws()}`)}${ws()}]`;
  const keys = Object.keys(value);
  if (rnd) keys.sort(() => rnd() - 0.5);
  return `{${ws()}${keys.map((k) => `${JSON.stringify(k)}${ws()}:${ws()}${serialize(value[k] as JsonValue, rnd)}`).join(`${ws()},`)}${ws()}}`;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: string };

function outcome(run: () => unknown): Outcome {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, error: error instanceof NodeErrorAnswer ? `node: ${error.message}` : 'failed' };
  }
}

/** What the transport and parseBlockList make of the text, the reference (Response.text() drops a byte order mark). */
function reference(text: string): Outcome {
  return outcome(() => {
    const json = parseJsonFast(text.replace(/^\ufeff/, ''));
    if (json !== null && typeof json === 'object' && !Array.isArray(json) && typeof json.Error === 'string') {
      throw new NodeErrorAnswer(json.Error);
    }
    return parseBlockList(json, { verify: false });
  });
}

function expectSame(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  expect(outcome(() => parseBlockListBytes(bytes))).toEqual(reference(text));
  // the pruned slow path on its own agrees as well
  expect(outcome(() => parseBlockList(parseJsonPruned(bytes, BLOCK_LIST_SHAPE), { verify: false }))).toEqual(
    outcome(() => parseBlockList(parseJsonExact(text.replace(/^\ufeff/, '')), { verify: false })),
  );
}

describe('parseBlockListBytes', () => {
  it('reads random block lists as parseBlockList does, whatever the key order and whitespace', () => {
    const rnd = prng(20261127);
    for (let round = 0; round < 40; round++) {
      const blocks = Array.from({ length: Math.floor(rnd() * 5) }, (_, i) => randomBlock(rnd, 1000 + round * 10 + i));
      if (rnd() < 0.3) blocks.reverse(); // sorted by height either way
      const list = { block: blocks };
      expectSame(serialize(list));
      expectSame(serialize(list, rnd));
    }
  });

  it('finds every transfer with its exact amount, above 2^53 too', () => {
    const amounts = [0n, 1n, 2n ** 53n + 1n, 2n ** 63n - 1n, 123_456_789_012_345n];
    const withAmount = (a: bigint) => {
      const tx = transferJson(1n) as { raw_data: { contract: Array<{ parameter: { value: Record<string, JsonValue> } }> } };
      (tx.raw_data.contract[0] as { parameter: { value: Record<string, JsonValue> } }).parameter.value.amount = a;
      return { ret: [{ contractRet: 'SUCCESS' }], ...tx } as unknown as JsonValue;
    };
    const text = serialize({ block: [{ ...(randomBlock(prng(1), 5) as object), transactions: amounts.map(withAmount) }] });
    const [block] = parseBlockListBytes(Buffer.from(text));
    expect(block?.transactions.map((t) => t.summary.amount)).toEqual(amounts);
    expect(block?.transactions[0]?.summary.toHex).toBe(to.hex.toLowerCase());
    expectSame(text);
  });

  it('agrees on odd answers', () => {
    const base = () => JSON.parse(serialize({ block: [randomBlock(prng(7), 42)] })) as { block: Array<Record<string, unknown>> };
    const withTx = (edit: (tx: Record<string, unknown>) => void) => {
      const list = base();
      const tx = { ret: [{ contractRet: 'SUCCESS' }], ...transferJson(5n) } as Record<string, unknown>;
      edit(tx);
      (list.block[0] as Record<string, unknown>).transactions = [tx, { ret: [{ contractRet: 'REVERT' }], ...triggerJson(7n) }];
      return JSON.stringify(list);
    };
    const cases = [
      '{}',
      '{ }',
      '{"block":[]}',
      '{"block":[{}]}',
      '{"block":null}',
      '{"block":[{"foo":1}]}',
      '{"Error":"class java.lang.IllegalArgumentException : bad"}',
      '{"block":[],"Error":"x"}',
      '[]',
      '',
      '{"block":[',
      '{"block":[]} x',
      '\ufeff{"block":[]}',
      withTx(() => {}),
      withTx((tx) => {
        delete tx.ret;
      }),
      withTx((tx) => {
        tx.ret = [];
      }),
      withTx((tx) => {
        tx.ret = [{ contractRet: null }];
      }),
      withTx((tx) => {
        tx.ret = ['SUCCESS'];
      }),
      withTx((tx) => {
        tx.txID = (tx.txID as string).toUpperCase();
      }),
      withTx((tx) => {
        tx.txID = 'xyz';
      }),
      withTx((tx) => {
        delete tx.txID;
      }),
      withTx((tx) => {
        delete tx.raw_data;
      }),
      withTx((tx) => {
        (tx.raw_data as Record<string, unknown>).contract = [];
      }),
      withTx((tx) => {
        (tx.raw_data as Record<string, unknown>).contract = null;
      }),
      withTx((tx) => {
        const c = ((tx.raw_data as Record<string, unknown>).contract as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
        delete c.parameter;
      }),
      withTx((tx) => {
        const c = ((tx.raw_data as Record<string, unknown>).contract as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
        c.type = 7;
      }),
      withTx((tx) => {
        const c = ((tx.raw_data as Record<string, unknown>).contract as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
        const value = (c.parameter as Record<string, Record<string, unknown>>).value as Record<string, unknown>;
        value.amount = '123';
        value.to_address = 'T-not-hex';
        value.owner_address = (value.owner_address as string).toUpperCase();
      }),
      withTx((tx) => {
        const c = ((tx.raw_data as Record<string, unknown>).contract as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
        const value = (c.parameter as Record<string, Record<string, unknown>>).value as Record<string, unknown>;
        value.amount = 1.5;
      }),
      withTx((tx) => {
        const c = ((tx.raw_data as Record<string, unknown>).contract as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
        const value = (c.parameter as Record<string, Record<string, unknown>>).value as Record<string, unknown>;
        delete value.amount;
        value.to_address = 42;
      }),
    ];
    for (const text of cases) expectSame(text);
    // member names with escapes, a duplicate member (the last one wins), an escaped value, a huge literal
    const plain = withTx(() => {});
    expectSame(plain.replace('"txID"', '"tx\\u0049D"'));
    expectSame(plain.replace('"to_address"', '"to_addr\\u0065ss"'));
    expectSame(plain.replace('"txID":', '"txID":"00","txID":'));
    expectSame(plain.replace('"contractRet":"SUCCESS"', '"contractRet":"SUCC\\u0045SS"'));
    expectSame(plain.replace(/"amount":\d+/, '"amount":123456789012345678901234567890'));
    expectSame(plain.replace(/"amount":\d+/, '"amount":-0'));
    expectSame(plain.replace(/"amount":\d+/, '"amount":012'));
    expectSame(plain.replace(/"amount":\d+/, '"amount":1e3'));
    expectSame(plain.replace('"raw_data_hex":"', '"raw_data_hex":"\\"'));
  });

  it('throws NodeErrorAnswer for a node error and a syntax error for a truncated answer', () => {
    expect(() => parseBlockListBytes(Buffer.from('{"Error":"boom"}'))).toThrow(NodeErrorAnswer);
    const text = serialize({ block: [randomBlock(prng(3), 9)] });
    expect(() => parseBlockListBytes(Buffer.from(text.slice(0, text.length - 10)))).toThrow(/invalid JSON/);
  });
});
