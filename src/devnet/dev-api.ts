/** Developer endpoints under /devnet/: info, faucet, blacklist, manual mining, fault injection. */
import { checkAddress } from '../tron/address.js';
import { DevnetError } from './devnet.js';
import { faultsJson, updateFaults } from './faults.js';
import type { ApiResponse, Handler } from './http.js';

function invalid(field: string, message: string): ApiResponse {
  return { status: 400, json: { error: `${field}: ${message}`, field } };
}

/** "1000", "0.5", 12 → base units with 6 decimals; null when not a non-negative amount with at most 6 decimals. */
export function parseWholeUnits(value: unknown): bigint | null {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,15}(\.\d{1,6})?$/.test(text)) return null;
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole as string) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
}

const MAX_MINE = 1000;

function devnetFailure(err: unknown): ApiResponse {
  if (err instanceof DevnetError) return { status: err.code === 'PAUSED' ? 409 : 422, json: { error: err.message, code: err.code } };
  throw err;
}

export function devRoutes(): Map<string, Handler> {
  const routes = new Map<string, Handler>();

  routes.set('GET /devnet/info', (d) => ({ json: d.info() }));

  routes.set('POST /devnet/faucet', (d, req) => {
    const p = req.params;
    const check = checkAddress(p.address);
    if (!check.ok) return invalid('address', check.message);
    const trx = p.trx === undefined ? 0n : parseWholeUnits(p.trx);
    if (trx === null) return invalid('trx', 'must be a whole-TRX decimal string such as "1000" (at most 6 decimals)');
    const usdt = p.usdt === undefined ? 0n : parseWholeUnits(p.usdt);
    if (usdt === null) return invalid('usdt', 'must be a whole-USDT decimal string such as "1000" (at most 6 decimals)');
    if (trx === 0n && usdt === 0n) return invalid('trx', 'ask for some trx or usdt');
    try {
      const txids = d.fund(check.hex, { trx, usdt });
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
    try {
      return { json: { address: check.base58, blacklisted: listed, txid: d.setBlacklisted(check.hex, listed) } };
    } catch (err) {
      return devnetFailure(err);
    }
  });

  routes.set('POST /devnet/mine', (d, req) => {
    const blocks = req.params.blocks ?? 1;
    if (typeof blocks !== 'number' || !Number.isInteger(blocks) || blocks < 1 || blocks > MAX_MINE) {
      return invalid('blocks', `must be an integer from 1 to ${MAX_MINE}`);
    }
    try {
      const mined = d.mine(blocks);
      return {
        json: { head_block: Number(d.chain.head.number), solid_block: Number(d.chain.solidNumber), blocks: mined.map((b) => b.id) },
      };
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
