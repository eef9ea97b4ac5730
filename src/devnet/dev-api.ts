/** Developer endpoints under /devnet/: info, tokens, faucet, blacklist, manual mining (and moving the clock), reorganisations, fault injection. */
import { checkAddress } from '../tron/address.js';
import { DevnetError, type DevnetToken } from './devnet.js';
import { faultsJson, updateFaults } from './faults.js';
import type { ApiResponse, Handler } from './http.js';
import { checkTokenSpec } from './token-spec.js';

function invalid(field: string, message: string): ApiResponse {
  return { status: 400, json: { error: `${field}: ${message}`, field } };
}

/**
 * "1000", "0.5", 12 → base units of a token with `decimals` decimals; null when not a non-negative amount
 * with at most 15 whole digits and `decimals` decimals. Exact: "1.000000000000000001" with 18 decimals is 10^18 + 1.
 */
export function parseUnits(value: unknown, decimals: number): bigint | null {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  const fraction = decimals > 0 ? `(\\.\\d{1,${decimals}})?` : '';
  if (typeof text !== 'string' || !new RegExp(`^\\d{1,15}${fraction}$`).test(text)) return null;
  const [whole, part = ''] = text.split('.');
  return BigInt(whole as string) * 10n ** BigInt(decimals) + BigInt(part.padEnd(decimals, '0') || '0');
}

/** TRX and USDT amounts: 6 decimals. */
export function parseWholeUnits(value: unknown): bigint | null {
  return parseUnits(value, 6);
}

/** `tokens` of a faucet request: `{"<symbol or contract>": "amount"}` → base units by the same keys. */
function parseTokenAmounts(
  findToken: (key: string) => DevnetToken | undefined,
  value: unknown,
): { ok: true; amounts: Record<string, bigint> } | { ok: false; response: ApiResponse } {
  if (value === undefined) return { ok: true, amounts: {} };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, response: invalid('tokens', 'must be an object of amounts by token symbol or contract, such as {"USDD": "10"}') };
  }
  const amounts: Record<string, bigint> = {};
  for (const [key, text] of Object.entries(value)) {
    const token = findToken(key);
    if (!token) return { ok: false, response: invalid(`tokens.${key}`, 'no such token on this devnet (GET /devnet/info lists them)') };
    const amount = parseUnits(text, token.decimals);
    if (amount === null) {
      const example = `a whole-${token.symbol} decimal string such as "1000" (at most ${token.decimals} decimals)`;
      return { ok: false, response: invalid(`tokens.${key}`, `must be ${example}`) };
    }
    amounts[key] = amount;
  }
  return { ok: true, amounts };
}

function tokenJson(t: DevnetToken): Record<string, unknown> {
  return { contract_address: t.contractAddress, symbol: t.symbol, name: t.name, decimals: t.decimals, blacklist: t.blacklist };
}

const MAX_MINE = 1000;

function devnetFailure(err: unknown): ApiResponse {
  if (err instanceof DevnetError) {
    const status = err.code === 'PAUSED' || err.code === 'TOKEN_EXISTS' ? 409 : err.path ? 400 : 422;
    return { status, json: { error: err.message, code: err.code, ...(err.path ? { field: err.path } : {}) } };
  }
  throw err;
}

