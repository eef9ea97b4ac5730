/**
 * The devnet's built-in multisend contract, implemented natively like its tokens: `multisend(address[] to,
 * uint256[] amounts)` payable forwards the call value to each `to` with an internal CALL, which java-tron
 * reports as `internal_transactions`. It reverts, forwarding nothing, unless the amounts add up to the call
 * value exactly and every recipient is an ordinary account (TRX sent to a contract without a payable
 * fallback fails the CALL, which the contract's require turns into a revert).
 */
import { bytesToHex, concatBytes, hexToBytes } from '../tron/bytes.js';
import { keccak256 } from '../tron/hash.js';
import { decodeAddressWord, decodeUint256, functionSelector } from '../tron/trc20.js';
import type { WorldState } from './state.js';
import { type CallOutcome, outOfEnergy, revert } from './token.js';

export const MULTISEND_SELECTOR = functionSelector('multisend(address[],uint256[])');

/**
 * Energy, as the Solidity loop would spend it: the call's own work, a value CALL per recipient (9,000, as the
 * TVM charges, plus the loop's reads), 25,000 more for a recipient the CALL creates, a cheap failed require.
 */
export const MULTISEND_ENERGY = {
  base: 3_200n,
  perTransfer: 9_800n,
  newAccount: 25_000n,
  revert: 1_500n,
};

/** Its ABI in java-tron's getcontract casing. */
export const MULTISEND_ABI = [
  {
    inputs: [
      { name: 'to', type: 'address[]' },
      { name: 'amounts', type: 'uint256[]' },
    ],
    name: 'multisend',
    payable: true,
    stateMutability: 'Payable',
    type: 'Function',
  },
];

/** Most recipients in one call: beyond that the transaction would be too big anyway. */
const MAX_RECIPIENTS = 400;

/** One TRX transfer a contract made inside a transaction (java-tron's InternalTransaction with a call value). */
export interface InternalTransfer {
  /** 64 hex digits */
  hash: string;
  /** "41…" hex of the contract that made the call */
  caller: string;
  /** "41…" hex of the receiver */
  to: string;
  /** sun */
  value: bigint;
}

export interface MultisendOutcome extends CallOutcome {
  /** empty unless the call succeeded */
  internal: InternalTransfer[];
}

function failed(energy: bigint, energyLimit: bigint): MultisendOutcome {
  return energy > energyLimit ? outOfCallEnergy(energyLimit) : { ...revert(energy), internal: [] };
}

function outOfCallEnergy(limit: bigint): MultisendOutcome {
  return { ...outOfEnergy(limit, 'CALL', 9000), internal: [] };
}

/** A dynamic array argument: the words at the offset stored in argument word `index`; null when malformed. */
function arrayArg(args: string, index: number): string[] | null {
  const word = (at: number) => (args.length >= (at + 1) * 64 ? decodeUint256(args.slice(at * 64, (at + 1) * 64)) : null);
  const offset = word(index);
  if (offset === null || offset % 32n !== 0n) return null;
  const start = Number(offset / 32n);
  const length = word(start);
  if (length === null || length > BigInt(MAX_RECIPIENTS)) return null;
  const items: string[] = [];
  for (let i = 1; i <= Number(length); i++) {
    if (word(start + i) === null) return null;
    items.push(args.slice((start + i) * 64, (start + i + 1) * 64));
  }
  return items;
}

/** java-tron hashes an internal transaction from its parent and position; the devnet uses keccak256(txid ‖ index). */
function internalHash(txid: string, index: number): string {
  const position = new Uint8Array(4);
  new DataView(position.buffer).setUint32(0, index);
  return bytesToHex(keccak256(concatBytes(hexToBytes(txid), position)));
}

/**
 * Runs `multisend` for `caller`, whose call value has not been taken yet: on success every amount is credited
 * (creating missing accounts at `now`) and the caller is debited the call value, unless `readOnly`.
 */
export function executeMultisend(
  state: WorldState,
  call: {
    contract: string;
    caller: string;
    txid: string;
    data: Uint8Array;
    callValue: bigint;
    energyLimit: bigint;
    readOnly: boolean;
    now: bigint;
  },
): MultisendOutcome {
  const hex = bytesToHex(call.data);
  if (hex.slice(0, 8) !== MULTISEND_SELECTOR) return failed(MULTISEND_ENERGY.revert, call.energyLimit);
  const args = hex.slice(8);
  const recipients = arrayArg(args, 0);
  const amounts = arrayArg(args, 1);
  if (!recipients || !amounts || recipients.length !== amounts.length) return failed(MULTISEND_ENERGY.revert, call.energyLimit);
  const transfers = recipients.map((word, i) => ({ to: decodeAddressWord(word), value: decodeUint256(amounts[i] as string) }));
  const total = transfers.reduce((sum, t) => sum + t.value, 0n);
  let energy = MULTISEND_ENERGY.base;
  const created = new Set<string>();
  for (const t of transfers) {
    energy += MULTISEND_ENERGY.perTransfer;
    const account = state.account(t.to);
    if (account?.isContract || t.to === call.contract) return failed(energy, call.energyLimit);
    if (!account && !created.has(t.to)) {
      created.add(t.to);
      energy += MULTISEND_ENERGY.newAccount;
    }
  }
  if (total !== call.callValue) return failed(energy, call.energyLimit);
  if (energy > call.energyLimit) return outOfCallEnergy(call.energyLimit);
  if (!call.readOnly) {
    state.touchAccount(call.caller).balance -= call.callValue;
    for (const t of transfers) state.touchAccount(t.to, call.now).balance += t.value;
  }
  return {
    result: 'SUCCESS',
    energyUsed: energy,
    energyPenalty: 0n,
    returnData: '',
    logs: [],
    internal: transfers.map((t, i) => ({ hash: internalHash(call.txid, i), caller: call.contract, to: t.to, value: t.value })),
  };
}
