/**
 * TronGrid v1 endpoints the gateway and TronWeb use: an account with its TRC-20 balances, TRC-20
 * transfers of an account and a contract's events, with TronGrid's envelope, filters and fingerprint paging.
 */
import { checkAddress, toBase58Address } from '../tron/address.js';
import type { TokenTransferEvent } from './chain.js';
import type { Devnet } from './devnet.js';
import type { ApiRequest, ApiResponse, Handler } from './http.js';
import { accountJson } from './render.js';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 200;

type Query = URLSearchParams;

function fail(status: number, message: string): ApiResponse {
  return { status, json: { success: false, error: message, statusCode: status } };
}

function flag(q: Query, name: string): boolean {
  return q.get(name) === 'true';
}

function intParam(q: Query, ...names: string[]): bigint | undefined | 'invalid' {
  for (const name of names) {
    const v = q.get(name);
    if (v === null || v === '') continue;
    return /^\d{1,19}$/.test(v) ? BigInt(v) : 'invalid';
  }
  return undefined;
}

function encodeFingerprint(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function decodeFingerprint(text: string | null): number | 'invalid' {
  if (!text) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as { o?: unknown };
    return typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 ? parsed.o : 'invalid';
  } catch {
    return 'invalid';
  }
}

interface Page<T> {
  rows: T[];
  meta: Record<string, unknown>;
}

/** Shared filtering, ordering and paging over the transfer index. */
function page(
  devnet: Devnet,
  req: ApiRequest,
  events: TokenTransferEvent[],
  filter: (e: TokenTransferEvent) => boolean,
  minNames: string[],
  maxNames: string[],
): Page<TokenTransferEvent> | ApiResponse {
  const q = req.query;
  if (flag(q, 'only_confirmed') && flag(q, 'only_unconfirmed')) return fail(400, 'only_confirmed and only_unconfirmed cannot both be true');
  const limitText = q.get('limit');
  const limit = limitText === null || limitText === '' ? DEFAULT_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return fail(400, `limit must be an integer from 1 to ${MAX_LIMIT}`);
  const min = intParam(q, ...minNames);
  const max = intParam(q, ...maxNames);
  if (min === 'invalid' || max === 'invalid') return fail(400, 'timestamps must be milliseconds since the epoch');
  const offset = decodeFingerprint(q.get('fingerprint'));
  if (offset === 'invalid') return fail(400, 'invalid fingerprint');
  const orderBy = q.get('order_by') ?? 'block_timestamp,desc';
  if (orderBy !== 'block_timestamp,desc' && orderBy !== 'block_timestamp,asc') {
    return fail(400, 'order_by must be block_timestamp,desc or block_timestamp,asc');
  }
  const solid = devnet.chain.solidNumber;
  const selected = events.filter((e) => {
    if (flag(q, 'only_confirmed') && e.blockNumber > solid) return false;
    if (flag(q, 'only_unconfirmed') && e.blockNumber <= solid) return false;
    if (min !== undefined && e.blockTimestamp < min) return false;
    if (max !== undefined && e.blockTimestamp > max) return false;
    return filter(e);
  });
  if (orderBy.endsWith('desc')) selected.reverse();
  const rows = selected.slice(offset, offset + limit);
  const meta: Record<string, unknown> = { at: Date.now(), page_size: rows.length };
  if (offset + limit < selected.length) {
    const fingerprint = encodeFingerprint(offset + limit);
    const next = new URLSearchParams(q);
    next.set('fingerprint', fingerprint);
    meta.fingerprint = fingerprint;
    meta.links = { next: `${req.path}?${next.toString()}` };
  }
  return { rows, meta };
}

/** TronGrid's `token_info` of a transfer: the token that emitted it. */
function tokenInfoJson(devnet: Devnet, contract: string): Record<string, unknown> {
  const token = devnet.chain.tokens.get(contract);
  const address = toBase58Address(contract);
  return token ? { symbol: token.symbol, address, decimals: token.decimals, name: token.name } : { address };
}

function trc20Transfers(devnet: Devnet, req: ApiRequest, address: string): ApiResponse {
  const check = checkAddress(address);
  if (!check.ok) return fail(400, `invalid address: ${check.message}`);
  const q = req.query;
  let contract: string | undefined;
  const contractParam = q.get('contract_address');
  if (contractParam) {
    const c = checkAddress(contractParam);
    if (!c.ok) return fail(400, `invalid contract_address: ${c.message}`);
    contract = c.hex;
  }
  const onlyTo = flag(q, 'only_to');
  const onlyFrom = flag(q, 'only_from');
  const result = page(
    devnet,
    req,
    devnet.chain.eventsByAddress.get(check.hex) ?? [],
    (e) => (!contract || e.contract === contract) && (!onlyTo || e.to === check.hex) && (!onlyFrom || e.from === check.hex),
    ['min_timestamp', 'min_block_timestamp'],
    ['max_timestamp', 'max_block_timestamp'],
  );
  if (!('rows' in result)) return result;
  const data = result.rows.map((e) => ({
    transaction_id: e.txid,
    token_info: tokenInfoJson(devnet, e.contract),
    block_timestamp: Number(e.blockTimestamp),
    from: toBase58Address(e.from),
    to: toBase58Address(e.to),
    type: 'Transfer',
    value: e.value.toString(),
  }));
  return { json: { data, success: true, meta: result.meta } };
}

