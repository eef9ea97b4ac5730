import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from './bytes.js';
import { ProtoDecodeError, ProtoWriter, readFields } from './protobuf.js';

function int64Field(value: bigint | number): string {
  return bytesToHex(new ProtoWriter(4).int64(1, value).finish());
}

describe('ProtoWriter varints', () => {
  it('omits zero (the proto3 default) and undefined for int64 fields', () => {
    expect(int64Field(0)).toBe('');
    expect(int64Field(0n)).toBe('');
    expect(bytesToHex(new ProtoWriter().int64(1, undefined).finish())).toBe('');
  });

  it.each([
    [1n, '0801'],
    [127n, '087f'],
    [128n, '088001'],
    [129n, '088101'],
    [300n, '08ac02'],
    [16_383n, '08ff7f'],
    [16_384n, '08808001'],
    [0x7fffffffn, '08ffffffff07'],
    [0x80000000n, '088080808008'],
    [0xffffffffn, '08ffffffff0f'],
    [1777445181000n, '08c8acf4bfdd33'],
    [(1n << 63n) - 1n, '08ffffffffffffffff7f'],
    [-1n, '08ffffffffffffffffff01'],
    [-2n, '08feffffffffffffffff01'],
    [-(1n << 63n), '0880808080808080808001'],
  ])('encodes %s as %s and reads it back', (value, hex) => {
    expect(int64Field(value)).toBe(hex);
    if (value >= -(2n ** 53n) && value <= 2n ** 53n) expect(int64Field(Number(value))).toBe(hex);
    expect(readFields(hexToBytes(hex))).toEqual([{ field: 1, wireType: 0, value }]);
  });

  it('writes a negative int64 as a 10-byte varint', () => {
    const encoded = new ProtoWriter().varint(-1n).finish();
    expect(encoded).toHaveLength(10);
    expect(new ProtoWriter().varint(-123456789).finish()).toHaveLength(10);
  });

  it('round-trips every power of two and its neighbours through readFields', () => {
    for (let bit = 0n; bit < 64n; bit++) {
      for (const delta of [-1n, 0n, 1n]) {
        const value = BigInt.asIntN(64, (1n << bit) + delta);
        if (value === 0n) continue;
        const bytes = new ProtoWriter(2).int64(14, value).finish();
        expect(readFields(bytes), `${value}`).toEqual([{ field: 14, wireType: 0, value }]);
      }
    }
  });

  it('encodes large field numbers in the tag (fee_limit is field 18 → 0x90 0x01)', () => {
    expect(bytesToHex(new ProtoWriter().int64(18, 1).finish())).toBe('900101');
    expect(readFields(hexToBytes('900101'))).toEqual([{ field: 18, wireType: 0, value: 1n }]);
  });
});

describe('ProtoWriter bytes fields', () => {
  it('omits empty bytes and undefined, but bytesAlways writes an empty field', () => {
    expect(bytesToHex(new ProtoWriter().bytes(1, new Uint8Array(0)).bytes(2, undefined).finish())).toBe('');
    expect(bytesToHex(new ProtoWriter().bytesAlways(1, new Uint8Array(0)).finish())).toBe('0a00');
  });

  it('prefixes the length as a varint (127 vs 128 bytes)', () => {
    const b127 = new Uint8Array(127).fill(7);
    const b128 = new Uint8Array(128).fill(7);
    expect(bytesToHex(new ProtoWriter(1).bytes(2, b127).finish()).slice(0, 4)).toBe('127f');
    expect(bytesToHex(new ProtoWriter(1).bytes(2, b128).finish()).slice(0, 6)).toBe('128001');
    const fields = readFields(new ProtoWriter(1).bytes(2, b127).bytes(3, b128).finish());
    expect(fields.map((f) => [f.field, f.wireType, (f.value as Uint8Array).length])).toEqual([
      [2, 2, 127],
      [3, 2, 128],
    ]);
  });

  it('grows its buffer past the initial size without corrupting earlier bytes', () => {
    const w = new ProtoWriter(1);
    const chunks: Uint8Array[] = [];
    for (let i = 1; i <= 40; i++) {
      const chunk = new Uint8Array(i * 13).fill(i);
      chunks.push(chunk);
      w.bytes(i, chunk).int64(i + 100, i * 1_000_003);
    }
    const fields = readFields(w.finish());
    expect(fields).toHaveLength(80);
    for (let i = 1; i <= 40; i++) {
      const bytesField = fields[(i - 1) * 2]!;
      expect([bytesField.field, bytesField.wireType]).toEqual([i, 2]);
      expect(bytesToHex(bytesField.value as Uint8Array)).toBe(bytesToHex(chunks[i - 1]!));
      expect(fields[(i - 1) * 2 + 1]).toEqual({ field: i + 100, wireType: 0, value: BigInt(i * 1_000_003) });
    }
  });

  it('finish returns an independent copy', () => {
    const w = new ProtoWriter();
    w.int64(1, 5);
    const first = w.finish();
    w.int64(2, 6);
    expect(bytesToHex(first)).toBe('0805');
    expect(bytesToHex(w.finish())).toBe('08051006');
  });
});

describe('readFields errors', () => {
  it.each([
    ['08', 'truncated varint'],
    ['0880', 'truncated varint'],
    ['0a05010203', 'runs past the end'],
    ['0a', 'truncated varint'],
    ['08ffffffffffffffffffff01', 'longer than 10 bytes'],
    ['0001', 'field number 0'],
    ['0d00000000', 'wire type 5'],
    ['0900000000000000000', ''],
    ['0b', 'wire type 3'],
  ])('%s → ProtoDecodeError (%s)', (hex, message) => {
    const bytes = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
    expect(() => readFields(bytes)).toThrow(ProtoDecodeError);
    if (message) expect(() => readFields(bytes)).toThrow(message);
  });

  it('reads an empty message as no fields', () => {
    expect(readFields(new Uint8Array(0))).toEqual([]);
  });
});
