/**
 * The devnet's USDT: Tether's TetherToken implemented natively (no virtual machine). Calls take the
 * same calldata, cost the energy mainnet receipts show, revert where the contract's require()s
 * fail, return what the contract returns (32 zero bytes for `transfer`), and emit the same logs.
 */
import {
  decodeAddressWord,
  decodeUint256,
  type EventLog,
  encodeAbiString,
  encodeAddressWord,
  encodeUint256,
  eventTopic,
  functionSelector,
  TRANSFER_TOPIC,
} from '../tron/trc20.js';
import { USDT_ENERGY } from './params.js';
import type { WorldState } from './state.js';

export interface TokenInfo {
  /** "41…" hex */
  address: string;
  /** "41…" hex of the owner (may blacklist) */
  owner: string;
  name: string;
  symbol: string;
  decimals: number;
}

export type VmResult = 'SUCCESS' | 'REVERT' | 'OUT_OF_ENERGY';

export interface CallOutcome {
  result: VmResult;
  energyUsed: bigint;
  energyPenalty: bigint;
  /** hex of the returned bytes ('' when nothing is returned) */
  returnData: string;
  logs: EventLog[];
  /** java-tron's resMessage for failed calls */
  message?: string;
}

const ZERO_WORD = '0'.repeat(64);
const ADDED_BLACKLIST_TOPIC = eventTopic('AddedBlackList(address)');
const REMOVED_BLACKLIST_TOPIC = eventTopic('RemovedBlackList(address)');

const SEL = {
  name: functionSelector('name()'),
  symbol: functionSelector('symbol()'),
  decimals: functionSelector('decimals()'),
  totalSupply: functionSelector('totalSupply()'),
  owner: functionSelector('owner()'),
  balanceOf: functionSelector('balanceOf(address)'),
  transfer: functionSelector('transfer(address,uint256)'),
  isBlackListed: functionSelector('isBlackListed(address)'),
  getBlackListStatus: functionSelector('getBlackListStatus(address)'),
  addBlackList: functionSelector('addBlackList(address)'),
  removeBlackList: functionSelector('removeBlackList(address)'),
};

function revert(energy: bigint = USDT_ENERGY.revert): CallOutcome {
  return { result: 'REVERT', energyUsed: energy, energyPenalty: 0n, returnData: '', logs: [], message: 'REVERT opcode executed' };
}

function ok(returnData: string, energy: bigint, logs: EventLog[] = [], penalty = 0n): CallOutcome {
  return { result: 'SUCCESS', energyUsed: energy, energyPenalty: penalty, returnData, logs };
}

function outOfEnergy(limit: bigint): CallOutcome {
  return {
    result: 'OUT_OF_ENERGY',
    energyUsed: limit,
    energyPenalty: 0n,
    returnData: '',
    logs: [],
    message: `Not enough energy for 'SSTORE' operation executing: curInvokeEnergyLimit[${limit}], curOpEnergy[20000]`,
  };
}

/** Reads the address argument at word `index` (after the selector); null when calldata is too short. */
function addressArg(hex: string, index: number): string | null {
  const start = 8 + index * 64;
  if (hex.length < start + 64) return null;
  return decodeAddressWord(hex.slice(start, start + 64));
}

function uintArg(hex: string, index: number): bigint | null {
  const start = 8 + index * 64;
  if (hex.length < start + 64) return null;
  return decodeUint256(hex.slice(start, start + 64));
}

/**
 * Runs one call. With `readOnly` nothing is written (triggerconstantcontract, estimateenergy).
 * When the call would need more than `energyLimit`, it fails with OUT_OF_ENERGY and consumes the whole limit.
 */
export function executeTokenCall(
  state: WorldState,
  token: TokenInfo,
  caller: string,
  data: Uint8Array,
  callValue: bigint,
  energyLimit: bigint,
  readOnly: boolean,
): CallOutcome {
  const hex = Buffer.from(data).toString('hex');
  const guard = (o: CallOutcome): CallOutcome => (o.energyUsed > energyLimit ? outOfEnergy(energyLimit) : o);
  // TetherToken has no payable function: any TRX sent along reverts.
  if (callValue !== 0n) return guard(revert());
  const selector = hex.slice(0, 8);
  switch (selector) {
    case SEL.name:
      return guard(ok(encodeAbiString(token.name), USDT_ENERGY.view));
    case SEL.symbol:
      return guard(ok(encodeAbiString(token.symbol), USDT_ENERGY.view));
    case SEL.decimals:
      return guard(ok(encodeUint256(BigInt(token.decimals)), USDT_ENERGY.view));
    case SEL.totalSupply:
      return guard(ok(encodeUint256(state.token.totalSupply), USDT_ENERGY.view));
    case SEL.owner:
      return guard(ok(encodeAddressWord(token.owner), USDT_ENERGY.view));
    case SEL.balanceOf: {
      const who = addressArg(hex, 0);
      if (!who) return guard(revert());
      return guard(ok(encodeUint256(state.tokenBalance(who)), USDT_ENERGY.view));
    }
    case SEL.isBlackListed:
    case SEL.getBlackListStatus: {
      const who = addressArg(hex, 0);
      if (!who) return guard(revert());
      return guard(ok(encodeUint256(state.token.blacklist.has(who) ? 1n : 0n), USDT_ENERGY.view));
    }
    case SEL.transfer:
      return transfer(state, token, caller, hex, readOnly, energyLimit);
    case SEL.addBlackList:
    case SEL.removeBlackList: {
      const who = addressArg(hex, 0);
      if (!who || caller !== token.owner) return guard(revert());
      const adding = selector === SEL.addBlackList;
      const outcome = guard(
        ok('', USDT_ENERGY.blacklistUpdate, [
          {
            address: token.address.slice(2),
            topics: [adding ? ADDED_BLACKLIST_TOPIC : REMOVED_BLACKLIST_TOPIC],
            data: encodeAddressWord(who),
          },
        ]),
      );
      if (outcome.result === 'SUCCESS' && !readOnly) state.setBlacklisted(who, adding);
      return outcome;
    }
    default:
      return guard(revert());
  }
}

