/**
 * Parses request bodies so that money survives: JSON.parse turns `1000000000.000001` into the nearest
 * double and `1e3` into `1000`, which would make an exact amount check impossible. Every number literal
 * whose text is not exactly what JavaScript would print for it (exponents, `10.0`, more digits than a
 * double holds) is kept as its source text, as a string; the amount parser then judges it exactly and
 * integer fields reject it as "not an integer". Canonical numbers stay numbers.
 */

export class RequestJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestJsonError';
  }
}

const MAX_DEPTH = 64;
const PROTOTYPE_KEY_HINT = /__proto__|constructor|\\u/;
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export function parseRequestJson(text: string): unknown {
  const rewritten = quoteNonCanonicalNumbers(text);
  let value: unknown;
  try {
    // A key can also be spelled with escapes ("\u005f_proto__"), so any `\u` in the text needs the check too.
    value = PROTOTYPE_KEY_HINT.test(text) ? JSON.parse(rewritten, rejectPrototypeKeys) : JSON.parse(rewritten);
  } catch (error) {
    if (error instanceof RequestJsonError) throw error;
    throw new RequestJsonError(`body is not valid JSON: ${(error as Error).message}`);
  }
  return value;
}

function rejectPrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__' || (key === 'constructor' && typeof value === 'object' && value !== null)) {
    throw new RequestJsonError(`body contains the forbidden key "${key}"`);
  }
  return value;
}

/** Returns `text` with every non-canonical number literal outside strings wrapped in quotes. */
function quoteNonCanonicalNumbers(text: string): string {
  let out: string[] | null = null;
  let copiedUpTo = 0;
  let depth = 0;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      i++;
      while (i < length) {
        const s = text.charCodeAt(i);
        if (s === 0x5c /* \ */) i += 2;
        else if (s === 0x22) break;
        else i++;
      }
      i++;
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_DEPTH) throw new RequestJsonError(`body nests deeper than ${MAX_DEPTH} levels`);
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      i++;
      while (i < length && isNumberChar(text.charCodeAt(i))) i++;
      const token = text.slice(start, i);
      if (!JSON_NUMBER.test(token)) throw new RequestJsonError(`body is not valid JSON: bad number ${token.slice(0, 40)}`);
      if (String(Number(token)) !== token) {
        out ??= [];
        out.push(text.slice(copiedUpTo, start), '"', token, '"');
        copiedUpTo = i;
      }
      continue;
    }
    i++;
  }
  if (out === null) return text;
  out.push(text.slice(copiedUpTo));
  return out.join('');
}

function isNumberChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d;
}
