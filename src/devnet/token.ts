/**
 * The devnet's TRC-20 tokens, implemented natively (no virtual machine): the USDT (Tether's TetherToken)
 * and the tokens deployed later. Calls take the same calldata, cost the energy mainnet receipts show, revert
 * where the contract's require()s fail, return what the contract returns (32 zero bytes for USDT's
 * `transfer`), and emit the same logs.
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
import type { TokenLedger } from './state.js';

export interface TokenInfo {
  /** "41…" hex */
  address: string;
  /** "41…" hex of the owner (may blacklist) */
  owner: string;
  name: string;
  symbol: string;
  decimals: number;
  /** has TetherToken's blacklist functions; without them, calling one reverts as a missing function does */
  blacklist: boolean;
  /**
   * `TetherToken` is the devnet's USDT with TRON USDT's quirks (`transfer` returns false, TetherToken's ABI
   * names); `TRC20` is an OpenZeppelin-style token (returns true, refuses the zero address).
   */
  model: 'TetherToken' | 'TRC20';
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
const TRUE_WORD = encodeUint256(1n);
const MAX_UINT256 = (1n << 256n) - 1n;
const ZERO_ADDRESS = `41${'0'.repeat(40)}`;
const ADDED_BLACKLIST_TOPIC = eventTopic('AddedBlackList(address)');
const REMOVED_BLACKLIST_TOPIC = eventTopic('RemovedBlackList(address)');
export const APPROVAL_TOPIC = eventTopic('Approval(address,address,uint256)');

const SEL = {
  name: functionSelector('name()'),
  symbol: functionSelector('symbol()'),
  decimals: functionSelector('decimals()'),
  totalSupply: functionSelector('totalSupply()'),
  owner: functionSelector('owner()'),
  balanceOf: functionSelector('balanceOf(address)'),
  allowance: functionSelector('allowance(address,address)'),
  transfer: functionSelector('transfer(address,uint256)'),
  approve: functionSelector('approve(address,uint256)'),
  transferFrom: functionSelector('transferFrom(address,address,uint256)'),
  isBlackListed: functionSelector('isBlackListed(address)'),
  getBlackListStatus: functionSelector('getBlackListStatus(address)'),
  addBlackList: functionSelector('addBlackList(address)'),
  removeBlackList: functionSelector('removeBlackList(address)'),
};

const BLACKLIST_SELECTORS = new Set([SEL.isBlackListed, SEL.getBlackListStatus, SEL.addBlackList, SEL.removeBlackList]);

export function revert(energy: bigint = USDT_ENERGY.revert): CallOutcome {
  return { result: 'REVERT', energyUsed: energy, energyPenalty: 0n, returnData: '', logs: [], message: 'REVERT opcode executed' };
}

function ok(returnData: string, energy: bigint, logs: EventLog[] = [], penalty = 0n): CallOutcome {
  return { result: 'SUCCESS', energyUsed: energy, energyPenalty: penalty, returnData, logs };
}