function transfer(state: WorldState, token: TokenInfo, caller: string, hex: string, readOnly: boolean, energyLimit: bigint): CallOutcome {
  const guard = (o: CallOutcome): CallOutcome => (o.energyUsed > energyLimit ? outOfEnergy(energyLimit) : o);
  const to = addressArg(hex, 0);
  const value = uintArg(hex, 1);
  // onlyPayloadSize(2 * 32), then require(!isBlackListed[msg.sender])
  if (to === null || value === null) return guard(revert());
  if (state.token.blacklist.has(caller)) return guard(revert());
  const fromBalance = state.tokenBalance(caller);
  if (fromBalance < value) return guard(revert());
  const toIsNew = state.tokenBalance(to) === 0n && to !== caller;
  const energy = toIsNew ? USDT_ENERGY.transferToNew : USDT_ENERGY.transferToHolder;
  const penalty = toIsNew ? USDT_ENERGY.transferToNewPenalty : USDT_ENERGY.transferToHolderPenalty;
  if (energy > energyLimit) return outOfEnergy(energyLimit);
  if (!readOnly && to !== caller) {
    state.setTokenBalance(caller, fromBalance - value);
    state.setTokenBalance(to, state.tokenBalance(to) + value);
  }
  const log: EventLog = {
    address: token.address.slice(2),
    topics: [TRANSFER_TOPIC, encodeAddressWord(caller), encodeAddressWord(to)],
    data: encodeUint256(value),
  };
  return ok(ZERO_WORD, energy, [log], penalty);
}

/** Mints the initial supply to the owner (genesis only). */
export function mintGenesisSupply(state: WorldState, token: TokenInfo, amount: bigint): void {
  state.setTokenBalance(token.owner, state.tokenBalance(token.owner) + amount);
  state.token.totalSupply += amount;
}

type AbiParam = { indexed?: boolean; name?: string; type: string };
type AbiEntry = {
  constant?: boolean;
  inputs?: AbiParam[];
  name: string;
  outputs?: AbiParam[];
  stateMutability?: string;
  type: 'Function' | 'Event';
};

const view = (name: string, inputs: AbiParam[], output: string): AbiEntry => ({
  constant: true,
  ...(inputs.length ? { inputs } : {}),
  name,
  outputs: [{ type: output }],
  stateMutability: 'View',
  type: 'Function',
});

/** The part of TetherToken's ABI this token implements, in java-tron's getcontract casing. */
export const TOKEN_ABI: AbiEntry[] = [
  view('name', [], 'string'),
  view('symbol', [], 'string'),
  view('decimals', [], 'uint256'),
  view('totalSupply', [], 'uint256'),
  view('owner', [], 'address'),
  view('balanceOf', [{ name: 'who', type: 'address' }], 'uint256'),
  view('isBlackListed', [{ type: 'address' }], 'bool'),
  view('getBlackListStatus', [{ name: '_maker', type: 'address' }], 'bool'),
  {
    inputs: [
      { name: '_to', type: 'address' },
      { name: '_value', type: 'uint256' },
    ],
    name: 'transfer',
    stateMutability: 'Nonpayable',
    type: 'Function',
  },
  { inputs: [{ name: '_evilUser', type: 'address' }], name: 'addBlackList', stateMutability: 'Nonpayable', type: 'Function' },
  { inputs: [{ name: '_clearedUser', type: 'address' }], name: 'removeBlackList', stateMutability: 'Nonpayable', type: 'Function' },
  {
    inputs: [
      { indexed: true, name: 'from', type: 'address' },
      { indexed: true, name: 'to', type: 'address' },
      { name: 'value', type: 'uint256' },
    ],
    name: 'Transfer',
    type: 'Event',
  },
  { inputs: [{ name: '_user', type: 'address' }], name: 'AddedBlackList', type: 'Event' },
  { inputs: [{ name: '_user', type: 'address' }], name: 'RemovedBlackList', type: 'Event' },
];
