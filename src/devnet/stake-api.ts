/**
 * The Stake 2.0 part of java-tron's HTTP API: the builders of contract types 54–59 (FreezeBalanceV2Servlet…,
 * `/wallet/*` only) and the queries of Wallet.java (getDelegatedResourceV2, getDelegatedResourceAccountIndexV2,
 * getCanDelegatedMaxSize, getAvailableUnfreezeCount, getCanWithdrawUnfreezeAmount), also on `/walletsolidity/*`.
 */
import { hexToBytes } from '../tron/bytes.js';
import type { AccountCreateContract, ResourceCode, ResourceContract } from '../tron/resource-contracts.js';
import type { Devnet } from './devnet.js';
import type { ApiRequest, Handler } from './http.js';
import { NodeApiError } from './http.js';
import { addressOut, delegationJson, type Json } from './render.js';
import { optionalAddress, optionalBool, optionalInt, requiredAddress } from './request-params.js';
import { delegatableStake, delegateTransactionBytes, SUN_PER_TRX, unfreezingCount, withdrawableAt } from './resources.js';
import { UNFREEZE_MAX_TIMES } from './stake.js';
import type { WorldState } from './state.js';

function stateOf(d: Devnet, req: ApiRequest): WorldState {
  return req.solid ? d.chain.solidState : d.chain.headState;
}

/** A ResourceCode given as its name or number (JsonFormat accepts both); absent is BANDWIDTH, the proto3 default. */
export function resourceParam(req: ApiRequest, name: string): ResourceCode {
  const v = req.params[name];
  if (v === undefined || v === null || v === 'BANDWIDTH' || v === 0 || v === '0') return 'BANDWIDTH';
  if (v === 'ENERGY' || v === 1 || v === '1') return 'ENERGY';
  throw new NodeApiError(`${name} must be BANDWIDTH or ENERGY`);
}

/** An address parameter as bytes; absent is empty, which the actuator then rejects with its own message. */
function addressBytes(req: ApiRequest, name: string): Uint8Array {
  const hex = optionalAddress(req, name);
  return hex ? hexToBytes(hex) : new Uint8Array(0);
}

const owner = (req: ApiRequest) => hexToBytes(requiredAddress(req, 'owner_address'));

/** The contract each builder endpoint makes from its request (JsonFormat field names; absent numbers are 0). */
export const STAKE_BUILDERS: ReadonlyMap<string, (req: ApiRequest) => ResourceContract> = new Map<
  string,
  (req: ApiRequest) => ResourceContract
>([
  [
    'freezebalancev2',
    (req) => ({
      type: 'FreezeBalanceV2Contract',
      ownerAddress: owner(req),
      frozenBalance: optionalInt(req, 'frozen_balance') ?? 0n,
      resource: resourceParam(req, 'resource'),
    }),
  ],
  [
    'unfreezebalancev2',
    (req) => ({
      type: 'UnfreezeBalanceV2Contract',
      ownerAddress: owner(req),
      unfreezeBalance: optionalInt(req, 'unfreeze_balance') ?? 0n,
      resource: resourceParam(req, 'resource'),
    }),
  ],
  ['withdrawexpireunfreeze', (req) => ({ type: 'WithdrawExpireUnfreezeContract', ownerAddress: owner(req) })],
  [
    'delegateresource',
    (req) => ({
      type: 'DelegateResourceContract',
      ownerAddress: owner(req),
      resource: resourceParam(req, 'resource'),
      balance: optionalInt(req, 'balance') ?? 0n,
      receiverAddress: addressBytes(req, 'receiver_address'),
      lock: optionalBool(req, 'lock') ?? false,
      lockPeriod: optionalInt(req, 'lock_period') ?? 0n,
    }),
  ],
  [
    'undelegateresource',
    (req) => ({
      type: 'UnDelegateResourceContract',
      ownerAddress: owner(req),
      resource: resourceParam(req, 'resource'),
      balance: optionalInt(req, 'balance') ?? 0n,
      receiverAddress: addressBytes(req, 'receiver_address'),
    }),
  ],
  ['cancelallunfreezev2', (req) => ({ type: 'CancelAllUnfreezeV2Contract', ownerAddress: owner(req) })],
  [
    'createaccount',
    (req): AccountCreateContract => ({
      type: 'AccountCreateContract',
      ownerAddress: owner(req),
      accountAddress: addressBytes(req, 'account_address'),
    }),
  ],
]);

