/**
 * JSON read straight from the bytes of a response, keeping only the members a parser will look at. A
 * block range is ~35 MB of JSON whose bulk (signatures, raw_data_hex, ref_block fields…) a scanner never
 * reads; building all of it with JSON.parse, after decoding the bytes to a string, is most of a
 * catch-up's work. Here the members a `JsonShape` names are parsed exactly as `parseJsonFast` parses them
 * (same values: ≤ 15-digit integers as numbers, longer ones as bigint, strings unescaped), whatever their
 * order in the object; every other member is skipped with a native search for the end of each string,
 * checking structure only (strings closed, brackets balanced). The result is the JSON value with those
 * members left out, so a parser written for the full value (node-json.ts) reads it unchanged.
 *
 * An object whose members were all skipped keeps one placeholder member (SKIPPED) so that "is it `{}`?"
 * tests answer as they would on the full value. Duplicate members: the last one wins, as in JSON.parse.
 */
import { JsonSyntaxError, type JsonValue, parseJsonExact } from './node-json.js';

/** What to keep: `true` = the whole value; an object shape = these members of an object; an array shape = each element so. */
export type JsonShapeSpec = true | { readonly [key: string]: JsonShapeSpec } | readonly [JsonShapeSpec];

/** A compiled JsonShapeSpec. */
export type JsonShape = LeafShape | ObjectShape | ArrayShape;

interface LeafShape {
  readonly kind: 0;
}
export interface ObjectShape {
  readonly kind: 1;
  readonly members: readonly Member[];
  /** member name → member, for names that needed unescaping */
  readonly byName: ReadonlyMap<string, Member>;
}
interface ArrayShape {
  readonly kind: 2;
  readonly element: JsonShape;
}
export interface Member {
  readonly name: string;
  /** position in the shape's members */
  readonly index: number;
  readonly bytes: Uint8Array;
  readonly shape: JsonShape;
}

const LEAF: LeafShape = { kind: 0 };

/** Name of the placeholder member of an object whose members were all skipped. */
export const SKIPPED = '\u0000skipped';

/** The member names of an object shape (`jsonShape({a: true, …})`), for JsonBytesReader.memberName. */
export function objectShape(spec: { readonly [key: string]: JsonShapeSpec }): ObjectShape {
  return jsonShape(spec) as ObjectShape;
}

