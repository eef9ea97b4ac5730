/**
 * The slice of protobuf wire format TRON transactions and block headers need: varints (int64 as
 * two's complement), length-delimited bytes, canonical field order, proto3 defaults omitted.
 */

export class ProtoWriter {
  private buf: Buffer;
  private pos = 0;

  constructor(initial = 256) {
    this.buf = Buffer.allocUnsafe(initial);
  }

  private ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + extra));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  varint(value: bigint | number): this {
    let v = BigInt.asUintN(64, BigInt(value));
    this.ensure(10);
    if (v < 0x80000000n) {
      let n = Number(v);
      while (n > 0x7f) {
        this.buf[this.pos++] = (n & 0x7f) | 0x80;
        n >>>= 7;
      }
      this.buf[this.pos++] = n;
      return this;
    }
    while (v > 0x7fn) {
      this.buf[this.pos++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.pos++] = Number(v);
    return this;
  }

  tag(field: number, wireType: 0 | 2): this {
    return this.varint((field << 3) | wireType);
  }

  /** int64/int32/enum field; zero is the proto3 default and is omitted. */
  int64(field: number, value: bigint | number | undefined): this {
    if (value === undefined || value === 0 || value === 0n) return this;
    return this.tag(field, 0).varint(value);
  }

  /** bytes/string/message field; empty is the default and is omitted. */
  bytes(field: number, value: Uint8Array | undefined): this {
    if (value === undefined || value.length === 0) return this;
    this.tag(field, 2).varint(value.length);
    this.ensure(value.length);
    this.buf.set(value, this.pos);
    this.pos += value.length;
    return this;
  }

  /** A repeated or message field that is written even when empty. */
  bytesAlways(field: number, value: Uint8Array): this {
    this.tag(field, 2).varint(value.length);
    this.ensure(value.length);
    this.buf.set(value, this.pos);
    this.pos += value.length;
    return this;
  }

  finish(): Uint8Array {
    return Uint8Array.prototype.slice.call(this.buf, 0, this.pos);
  }
}

export type ProtoValue = { field: number; wireType: 0; value: bigint } | { field: number; wireType: 2; value: Uint8Array };

export class ProtoDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtoDecodeError';
  }
}

/** Splits a message into its fields in wire order. Only varint and length-delimited wire types occur in TRON's transaction messages. */
export function readFields(bytes: Uint8Array): ProtoValue[] {
  const out: ProtoValue[] = [];
  let pos = 0;
  const readVarint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (pos >= bytes.length) throw new ProtoDecodeError('truncated varint');
      const b = bytes[pos++] as number;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
    }
    throw new ProtoDecodeError('varint longer than 10 bytes');
  };
  while (pos < bytes.length) {
    const key = readVarint();
    const field = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (field === 0) throw new ProtoDecodeError('field number 0');
    if (wireType === 0) {
      out.push({ field, wireType: 0, value: BigInt.asIntN(64, readVarint()) });
    } else if (wireType === 2) {
      const len = Number(readVarint());
      if (pos + len > bytes.length) throw new ProtoDecodeError('length-delimited field runs past the end');
      out.push({ field, wireType: 2, value: bytes.subarray(pos, pos + len) });
      pos += len;
    } else {
      throw new ProtoDecodeError(`unsupported wire type ${wireType} in field ${field}`);
    }
  }
  return out;
}
