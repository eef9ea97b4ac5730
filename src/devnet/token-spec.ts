/**
 * What a devnet TRC-20 token is deployed from: symbol, name, decimals, blacklist functions. One check
 * for the HTTP endpoint, `Devnet.deployToken` and the command line's `--token SYMBOL:DECIMALS[:blacklist]`.
 */

export interface TokenSpec {
  /** 1–16 letters and digits, unique among the devnet's tokens (case-insensitive) */
  symbol: string;
  /** 1–64 printable characters; default: the symbol */
  name?: string;
  /** 0–18 */
  decimals: number;
  /** TetherToken's isBlackListed/getBlackListStatus/addBlackList/removeBlackList; default false */
  blacklist?: boolean;
}

export type TokenSpecCheck = { ok: true; spec: Required<TokenSpec> } | { ok: false; field: string; message: string };

export const MAX_TOKEN_DECIMALS = 18;
const SYMBOL = /^[A-Za-z0-9]{1,16}$/;
/** no control, format, surrogate, private-use or unassigned characters */
const PRINTABLE = /^[^\p{C}]+$/u;

function fail(field: string, message: string): TokenSpecCheck {
  return { ok: false, field, message };
}

/** Validates a spec given as JSON (`POST /devnet/tokens`) or in code. */
export function checkTokenSpec(input: unknown): TokenSpecCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail('symbol', 'is required');
  const { symbol, name, decimals, blacklist } = input as Record<string, unknown>;
  if (typeof symbol !== 'string' || !SYMBOL.test(symbol)) return fail('symbol', 'must be 1 to 16 letters or digits, such as "USDD"');
  if (name !== undefined && (typeof name !== 'string' || !PRINTABLE.test(name) || [...name].length > 64 || name.trim() === '')) {
    return fail('name', 'must be 1 to 64 printable characters');
  }
  if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > MAX_TOKEN_DECIMALS) {
    return fail('decimals', `must be an integer from 0 to ${MAX_TOKEN_DECIMALS}`);
  }
  if (blacklist !== undefined && typeof blacklist !== 'boolean') return fail('blacklist', 'must be true or false');
  return { ok: true, spec: { symbol, name: (name as string | undefined) ?? symbol, decimals, blacklist: blacklist ?? false } };
}

/** `USDD:18`, `TUSD:18:blacklist` (the command line's `--token`). */
export function parseTokenOption(text: string): TokenSpecCheck {
  const parts = text.split(':');
  const [symbol, decimalsText, flag] = parts;
  if (parts.length < 2 || parts.length > 3) return fail('token', `expected SYMBOL:DECIMALS or SYMBOL:DECIMALS:blacklist, got "${text}"`);
  if (flag !== undefined && flag !== 'blacklist') return fail('token', `the third part may only be "blacklist", got "${flag}"`);
  const decimals = /^\d{1,2}$/.test(decimalsText as string) ? Number(decimalsText) : Number.NaN;
  return checkTokenSpec({ symbol, decimals, blacklist: flag === 'blacklist' });
}