export function stakeRoutes(): Map<string, Handler> {
  const routes = new Map<string, Handler>();

  routes.set('getdelegatedresourcev2', (d, req) => {
    const from = requiredAddress(req, 'fromAddress');
    const to = requiredAddress(req, 'toAddress');
    const state = stateOf(d, req);
    const records = [state.delegation(from, to, false), state.delegation(from, to, true)].filter(
      (r) => r !== undefined && (r.bandwidth || r.energy || r.bandwidthExpire || r.energyExpire),
    );
    if (records.length === 0) return { json: {} };
    return { json: { delegatedResource: records.map((r) => delegationJson(r as NonNullable<typeof r>, req.visible)) } };
  });

  routes.set('getdelegatedresourceaccountindexv2', (d, req) => {
    const address = requiredAddress(req, 'value');
    const state = stateOf(d, req);
    // Each side sorted by the time of the pair's latest delegation, as DelegatedResourceAccountIndexStore.getV2Index does.
    const sides = { toAccounts: [] as [bigint, string][], fromAccounts: [] as [bigint, string][] };
    for (const [key, time] of state.delegationIndex) {
      const [from, to] = key.split(':') as [string, string];
      if (from === address) sides.toAccounts.push([time, to]);
      if (to === address) sides.fromAccounts.push([time, from]);
    }
    const out: Json = { account: addressOut(address, req.visible) };
    const list = (entries: [bigint, string][]) =>
      entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, a]) => addressOut(a, req.visible));
    if (sides.fromAccounts.length) out.fromAccounts = list(sides.fromAccounts);
    if (sides.toAccounts.length) out.toAccounts = list(sides.toAccounts);
    return { json: out };
  });

  routes.set('getcandelegatedmaxsize', (d, req) => {
    const owner = requiredAddress(req, 'owner_address');
    const type = optionalInt(req, 'type') ?? 0n;
    const acc = stateOf(d, req).account(owner);
    const view = d.chain.resourceView(req.solid);
    let max = 0n;
    if (acc && (type === 0n || type === 1n)) {
      const resource: ResourceCode = type === 1n ? 'ENERGY' : 'BANDWIDTH';
      const extra = resource === 'BANDWIDTH' ? delegateTransactionBytes(acc.frozenV2Bandwidth, view.params.maxDelegateLockPeriod) : 0n;
      max = delegatableStake(acc, resource, view.params, view.totals, view.now, extra);
    }
    return { json: max >= SUN_PER_TRX ? { max_size: Number(max) } : {} };
  });

  routes.set('getavailableunfreezecount', (d, req) => {
    const acc = stateOf(d, req).account(requiredAddress(req, 'owner_address'));
    if (!acc) return { json: {} };
    const count = UNFREEZE_MAX_TIMES - unfreezingCount(acc, d.chain.resourceView(req.solid).now);
    return { json: count ? { count } : {} };
  });

  routes.set('getcanwithdrawunfreezeamount', (d, req) => {
    const acc = stateOf(d, req).account(requiredAddress(req, 'owner_address'));
    const timestamp = optionalInt(req, 'timestamp') ?? 0n;
    if (!acc || timestamp < 0n) return { json: {} };
    const amount = withdrawableAt(acc, timestamp === 0n ? d.chain.resourceView(req.solid).now : timestamp);
    return { json: amount ? { amount: Number(amount) } : {} };
  });

  return routes;
}