export function devRoutes(): Map<string, Handler> {
  const routes = new Map<string, Handler>();

  routes.set('GET /devnet/info', (d) => ({ json: d.info() }));

  routes.set('GET /devnet/tokens', (d) => ({ json: { tokens: d.tokens().map(tokenJson) } }));

  routes.set('POST /devnet/tokens', (d, req) => {
    const check = checkTokenSpec(req.params);
    if (!check.ok) return invalid(check.field, check.message);
    try {
      const token = d.deployToken(check.spec);
      return { json: { ...tokenJson(token), included_in_block: Number(d.chain.head.number) + 1 } };
    } catch (err) {
      return devnetFailure(err);
    }
  });

  routes.set('POST /devnet/faucet', (d, req) => {
    const p = req.params;
    const check = checkAddress(p.address);
    if (!check.ok) return invalid('address', check.message);
    const trx = p.trx === undefined ? 0n : parseWholeUnits(p.trx);
    if (trx === null) return invalid('trx', 'must be a whole-TRX decimal string such as "1000" (at most 6 decimals)');
    const usdt = p.usdt === undefined ? 0n : parseWholeUnits(p.usdt);
    if (usdt === null) return invalid('usdt', 'must be a whole-USDT decimal string such as "1000" (at most 6 decimals)');
    const tokens = parseTokenAmounts((key) => d.findToken(key), p.tokens);
    if (!tokens.ok) return tokens.response;
    const someToken = Object.values(tokens.amounts).some((a) => a > 0n);
    if (trx === 0n && usdt === 0n && !someToken) return invalid('trx', 'ask for some trx, usdt or tokens');
    try {
      const txids = d.fund(check.hex, { trx, usdt, tokens: tokens.amounts });
      return { json: { address: check.base58, ...txids, included_in_block: Number(d.chain.head.number) + 1 } };
    } catch (err) {
      return devnetFailure(err);
    }
  });

  routes.set('POST /devnet/blacklist', (d, req) => {
    const check = checkAddress(req.params.address);
    if (!check.ok) return invalid('address', check.message);
    const listed = req.params.blacklisted ?? true;
    if (typeof listed !== 'boolean') return invalid('blacklisted', 'must be true or false');
    const key = req.params.token;
    if (key !== undefined && typeof key !== 'string') return invalid('token', 'must be a token symbol or contract address');
    const token = key === undefined ? d.tokens()[0] : d.findToken(key);
    if (!token) return invalid('token', 'no such token on this devnet (GET /devnet/info lists them)');
    if (!token.blacklist) return invalid('token', `${token.symbol} has no blacklist functions`);
    try {
      const txid = d.setBlacklisted(check.hex, listed, token.contractHex);
      return { json: { address: check.base58, token: token.symbol, blacklisted: listed, txid } };
    } catch (err) {
      return devnetFailure(err);
    }
  });

  routes.set('POST /devnet/mine', (d, req) => {
    const blocks = req.params.blocks ?? 1;
    if (typeof blocks !== 'number' || !Number.isInteger(blocks) || blocks < 1 || blocks > MAX_MINE) {
      return invalid('blocks', `must be an integer from 1 to ${MAX_MINE}`);
    }
    const advance = req.params.advance_ms ?? 0;
    if (typeof advance !== 'number' || !Number.isSafeInteger(advance) || advance < 0) {
      return invalid('advance_ms', 'must be a non-negative integer of milliseconds to move the devnet clock forward');
    }
    try {
      if (advance > 0) d.advanceTime(advance);
      const mined = d.mine(blocks);
      return {
        json: { head_block: Number(d.chain.head.number), solid_block: Number(d.chain.solidNumber), blocks: mined.map((b) => b.id) },
      };
    } catch (err) {
      return devnetFailure(err);
    }
  });

  routes.set('POST /devnet/reorg', (d, req) => {
    const depth = req.params.depth;
    if (typeof depth !== 'number' || !Number.isInteger(depth)) return invalid('depth', 'must be an integer number of blocks to replace');
    const drop = req.params.drop_txids ?? [];
    if (!Array.isArray(drop) || drop.some((t) => typeof t !== 'string' || !/^[0-9a-fA-F]{64}$/.test(t))) {
      return invalid('drop_txids', 'must be an array of transaction ids (64 hex digits)');
    }
    try {
      return { json: d.reorg({ depth, dropTxids: drop as string[] }) };
    } catch (err) {
      return devnetFailure(err);
    }
  });

  routes.set('GET /devnet/faults', (d) => ({ json: faultsJson(d.faults) }));
  routes.set('POST /devnet/faults', (d, req) => {
    const update = updateFaults(d.faults, req.params);
    if (!update.ok) return { status: 400, json: { error: 'invalid fault settings', errors: update.errors } };
    d.faults = update.settings;
    return { json: faultsJson(d.faults) };
  });

  return routes;
}