function contractEvents(devnet: Devnet, req: ApiRequest, address: string): ApiResponse {
  const check = checkAddress(address);
  if (!check.ok) return fail(400, `invalid address: ${check.message}`);
  const q = req.query;
  const eventName = q.get('event_name');
  const blockNumber = intParam(q, 'block_number');
  if (blockNumber === 'invalid') return fail(400, 'block_number must be an integer');
  const nameMatches = !eventName || eventName === 'Transfer';
  const result = page(
    devnet,
    req,
    devnet.chain.events,
    (e) => nameMatches && e.contract === check.hex && (blockNumber === undefined || e.blockNumber === blockNumber),
    ['min_block_timestamp', 'min_timestamp'],
    ['max_block_timestamp', 'max_timestamp'],
  );
  if (!('rows' in result)) return result;
  const solid = devnet.chain.solidNumber;
  const base58 = toBase58Address(check.hex);
  const data = result.rows.map((e) => {
    const from = `0x${e.from.slice(2)}`;
    const to = `0x${e.to.slice(2)}`;
    const row: Record<string, unknown> = {
      block_number: Number(e.blockNumber),
      block_timestamp: Number(e.blockTimestamp),
      caller_contract_address: base58,
      contract_address: base58,
      event_index: e.eventIndex,
      event_name: 'Transfer',
      result: { 0: from, 1: to, 2: e.value.toString(), from, to, value: e.value.toString() },
      result_type: { from: 'address', to: 'address', value: 'uint256' },
      event: 'Transfer(address indexed from, address indexed to, uint256 value)',
      transaction_id: e.txid,
    };
    if (e.blockNumber > solid) row._unconfirmed = true;
    return row;
  });
  return { json: { data, success: true, meta: result.meta } };
}

/**
 * GET /v1/accounts/{address}: the account as /wallet/getaccount prints it (hex addresses) plus TronGrid's
 * `trc20` list, one `{"<contract base58>": "<balance>"}` per token it holds. `only_confirmed` reads the
 * solidified state. An account that does not exist is an empty `data`.
 */
function account(devnet: Devnet, req: ApiRequest, address: string): ApiResponse {
  const check = checkAddress(address);
  if (!check.ok) return fail(400, `invalid address: ${check.message}`);
  const solid = flag(req.query, 'only_confirmed');
  const state = solid ? devnet.chain.solidState : devnet.chain.headState;
  const acc = state.account(check.hex);
  const data: Record<string, unknown>[] = [];
  if (acc) {
    const trc20: Record<string, string>[] = [];
    for (const ledger of state.tokens.values()) {
      const balance = ledger.balanceOf(check.hex);
      if (balance > 0n) trc20.push({ [toBase58Address(ledger.contract)]: balance.toString() });
    }
    data.push({ ...accountJson(acc, devnet.chain.resourceView(solid), false), trc20 });
  }
  return { json: { data, success: true, meta: { at: Date.now(), page_size: data.length } } };
}

const TRC20_PATH = /^\/v1\/accounts\/([^/]+)\/transactions\/trc20$/;
const EVENTS_PATH = /^\/v1\/contracts\/([^/]+)\/events$/;
const ACCOUNT_PATH = /^\/v1\/accounts\/([^/]+)$/;

/** A path segment, percent-decoded; malformed escapes stay as they are (and then fail address validation with a 400). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Resolves a TronGrid path to its handler, or undefined. */
export function tronGridRoute(path: string): Handler | undefined {
  const trc20 = TRC20_PATH.exec(path);
  if (trc20) return (d, req) => trc20Transfers(d, req, decodeSegment(trc20[1] as string));
  const events = EVENTS_PATH.exec(path);
  if (events) return (d, req) => contractEvents(d, req, decodeSegment(events[1] as string));
  const acc = ACCOUNT_PATH.exec(path);
  if (acc) return (d, req) => account(d, req, decodeSegment(acc[1] as string));
  if (path === '/healthcheck') return () => ({ json: { status: 'OK' } });
  return undefined;
}