export function jsonShape(spec: JsonShapeSpec): JsonShape {
  if (spec === true) return LEAF;
  if (Array.isArray(spec)) return { kind: 2, element: jsonShape((spec as readonly [JsonShapeSpec])[0]) };
  const members: Member[] = Object.entries(spec as Record<string, JsonShapeSpec>).map(([name, child], index) => ({
    name,
    index,
    bytes: Buffer.from(name, 'utf8'),
    shape: jsonShape(child),
  }));
  return { kind: 1, members, byName: new Map(members.map((m) => [m.name, m])) };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Bytes that may continue a number literal (checked exactly by the slow path). */
function isNumberByte(c: number): boolean {
  return (c >= ZERO && c <= NINE) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === MINUS;
}

/** The JSON text in `bytes`, with only the members `shape` names; throws JsonSyntaxError on malformed JSON. */
export function parseJsonPruned(bytes: Uint8Array, shape: JsonShape): JsonValue {
  return new JsonBytesReader(bytes).document(shape);
}

/** The reader behind parseJsonPruned; block-list-bytes.ts extends it with a fast path for block lists. */
export class JsonBytesReader {
  protected pos = 0;
  protected readonly buf: Buffer;
  protected readonly end: number;

  constructor(protected readonly b: Uint8Array) {
    this.buf = Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    this.end = b.length;
  }

  document(shape: JsonShape): JsonValue {
    // a UTF-8 byte order mark is dropped, as Response.text() drops it
    if (this.end >= 3 && this.b[0] === 0xef && this.b[1] === 0xbb && this.b[2] === 0xbf) this.pos = 3;
    const value = this.value(shape);
    this.skipWhitespace();
    if (this.pos !== this.end) throw this.fail('unexpected data after the value');
    return value;
  }

  protected fail(what: string): JsonSyntaxError {
    return new JsonSyntaxError(`invalid JSON: ${what} at position ${this.pos}`);
  }

  protected skipWhitespace(): void {
    const b = this.b;
    while (this.pos < this.end && isWhitespace(b[this.pos] as number)) this.pos++;
  }

  /** The next byte after whitespace; throws at the end of the text. */
  protected peek(): number {
    this.skipWhitespace();
    if (this.pos >= this.end) throw this.fail('unexpected end of data');
    return this.b[this.pos] as number;
  }

  protected value(shape: JsonShape): JsonValue {
    const c = this.peek();
    if (shape.kind === 1 && c === OPEN_OBJECT) return this.object(shape);
    if (shape.kind === 2 && c === OPEN_ARRAY) return this.array(shape);
    return this.whole(c);
  }

  protected object(shape: ObjectShape): JsonValue {
    const out: { [key: string]: JsonValue } = {};
    let kept = 0;
    let skipped = false;
    this.pos++; // {
    if (this.peek() === CLOSE_OBJECT) {
      this.pos++;
      return out;
    }
    for (;;) {
      if (this.peek() !== QUOTE) throw this.fail('expected a member name');
      const member = this.memberName(shape);
      if (this.peek() !== COLON) throw this.fail('expected ":"');
      this.pos++;
      if (member) {
        out[member.name] = this.value(member.shape);
        kept++;
      } else {
        this.peek();
        this.skipValue();
        skipped = true;
      }
      const c = this.peek();
      this.pos++;
      if (c === COMMA) continue;
      if (c === CLOSE_OBJECT) break;
      this.pos--;
      throw this.fail('expected "," or "}"');
    }
    if (kept === 0 && skipped) out[SKIPPED] = null;
    return out;
  }

  protected array(shape: ArrayShape): JsonValue[] {
    const out: JsonValue[] = [];
    this.pos++; // [
    if (this.peek() === CLOSE_ARRAY) {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value(shape.element));
      const c = this.peek();
      this.pos++;
      if (c === COMMA) continue;
      if (c === CLOSE_ARRAY) return out;
      this.pos--;
      throw this.fail('expected "," or "]"');
    }
  }

  /** Reads a member name (pos at its quote) and returns the member of `shape` it names, if any. */
  protected memberName(shape: ObjectShape): Member | undefined {
    const b = this.b;
    const start = this.pos + 1;
    let i = start;
    for (; i < this.end; i++) {
      const c = b[i] as number;
      if (c === QUOTE || c === BACKSLASH || c < 0x20 || c >= 0x80) break;
    }
    if (b[i] === QUOTE) {
      this.pos = i + 1;
      const length = i - start;
      for (const member of shape.members) {
        const name = member.bytes;
        if (name.length !== length) continue;
        let same = true;
        for (let k = 0; k < length; k++) {
          if (b[start + k] !== name[k]) {
            same = false;
            break;
          }
        }
        if (same) return member;
      }
      return undefined;
    }
    // escapes or non-ASCII: unescape, then look the name up
    const name = this.slowString();
    return shape.byName.get(name);
  }

  /** A whole value (pos at its first byte `c`), parsed as parseJsonFast would. */
  protected whole(c: number): JsonValue {
    if (c === QUOTE) return this.string();
    if (c === MINUS || (c >= ZERO && c <= NINE)) return this.number();
    const start = this.pos;
    this.skipValue();
    const text = this.buf.toString('utf8', start, this.pos);
    try {
      return parseJsonExact(text);
    } catch (error) {
      this.pos = start;
      throw error instanceof JsonSyntaxError ? this.fail('invalid value') : error;
    }
  }

  protected string(): string {
    const b = this.b;
    const start = this.pos + 1;
    let i = start;
    for (; i < this.end; i++) {
      const c = b[i] as number;
      if (c === QUOTE || c === BACKSLASH || c < 0x20 || c >= 0x80) break;
    }
    if (b[i] === QUOTE) {
      this.pos = i + 1;
      return this.buf.toString('latin1', start, i);
    }
    return this.slowString();
  }

  /** A string with escapes, control characters or non-ASCII (pos at its quote): JSON.parse decides. */
  protected slowString(): string {
    const start = this.pos;
    this.skipString();
    try {
      return JSON.parse(this.buf.toString('utf8', start, this.pos)) as string;
    } catch {
      this.pos = start;
      throw this.fail('invalid string');
    }
  }

  protected number(): JsonValue {
    const b = this.b;
    const start = this.pos;
    let i = start;
    const negative = b[i] === MINUS;
    if (negative) i++;
    const digitsStart = i;
    let n = 0;
    for (; i < this.end; i++) {
      const c = b[i] as number;
      if (c < ZERO || c > NINE) break;
      n = n * 10 + (c - ZERO);
    }
    const digits = i - digitsStart;
    const next = i < this.end ? (b[i] as number) : -1;
    // the common case: a plain integer that fits a double exactly, no leading zero
    if (digits > 0 && digits <= 15 && !isNumberByte(next) && (digits === 1 || b[digitsStart] !== ZERO)) {
      this.pos = i;
      return negative ? -n : n;
    }
    while (i < this.end && isNumberByte(b[i] as number)) i++;
    try {
      const value = parseJsonExact(this.buf.toString('latin1', start, i));
      this.pos = i;
      return value;
    } catch {
      throw this.fail('invalid number');
    }
  }

  /** Moves past a string (pos at its quote) without reading it: a native search for each quote. */
  protected skipString(): void {
    const buf = this.buf;
    let from = this.pos + 1;
    for (;;) {
      const q = buf.indexOf(QUOTE, from);
      if (q < 0) throw this.fail('unterminated string');
      let backslashes = 0;
      for (let k = q - 1; k >= from && buf[k] === BACKSLASH; k--) backslashes++;
      if (backslashes % 2 === 0) {
        this.pos = q + 1;
        return;
      }
      from = q + 1;
    }
  }

  /** Moves past any value (pos at its first byte), checking only that strings close and brackets balance. */
  protected skipValue(): void {
    const b = this.b;
    const c = b[this.pos] as number;
    if (c === QUOTE) {
      this.skipString();
      return;
    }
    if (c !== OPEN_OBJECT && c !== OPEN_ARRAY) {
      const start = this.pos;
      while (this.pos < this.end) {
        const d = b[this.pos] as number;
        if (d === COMMA || d === CLOSE_OBJECT || d === CLOSE_ARRAY || isWhitespace(d)) break;
        if (d === QUOTE || d === OPEN_OBJECT || d === OPEN_ARRAY || d === COLON) throw this.fail('unexpected character');
        this.pos++;
      }
      if (this.pos === start) throw this.fail('expected a value');
      return;
    }
    // containers: a stack of the closing brackets expected
    const closers: number[] = [];
    for (;;) {
      if (this.pos >= this.end) throw this.fail('unexpected end of data');
      const d = b[this.pos] as number;
      if (d === QUOTE) {
        this.skipString();
        continue;
      }
      if (d === OPEN_OBJECT) closers.push(CLOSE_OBJECT);
      else if (d === OPEN_ARRAY) closers.push(CLOSE_ARRAY);
      else if (d === CLOSE_OBJECT || d === CLOSE_ARRAY) {
        if (closers.pop() !== d) throw this.fail('unbalanced brackets');
        if (closers.length === 0) {
          this.pos++;
          return;
        }
      }
      this.pos++;
    }
  }
}