/** The whole limit consumed; java-tron names the operation that ran out (a storage write for the tokens). */
export function outOfEnergy(limit: bigint, op = 'SSTORE', opEnergy = 20_000): CallOutcome {
  return {
    result: 'OUT_OF_ENERGY',
    energyUsed: limit,
    energyPenalty: 0n,
    returnData: '',
    logs: [],
    message: `Not enough energy for '${op}' operation executing: curInvokeEnergyLimit[${limit}], curOpEnergy[${opEnergy}]`,
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

function eventLog(token: TokenInfo, topics: string[], data: string): EventLog {
  return { address: token.address.slice(2), topics, data };
}

/** One call's context: what it may spend and whether it may write. */
interface Call {
  ledger: TokenLedger;
  token: TokenInfo;
  caller: string;
  hex: string;
  energyLimit: bigint;
  readOnly: boolean;
}

/**
 * Runs one call against the token's storage. With `readOnly` nothing is written (triggerconstantcontract,
 * estimateenergy). When the call would need more than `energyLimit`, it fails with OUT_OF_ENERGY and
 * consumes the whole limit.
 */
export function executeTokenCall(
  ledger: TokenLedger,
  token: TokenInfo,
  caller: string,
  data: Uint8Array,
  callValue: bigint,
  energyLimit: bigint,
  readOnly: boolean,
): CallOutcome {
  const hex = Buffer.from(data).toString('hex');
  const call: Call = { ledger, token, caller, hex, energyLimit, readOnly };
  const guard = (o: CallOutcome): CallOutcome => (o.energyUsed > energyLimit ? outOfEnergy(energyLimit) : o);
  // No function of these tokens is payable: any TRX sent along reverts.
  if (callValue !== 0n) return guard(revert());
  const selector = hex.slice(0, 8);
  // A token without the blacklist has no such functions: the dispatcher finds no match and reverts.
  if (!token.blacklist && BLACKLIST_SELECTORS.has(selector)) return guard(revert());
  const view = (word: string) => guard(ok(word, USDT_ENERGY.view));
  switch (selector) {
    case SEL.name:
      return view(encodeAbiString(token.name));
    case SEL.symbol:
      return view(encodeAbiString(token.symbol));
    case SEL.decimals:
      return view(encodeUint256(BigInt(token.decimals)));
    case SEL.totalSupply:
      return view(encodeUint256(ledger.totalSupply));
    case SEL.owner:
      return view(encodeAddressWord(token.owner));
    case SEL.balanceOf: {
      const who = addressArg(hex, 0);
      return who ? view(encodeUint256(ledger.balanceOf(who))) : guard(revert());
    }
    case SEL.allowance: {
      const owner = addressArg(hex, 0);
      const spender = addressArg(hex, 1);
      return owner && spender ? view(encodeUint256(ledger.allowance(owner, spender))) : guard(revert());
    }
    case SEL.isBlackListed:
    case SEL.getBlackListStatus: {
      const who = addressArg(hex, 0);
      return who ? view(encodeUint256(ledger.isBlacklisted(who) ? 1n : 0n)) : guard(revert());
    }
    case SEL.transfer:
      return transfer(call);
    case SEL.approve:
      return guard(approve(call));
    case SEL.transferFrom:
      return transferFrom(call);
    case SEL.addBlackList:
    case SEL.removeBlackList: {
      const who = addressArg(hex, 0);
      if (!who || caller !== token.owner) return guard(revert());
      const adding = selector === SEL.addBlackList;
      const topic = adding ? ADDED_BLACKLIST_TOPIC : REMOVED_BLACKLIST_TOPIC;
      const outcome = guard(ok('', USDT_ENERGY.blacklistUpdate, [eventLog(token, [topic], encodeAddressWord(who))]));
      if (outcome.result === 'SUCCESS' && !readOnly) ledger.setBlacklisted(who, adding);
      return outcome;
    }
    default:
      return guard(revert());
  }
}

/** Energy of moving tokens to `to`: a new storage slot costs more than adding to a holder's. */
function moveEnergy(ledger: TokenLedger, from: string, to: string): { energy: bigint; penalty: bigint } {
  const toIsNew = ledger.balanceOf(to) === 0n && to !== from;
  return toIsNew
    ? { energy: USDT_ENERGY.transferToNew, penalty: USDT_ENERGY.transferToNewPenalty }
    : { energy: USDT_ENERGY.transferToHolder, penalty: USDT_ENERGY.transferToHolderPenalty };
}

function move(ledger: TokenLedger, from: string, to: string, value: bigint): void {
  if (from === to) return;
  ledger.setBalance(from, ledger.balanceOf(from) - value);
  ledger.setBalance(to, ledger.balanceOf(to) + value);
}

function transferLog(token: TokenInfo, from: string, to: string, value: bigint): EventLog {
  return eventLog(token, [TRANSFER_TOPIC, encodeAddressWord(from), encodeAddressWord(to)], encodeUint256(value));
}

function transfer({ ledger, token, caller, hex, energyLimit, readOnly }: Call): CallOutcome {
  const guard = (o: CallOutcome): CallOutcome => (o.energyUsed > energyLimit ? outOfEnergy(energyLimit) : o);
  const to = addressArg(hex, 0);
  const value = uintArg(hex, 1);
  // onlyPayloadSize(2 * 32), then require(!isBlackListed[msg.sender])
  if (to === null || value === null) return guard(revert());
  if (token.blacklist && ledger.isBlacklisted(caller)) return guard(revert());
  if (token.model === 'TRC20' && to === ZERO_ADDRESS) return guard(revert());
  if (ledger.balanceOf(caller) < value) return guard(revert());
  const { energy, penalty } = moveEnergy(ledger, caller, to);
  if (energy > energyLimit) return outOfEnergy(energyLimit);
  if (!readOnly) move(ledger, caller, to, value);
  // TRON's TetherToken declares `returns (bool)` but never returns a value: its receipts carry false.
  const returned = token.model === 'TetherToken' ? ZERO_WORD : TRUE_WORD;
  return ok(returned, energy, [transferLog(token, caller, to, value)], penalty);
}

/** TetherToken and OpenZeppelin alike: `allowed[msg.sender][spender] = value`, an Approval event, true. */
function approve({ ledger, token, caller, hex, energyLimit, readOnly }: Call): CallOutcome {
  const guard = (o: CallOutcome): CallOutcome => (o.energyUsed > energyLimit ? outOfEnergy(energyLimit) : o);
  const spender = addressArg(hex, 0);
  const value = uintArg(hex, 1);
  if (spender === null || value === null) return guard(revert());
  if (token.model === 'TRC20' && spender === ZERO_ADDRESS) return guard(revert());
  const fillsEmptySlot = ledger.allowance(caller, spender) === 0n && value !== 0n;
  const energy = fillsEmptySlot ? USDT_ENERGY.approveNew : USDT_ENERGY.approveExisting;
  const penalty = fillsEmptySlot ? USDT_ENERGY.approveNewPenalty : USDT_ENERGY.approveExistingPenalty;
  if (energy > energyLimit) return outOfEnergy(energyLimit);
  if (!readOnly) ledger.setAllowance(caller, spender, value);
  const log = eventLog(token, [APPROVAL_TOPIC, encodeAddressWord(caller), encodeAddressWord(spender)], encodeUint256(value));
  return ok(TRUE_WORD, energy, [log], penalty);
}

/**
 * TetherToken's transferFrom (TRON's StandardTokenWithFees without fees): `_from` not blacklisted, `_to` not
 * the zero address, `_value` within the balance and the allowance; an unlimited (MAX_UINT) allowance is
 * not lowered. OpenZeppelin's ERC20 behaves the same for these calls.
 */
function transferFrom({ ledger, token, caller, hex, energyLimit, readOnly }: Call): CallOutcome {
  const guard = (o: CallOutcome): CallOutcome => (o.energyUsed > energyLimit ? outOfEnergy(energyLimit) : o);
  const from = addressArg(hex, 0);
  const to = addressArg(hex, 1);
  const value = uintArg(hex, 2);
  if (from === null || to === null || value === null) return guard(revert());
  if (token.blacklist && ledger.isBlacklisted(from)) return guard(revert());
  if (to === ZERO_ADDRESS) return guard(revert());
  if (ledger.balanceOf(from) < value) return guard(revert());
  const allowance = ledger.allowance(from, caller);
  if (allowance < value) return guard(revert());
  const lowersAllowance = allowance !== MAX_UINT256;
  const cost = moveEnergy(ledger, from, to);
  const energy = cost.energy + (lowersAllowance ? USDT_ENERGY.allowanceUpdate : 0n);
  const penalty = cost.penalty + (lowersAllowance ? USDT_ENERGY.allowanceUpdatePenalty : 0n);
  if (energy > energyLimit) return outOfEnergy(energyLimit);
  if (!readOnly) {
    if (lowersAllowance) ledger.setAllowance(from, caller, allowance - value);
    move(ledger, from, to, value);
  }
  return ok(TRUE_WORD, energy, [transferLog(token, from, to, value)], penalty);
}

/** Mints the initial supply to the owner (at deployment). */
export function mintSupply(ledger: TokenLedger, token: TokenInfo, amount: bigint): void {
  ledger.setBalance(token.owner, ledger.balanceOf(token.owner) + amount);
  ledger.totalSupply += amount;
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

const address = (name?: string): AbiParam => ({ ...(name ? { name } : {}), type: 'address' });
const uint256 = (name?: string): AbiParam => ({ ...(name ? { name } : {}), type: 'uint256' });

const view = (name: string, inputs: AbiParam[], output: string): AbiEntry => ({
  constant: true,
  ...(inputs.length ? { inputs } : {}),
  name,
  outputs: [{ type: output }],
  stateMutability: 'View',
  type: 'Function',
});

const nonpayable = (name: string, inputs: AbiParam[], returnsBool: boolean): AbiEntry => ({
  inputs,
  name,
  ...(returnsBool ? { outputs: [{ type: 'bool' }] } : {}),
  stateMutability: 'Nonpayable',
  type: 'Function',
});

const event = (name: string, inputs: AbiParam[]): AbiEntry => ({ inputs, name, type: 'Event' });

const BLACKLIST_ABI: AbiEntry[] = [
  view('isBlackListed', [address()], 'bool'),
  view('getBlackListStatus', [address('_maker')], 'bool'),
  nonpayable('addBlackList', [address('_evilUser')], false),
  nonpayable('removeBlackList', [address('_clearedUser')], false),
  event('AddedBlackList', [address('_user')]),
  event('RemovedBlackList', [address('_user')]),
];

/** The part of TetherToken's ABI the USDT implements, in java-tron's getcontract casing. */
const TETHER_ABI: AbiEntry[] = [
  view('name', [], 'string'),
  view('symbol', [], 'string'),
  view('decimals', [], 'uint256'),
  view('totalSupply', [], 'uint256'),
  view('owner', [], 'address'),
  view('balanceOf', [address('who')], 'uint256'),
  view('allowance', [address('_owner'), address('_spender')], 'uint256'),
  // transfer lists no output: TRON's TetherToken returns nothing a caller could decode
  nonpayable('transfer', [address('_to'), uint256('_value')], false),
  nonpayable('approve', [address('_spender'), uint256('_value')], true),
  nonpayable('transferFrom', [address('_from'), address('_to'), uint256('_value')], true),
  event('Transfer', [{ indexed: true, ...address('from') }, { indexed: true, ...address('to') }, uint256('value')]),
  event('Approval', [{ indexed: true, ...address('owner') }, { indexed: true, ...address('spender') }, uint256('value')]),
];

/** An OpenZeppelin-style ERC20 with Ownable, in java-tron's getcontract casing. */
const TRC20_ABI: AbiEntry[] = [
  view('name', [], 'string'),
  view('symbol', [], 'string'),
  view('decimals', [], 'uint8'),
  view('totalSupply', [], 'uint256'),
  view('owner', [], 'address'),
  view('balanceOf', [address('account')], 'uint256'),
  view('allowance', [address('owner'), address('spender')], 'uint256'),
  nonpayable('transfer', [address('to'), uint256('value')], true),
  nonpayable('approve', [address('spender'), uint256('value')], true),
  nonpayable('transferFrom', [address('from'), address('to'), uint256('value')], true),
  event('Transfer', [{ indexed: true, ...address('from') }, { indexed: true, ...address('to') }, uint256('value')]),
  event('Approval', [{ indexed: true, ...address('owner') }, { indexed: true, ...address('spender') }, uint256('value')]),
];

/** The ABI `getcontract` returns for a token: only the functions it has. */
export function tokenAbi(token: TokenInfo): AbiEntry[] {
  const base = token.model === 'TetherToken' ? TETHER_ABI : TRC20_ABI;
  return token.blacklist ? [...base, ...BLACKLIST_ABI] : base;
}
