/**
 * The devnet's chain: validates transactions in java-tron's order with its error codes, executes
 * them on the head state (bandwidth and energy from stake or burned, activation, Stake 2.0 contracts, the
 * native TRC-20 tokens), packs them into signed blocks, and advances a solidified state `solidifyLag`
 * blocks behind the head.
 */
import { bytesToBase58Address } from '../tron/address.js';
import { type BlockHeaderRaw, blockHeaderHash, blockIdFromHash, computeTxTrieRoot } from '../tron/block.js';
import { bytesToHex, hexToBytes } from '../tron/bytes.js';
import { privateKeyToAddressBytes } from '../tron/keys.js';
import {
  bandwidthBytes,
  CONTRACT_RESULT,
  encodeSignedTransaction,
  recoverSigner,
  signDigest,
  type Transaction,
} from '../tron/transaction.js';
import { decodeTransferLog, type EventLog } from '../tron/trc20.js';
import { executeMultisend, type InternalTransfer } from './multisend.js';
import { type ChainParams, MAX_EXPIRATION_AHEAD_MS, MAX_TRANSACTION_BYTES } from './params.js';
import { bandwidthBill, energyLeft, payBandwidth, type ResourceView, useEnergy } from './resources.js';
import { executeStake, isStakeContract, validateStake } from './stake.js';
import { type AccountState, type StateDiff, type TokenLedger, WorldState } from './state.js';
import { type CallOutcome, executeTokenCall, mintSupply, type TokenInfo, type VmResult } from './token.js';

export const BLOCK_VERSION = 34;

export type BroadcastCode =
  | 'SIGERROR'
  | 'CONTRACT_VALIDATE_ERROR'
  | 'CONTRACT_EXE_ERROR'
  | 'BANDWITH_ERROR'
  | 'DUP_TRANSACTION_ERROR'
  | 'TAPOS_ERROR'
  | 'TOO_BIG_TRANSACTION_ERROR'
  | 'TRANSACTION_EXPIRATION_ERROR'
  | 'SERVER_BUSY'
  | 'NO_CONNECTION'
  | 'OTHER_ERROR';

export type BroadcastOutcome = { ok: true; txid: string } | { ok: false; txid: string; code: BroadcastCode; message: string };

export interface Receipt {
  /** total TRX burned (bandwidth + activation + energy) */
  fee: bigint;
  netUsage: bigint;
  netFee: bigint;
  /** energy paid from stake (own or delegated to the caller) */
  energyUsage: bigint;
  energyUsageTotal: bigint;
  energyFee: bigint;
  energyPenalty: bigint;
  /** VM result; undefined for system contracts such as TransferContract */
  vmResult?: VmResult;
  contractRet: number;
  contractResult: string;
  contractAddress?: string;
  logs: EventLog[];
  resMessage?: string;
  /** unstaked TRX that a stake contract moved back to the balance */
  withdrawExpireAmount?: bigint;
  /** TRX a contract forwarded (the multisend's internal transactions) */
  internal?: InternalTransfer[];
  /** pending unstakes a CancelAllUnfreezeV2 returned to the stake, per resource */
  cancelUnfreezeV2Amount?: { BANDWIDTH: bigint; ENERGY: bigint; TRON_POWER: bigint };
}

export interface ChainTx {
  tx: Transaction;
  receipt: Receipt;
  blockNumber?: bigint;
  blockTimestamp?: bigint;
  /** position inside its block */
  index?: number;
}

/** A token contract created in a block, before the block's transaction at `index`. */
export interface TokenDeployment {
  index: number;
  token: TokenInfo;
  /** minted to the owner */
  supply: bigint;
}

export interface Block {
  number: bigint;
  id: string;
  header: BlockHeaderRaw;
  witnessSignature: Uint8Array;
  txs: ChainTx[];
  /** token contracts created in this block (no transaction carries them: see Chain.deployToken) */
  deployments?: TokenDeployment[];
  /** what the block changed; dropped once the block is solidified */
  diff?: StateDiff;
}

export interface TokenTransferEvent {
  txid: string;
  blockNumber: bigint;
  blockTimestamp: bigint;
  eventIndex: number;
  contract: string;
  from: string;
  to: string;
  value: bigint;
}

export interface ChainOptions {
  params: ChainParams;
  blockTimeMs: number;
  solidifyLag: number;
  witnessKey: Uint8Array;
  faucetAddress: string;
  token: TokenInfo;
  genesisTimestamp: bigint;
  genesisTrx: bigint;
  genesisTokenSupply: bigint;
  /** "41…" hex of the built-in multisend contract */
  multisendAddress: string;
}

type Rejection = { code: BroadcastCode; message: string };

const TAPOS_SLOTS = 65_536;

const NOT_EXECUTED: Receipt = {
  fee: 0n,
  netUsage: 0n,
  netFee: 0n,
  energyUsage: 0n,
  energyUsageTotal: 0n,
  energyFee: 0n,
  energyPenalty: 0n,
  contractRet: CONTRACT_RESULT.DEFAULT,
  contractResult: '',
  logs: [],
};

export class Chain {
  readonly params: ChainParams;
  readonly blockTimeMs: number;
  readonly solidifyLag: number;
  /** the genesis token, the devnet's USDT */
  readonly token: TokenInfo;
  /** every token contract by address ("41…" hex), in deployment order (USDT first) */
  readonly tokens = new Map<string, TokenInfo>();
  readonly witnessAddress: Uint8Array;
  /** "41…" hex of the built-in multisend contract (multisend.ts) */
  readonly multisendAddress: string;
  readonly blocks: Block[] = [];
  /** replaced by a rebuilt state when a reorganisation rewinds the head */
  headState: WorldState;
  solidState: WorldState;
  solidNumber = 0n;
  /** executed, waiting for the next block */
  pending: ChainTx[] = [];
  private pendingDeployments: TokenDeployment[] = [];
  readonly events: TokenTransferEvent[] = [];
  readonly eventsByAddress = new Map<string, TokenTransferEvent[]>();
  private readonly txIndex = new Map<string, ChainTx>();
  private readonly recentBlocks: (string | undefined)[] = new Array(TAPOS_SLOTS);
  /** TaPoS references ("slot:hash") of blocks a reorganisation replaced: still accepted, so a dropped transaction can be broadcast again */
  private readonly orphanedRefs = new Set<string>();
  private readonly witnessKey: Uint8Array;
  private readonly blockListeners: ((block: Block) => void)[] = [];
  private readonly reorgListeners: ((forkNumber: bigint) => void)[] = [];
  totalBurned = 0n;
  /** reorganisations since start */
  reorgs = 0;

  constructor(opts: ChainOptions) {
    this.params = opts.params;
    this.blockTimeMs = opts.blockTimeMs;
    this.solidifyLag = opts.solidifyLag;
    this.token = opts.token;
    this.witnessKey = opts.witnessKey;
    this.witnessAddress = privateKeyToAddressBytes(opts.witnessKey);
    this.multisendAddress = opts.multisendAddress;
    this.headState = new WorldState({ netWeight: opts.params.backgroundNetWeight, energyWeight: opts.params.backgroundEnergyWeight });

    const t = opts.genesisTimestamp;
    this.headState.touchAccount(opts.faucetAddress, t).balance = opts.genesisTrx;
    this.headState.touchAccount(bytesToHex(this.witnessAddress), t);
    this.createToken(opts.token, opts.genesisTokenSupply, t);
    this.headState.touchAccount(opts.multisendAddress, t).isContract = true;
    this.headState.takeDiff();
    this.solidState = this.headState.clone();
    this.seal([], t, new Uint8Array(32));
  }

  get head(): Block {
    return this.blocks[this.blocks.length - 1] as Block;
  }

  get solidBlock(): Block {
    return this.blocks[Number(this.solidNumber)] as Block;
  }

  onBlock(listener: (block: Block) => void): void {
    this.blockListeners.push(listener);
  }

  /** Called when a reorganisation cuts the chain back to `forkNumber`, before the new branch's blocks are sealed. */
  onReorg(listener: (forkNumber: bigint) => void): void {
    this.reorgListeners.push(listener);
  }

  blockByNumber(n: bigint): Block | undefined {
    return n >= 0n && n < BigInt(this.blocks.length) ? this.blocks[Number(n)] : undefined;
  }

  blockById(id: string): Block | undefined {
    if (!/^[0-9a-f]{64}$/.test(id)) return undefined;
    const block = this.blockByNumber(BigInt(`0x${id.slice(0, 16)}`));
    return block?.id === id ? block : undefined;
  }

  /** A transaction that is in a block (pending ones are not returned, as java-tron does). */
  transaction(txid: string): ChainTx | undefined {
    const entry = this.txIndex.get(txid);
    return entry?.blockNumber === undefined ? undefined : entry;
  }

  isPending(txid: string): boolean {
    const entry = this.txIndex.get(txid);
    return entry !== undefined && entry.blockNumber === undefined;
  }

  /** Time of the next block slot, which pending transactions are executed against. */
  nextSlotTime(): bigint {
    return this.head.header.timestamp + BigInt(this.blockTimeMs);
  }

  // ------------------------------------------------------------ broadcast

  /** Validates and executes a signed transaction into the pending block, as java-tron's pushTransaction does. */
  submit(tx: Transaction): BroadcastOutcome {
    const bytes = bandwidthBytes(tx);
    const rejection = this.check(tx, bytes) ?? this.execute(tx, bytes, this.nextSlotTime());
    if (rejection && 'code' in rejection) return { ok: false, txid: tx.txID, ...rejection };
    return { ok: true, txid: tx.txID };
  }

  private check(tx: Transaction, bandwidth: number): Rejection | undefined {
    const head = this.head.header.timestamp;
    // java-tron TransactionCapsule.checkExpiration: `getExpiration() < nextSlotTime` (expiring exactly at the slot is accepted)
    if (tx.raw.expiration < this.nextSlotTime()) return { code: 'TRANSACTION_EXPIRATION_ERROR', message: 'Transaction expired' };
    const sigError = this.checkSignature(tx);
    if (sigError) return { code: 'SIGERROR', message: `Validate signature error: ${sigError}` };
    if (!this.checkTapos(tx)) return { code: 'TAPOS_ERROR', message: 'Tapos check error.' };
    const size = bandwidth - 64;
    if (size > MAX_TRANSACTION_BYTES) {
      return {
        code: 'TOO_BIG_TRANSACTION_ERROR',
        message: `Too big transaction, TxId ${tx.txID}, the size is ${size} bytes, maxTxSize ${MAX_TRANSACTION_BYTES}`,
      };
    }
    if (tx.raw.expiration <= head || tx.raw.expiration > head + MAX_EXPIRATION_AHEAD_MS) {
      return { code: 'TRANSACTION_EXPIRATION_ERROR', message: 'Transaction expired' };
    }
    if (this.txIndex.has(tx.txID)) return { code: 'DUP_TRANSACTION_ERROR', message: 'Dup transaction.' };
    return undefined;
  }

  private checkSignature(tx: Transaction): string | undefined {
    if (tx.signatures.length === 0) return 'miss sig or contract';
    if (tx.raw.contract.permissionId) return "permission isn't exit";
    if (tx.signatures.length > 1) return `Signature count is ${tx.signatures.length} more than key counts of permission : 1`;
    const sig = tx.signatures[0] as Uint8Array;
    if (sig.length !== 65) return `Signature size is ${sig.length}`;
    const signer = recoverSigner(hexToBytes(tx.txID), sig);
    if (!signer) return 'sig error';
    const owner = tx.raw.contract.ownerAddress;
    if (bytesToHex(signer) !== bytesToHex(owner)) {
      return `${bytesToHex(sig)} is signed by ${bytesToBase58Address(signer)} but it is not contained of permission.`;
    }
    return undefined;
  }

  private checkTapos(tx: Transaction): boolean {
    const { refBlockBytes, refBlockHash } = tx.raw;
    if (refBlockBytes.length !== 2 || refBlockHash.length !== 8) return false;
    const slot = ((refBlockBytes[0] as number) << 8) | (refBlockBytes[1] as number);
    const hash = bytesToHex(refBlockHash);
    return this.recentBlocks[slot] === hash || this.orphanedRefs.has(`${slot}:${hash}`);
  }

  private execute(tx: Transaction, bandwidth: number, slotTime: bigint): Rejection | undefined {
    const result = this.apply(tx, bandwidth, slotTime);
    if ('code' in result) return result;
    const entry: ChainTx = { tx, receipt: result };
    this.pending.push(entry);
    this.txIndex.set(tx.txID, entry);
    this.totalBurned += result.fee;
    return undefined;
  }

  /** What account resources are read against in the head (or solidified) state: usage recovered to the next slot. */
  resourceView(solid = false): ResourceView {
    return { params: this.params, totals: (solid ? this.solidState : this.headState).totals, now: this.nextSlotTime() };
  }

  /** Runs the checks a node runs when it builds a transaction (createtransaction), without executing it. */
  validate(tx: Transaction): Rejection | undefined {
    const result = this.apply(tx, bandwidthBytes(tx), this.nextSlotTime(), false);
    return 'code' in result ? result : undefined;
  }

  /** `bandwidth` is what the signed transaction costs in bytes (`bandwidthBytes`). */
  private apply(tx: Transaction, bandwidth: number, now: bigint, commit = true): Receipt | Rejection {
    const c = tx.raw.contract;
    const p = this.params;
    const state = this.headState;
    const invalid = (message: string): Rejection => ({ code: 'CONTRACT_VALIDATE_ERROR', message: `Contract validate error : ${message}` });
    if (c.ownerAddress.length !== 21 || c.ownerAddress[0] !== 0x41) {
      return invalid(isStakeContract(c) ? 'Invalid address' : 'Invalid ownerAddress!');
    }
    const owner = bytesToHex(c.ownerAddress);
    const ownerAcc = state.account(owner);
    if (!ownerAcc) return invalid(`account [${bytesToBase58Address(c.ownerAddress)}] does not exist`);

    // Bandwidth first, as java-tron's BandwidthProcessor.consume runs before the contract (resources.ts: bandwidthBill).
    const toHex = c.type === 'TransferContract' && c.toAddress.length === 21 ? bytesToHex(c.toAddress) : undefined;
    // BandwidthProcessor.contractCreateNewAccount: an AccountCreateContract always, a transfer to a missing account
    const createsAccount = c.type === 'AccountCreateContract' || (toHex !== undefined && toHex !== owner && !state.account(toHex));
    const bill = bandwidthBill(ownerAcc, BigInt(bandwidth), createsAccount, p, state.totals, now);
    if (!bill) return { code: 'BANDWITH_ERROR', message: 'Account resource insufficient error.' };
    const balanceAfterNet = ownerAcc.balance - bill.fee;
    const chargeBandwidth = (): AccountState => {
      const acc = state.touchAccount(owner);
      payBandwidth(acc, bill, p, now);
      return acc;
    };
    const systemReceipt = (fee: bigint): Receipt => ({
      ...NOT_EXECUTED,
      fee,
      netUsage: bill.usage,
      netFee: bill.fee,
      contractRet: CONTRACT_RESULT.SUCCESS,
    });

    if (isStakeContract(c)) {
      // a node building the transaction (commit false) validates as java-tron's createTransactionCapsule does
      const error = validateStake(state, p, c, balanceAfterNet, now, !commit);
      if (error) return invalid(error);
      if (!commit) return NOT_EXECUTED;
      chargeBandwidth();
      return { ...systemReceipt(bill.fee), ...executeStake(state, p, c, now) };
    }

    if (c.type === 'TransferContract') {
      if (c.toAddress.length !== 21 || c.toAddress[0] !== 0x41) return invalid('Invalid toAddress!');
      if (toHex === owner) return invalid('Cannot transfer TRX to yourself.');
      if (c.amount <= 0n) return invalid('Amount must be greater than 0.');
      const toAcc = state.account(toHex as string);
      if (toAcc?.isContract) return invalid('Cannot transfer TRX to a smartContract.');
      const activationFee = createsAccount ? p.createNewAccountFeeInSystemContract : 0n;
      if (balanceAfterNet < c.amount + activationFee) return invalid('Validate TransferContract error, balance is not sufficient.');
      if (!commit) return NOT_EXECUTED;
      const acc = chargeBandwidth();
      acc.balance -= c.amount + activationFee;
      state.touchAccount(toHex as string, now).balance += c.amount;
      return systemReceipt(bill.fee + activationFee);
    }

    if (c.type === 'AccountCreateContract') {
      // CreateAccountActuator: the owner pays getCreateNewAccountFeeInSystemContract (1 TRX) for the new account.
      const fee = p.createNewAccountFeeInSystemContract;
      if (balanceAfterNet < fee) return invalid('Validate CreateAccountActuator error, insufficient fee.');
      if (c.accountAddress.length !== 21 || c.accountAddress[0] !== 0x41) return invalid('Invalid account address');
      if (state.account(bytesToHex(c.accountAddress))) return invalid('Account has existed');
      if (!commit) return NOT_EXECUTED;
      chargeBandwidth().balance -= fee;
      state.touchAccount(bytesToHex(c.accountAddress), now);
      return systemReceipt(bill.fee + fee);
    }

    const contract = bytesToHex(c.contractAddress);
    const called = this.tokenAt(contract);
    if (!called && contract !== this.multisendAddress) return invalid('No contract or not a valid smart contract');
    if (tx.raw.feeLimit < 0n || tx.raw.feeLimit > p.maxFeeLimit) return invalid(`feeLimit must be >= 0 and <= ${p.maxFeeLimit}`);
    if (c.callValue < 0n) return invalid('callValue must be >= 0');
    if (c.callValue > balanceAfterNet) return invalid('Validate InternalTransfer error, balance is not sufficient.');
    // VMActuator.getAccountEnergyLimitWithFixRatio: staked energy left plus what the balance can buy, capped by
    // fee_limit (which caps staked energy too).
    const stakedLeft = energyLeft(ownerAcc, p, state.totals, now);
    let energyLimit = 10n ** 12n;
    if (p.energyFee > 0n) {
      const fromBalance = (balanceAfterNet > c.callValue ? balanceAfterNet - c.callValue : 0n) / p.energyFee;
      const fromFeeLimit = tx.raw.feeLimit / p.energyFee;
      energyLimit = stakedLeft + fromBalance < fromFeeLimit ? stakedLeft + fromBalance : fromFeeLimit;
    }
    if (!commit) return NOT_EXECUTED;
    const acc = chargeBandwidth();
    const outcome: CallOutcome & { internal?: InternalTransfer[] } = called
      ? executeTokenCall(called.ledger, called.token, owner, c.data, c.callValue, energyLimit, false)
      : executeMultisend(state, {
          contract,
          caller: owner,
          txid: tx.txID,
          data: c.data,
          callValue: c.callValue,
          energyLimit,
          readOnly: false,
          now,
        });
    // ReceiptCapsule.payEnergyBill: staked energy pays first, the rest is burned at the energy price.
    const fromStake = outcome.energyUsed < stakedLeft ? outcome.energyUsed : stakedLeft;
    useEnergy(acc, fromStake, p, now);
    const energyFee = (outcome.energyUsed - fromStake) * p.energyFee;
    acc.balance -= energyFee;
    return {
      fee: bill.fee + energyFee,
      netUsage: bill.usage,
      netFee: bill.fee,
      energyUsage: fromStake,
      energyUsageTotal: outcome.energyUsed,
      energyFee,
      energyPenalty: outcome.result === 'SUCCESS' ? outcome.energyPenalty : 0n,
      vmResult: outcome.result,
      contractRet: CONTRACT_RESULT[outcome.result],
      contractResult: outcome.returnData,
      contractAddress: contract,
      logs: outcome.logs,
      ...(outcome.internal?.length ? { internal: outcome.internal } : {}),
      ...(outcome.message ? { resMessage: outcome.message } : {}),
    };
  }

  /**
   * Re-executes a stored block when a persisted devnet restarts; the stored block was valid when first
   * accepted. Its token deployments are redone at their place among the transactions.
   */
  replayBlock(txs: Transaction[], timestamp: bigint, deployments: readonly TokenDeployment[] = []): Block {
    this.reexecute(txs, deployments, (tx, rejection) => {
      throw new Error(`replaying ${tx.txID} failed: ${rejection.code} ${rejection.message}`);
    });
    return this.produceBlock(timestamp);
  }

  /**
   * Executes transactions that were accepted before (stored, or in orphaned blocks) into the pending block,
   * without the broadcast checks (expiration, TaPoS, duplicates), with deployments at their place among them.
   */
  private reexecute(
    txs: readonly Transaction[],
    deployments: readonly TokenDeployment[],
    rejected: (tx: Transaction, rejection: Rejection) => void,
  ): void {
    for (let i = 0; i <= txs.length; i++) {
      for (const d of deployments) if (d.index === i) this.deployToken(d.token, d.supply);
      const tx = txs[i];
      if (!tx) continue;
      const rejection = this.execute(tx, bandwidthBytes(tx), this.nextSlotTime());
      if (rejection) rejected(tx, rejection);
    }
  }

  /**
   * A chain reorganisation: the newest `depth` blocks (never the solidified one) are replaced by a branch of
   * depth + 1 blocks. The first new block is empty; the others hold the orphaned blocks' transactions in
   * order, minus `drop` (and minus any that the new branch no longer allows), which vanish as if never
   * broadcast. Pending transactions are executed again on the new head. Returns the txids that left the chain.
   */
  reorganize(depth: number, drop: ReadonlySet<string>, now: bigint): { orphaned: Block[]; blocks: Block[]; removed: string[] } {
    const fork = this.head.number - BigInt(depth);
    if (!Number.isInteger(depth) || depth < 1 || fork < this.solidNumber) {
      throw new RangeError(`depth must be from 1 to ${this.head.number - this.solidNumber} (the solidified block stays)`);
    }
    const oldHeadTime = this.head.header.timestamp;
    const orphaned = this.blocks.splice(Number(fork) + 1);
    for (const b of orphaned) this.orphanedRefs.add(`${Number(b.number & 0xffffn)}:${b.id.slice(16, 32)}`);
    const pending = { txs: this.pending.map((t) => t.tx), deployments: this.pendingDeployments };
    for (const t of [...orphaned.flatMap((b) => b.txs), ...this.pending]) {
      this.txIndex.delete(t.tx.txID);
      this.totalBurned -= t.receipt.fee;
    }
    this.pending = [];
    this.pendingDeployments = [];
    this.unindexEventsAfter(fork);
    this.headState = this.stateAt(fork);
    this.reorgs += 1;
    for (const listener of this.reorgListeners) listener(fork);

    const removed: string[] = [];
    const keep = (txs: readonly Transaction[]) =>
      txs.filter((tx) => {
        if (drop.has(tx.txID)) removed.push(tx.txID);
        return !drop.has(tx.txID);
      });
    const lost = (tx: Transaction) => removed.push(tx.txID);
    // the new branch spans the old one's time up to now, so the clock never runs backwards
    const forkTime = this.head.header.timestamp;
    const end = now > oldHeadTime ? now : oldHeadTime + 1n;
    const count = BigInt(depth + 1);
    const contents = [{ txs: [] as Transaction[], deployments: [] as TokenDeployment[] }, ...orphaned.map(blockContents)];
    const blocks = contents.map((c, k) => {
      this.reexecute(keep(c.txs), shiftDeployments(c, drop), lost);
      return this.produceBlock(forkTime + ((end - forkTime) * BigInt(k + 1)) / count);
    });
    this.reexecute(keep(pending.txs), shiftDeployments(pending, drop), lost);
    return { orphaned, blocks, removed };
  }

  /** The world state after block `n` (at or above the solidified block): the solid state plus the later diffs. */
  private stateAt(n: bigint): WorldState {
    const state = this.solidState.clone();
    for (let i = this.solidNumber + 1n; i <= n; i++) {
      const diff = this.blocks[Number(i)]?.diff;
      if (diff) state.applyDiff(diff);
    }
    return state;
  }

  private unindexEventsAfter(n: bigint): void {
    const after = (list: TokenTransferEvent[]) => {
      while (list.length && (list[list.length - 1] as TokenTransferEvent).blockNumber > n) list.pop();
    };
    const cut = this.events.filter((e) => e.blockNumber > n);
    after(this.events);
    for (const e of cut) {
      for (const address of [e.from, e.to]) {
        const list = this.eventsByAddress.get(address);
        if (list) after(list);
      }
    }
  }

  // ------------------------------------------------------------ tokens

  /**
   * Creates a token contract owned by `token.owner` and mints `supply` to it, on the head state, into the
   * pending block (like a transaction executed at broadcast). There is no CreateSmartContract transaction:
   * the block records the deployment, so persistence and the solidified state see it at that block.
   */
  deployToken(token: TokenInfo, supply: bigint): void {
    if (this.headState.account(token.address)) throw new Error(`an account already exists at ${token.address}`);
    this.createToken(token, supply, this.nextSlotTime());
    this.pendingDeployments.push({ index: this.pending.length, token, supply });
  }

  private createToken(token: TokenInfo, supply: bigint, createTime: bigint): void {
    this.headState.touchAccount(token.address, createTime).isContract = true;
    mintSupply(this.headState.createLedger(token.address), token, supply);
    this.tokens.set(token.address, token);
  }

  /** A contract a transaction may call: a token or the multisend. */
  isContract(address: string): boolean {
    return this.tokens.has(address) || address === this.multisendAddress;
  }

  /** The token at `contract` with its storage in the head or solidified state; undefined when none is there. */
  tokenAt(contract: string, solid = false): { token: TokenInfo; ledger: TokenLedger } | undefined {
    const token = this.tokens.get(contract);
    const ledger = (solid ? this.solidState : this.headState).ledger(contract);
    return token && ledger ? { token, ledger } : undefined;
  }

  // ------------------------------------------------------------ constant calls

  /** Runs a call without writing (triggerconstantcontract / estimateenergy). */
  callConstant(owner: string, contract: string, data: Uint8Array, callValue: bigint, solid: boolean): CallOutcome | Rejection {
    if (contract === this.multisendAddress) {
      const state = solid ? this.solidState : this.headState;
      const call = { contract, caller: owner, txid: '00'.repeat(32), data, callValue, readOnly: true, now: this.nextSlotTime() };
      return executeMultisend(state, { ...call, energyLimit: 10n ** 12n });
    }
    const called = this.tokenAt(contract, solid);
    if (!called) return { code: 'CONTRACT_VALIDATE_ERROR', message: 'No contract or not a valid smart contract' };
    return executeTokenCall(called.ledger, called.token, owner, data, callValue, 10n ** 12n, true);
  }

  // ------------------------------------------------------------ blocks

  /** Packs the pending transactions into a new signed block. */
  produceBlock(now: bigint): Block {
    const txs = this.pending;
    const deployments = this.pendingDeployments;
    this.pending = [];
    this.pendingDeployments = [];
    const head = this.head;
    const timestamp = now > head.header.timestamp ? now : head.header.timestamp + 1n;
    return this.seal(txs, timestamp, hexToBytes(head.id), deployments);
  }

  private seal(txs: ChainTx[], timestamp: bigint, parentHash: Uint8Array, deployments: TokenDeployment[] = []): Block {
    const number = BigInt(this.blocks.length);
    const encoded = txs.map((t) => encodeSignedTransaction(t.tx, t.receipt.contractRet));
    const header: BlockHeaderRaw = {
      timestamp,
      txTrieRoot: computeTxTrieRoot(encoded),
      parentHash,
      number,
      witnessAddress: this.witnessAddress,
      version: BLOCK_VERSION,
    };
    const hash = blockHeaderHash(header);
    const block: Block = {
      number,
      id: blockIdFromHash(number, hash),
      header,
      witnessSignature: signDigest(hash, this.witnessKey, 'raw'),
      txs,
      ...(deployments.length ? { deployments } : {}),
    };
    if (number > 0n) block.diff = this.headState.takeDiff();
    txs.forEach((t, i) => {
      t.blockNumber = number;
      t.blockTimestamp = timestamp;
      t.index = i;
      this.indexEvents(t);
    });
    this.blocks.push(block);
    this.recentBlocks[Number(number & 0xffffn)] = block.id.slice(16, 32);
    this.advanceSolid();
    for (const listener of this.blockListeners) listener(block);
    return block;
  }

  private advanceSolid(): void {
    const target = this.head.number - BigInt(this.solidifyLag);
    while (this.solidNumber < target) {
      const block = this.blocks[Number(this.solidNumber + 1n)] as Block;
      if (block.diff) this.solidState.applyDiff(block.diff);
      block.diff = undefined;
      this.solidNumber += 1n;
    }
  }

  private indexEvents(t: ChainTx): void {
    if (t.receipt.vmResult !== 'SUCCESS') return;
    t.receipt.logs.forEach((log, eventIndex) => {
      const transfer = decodeTransferLog(log);
      if (!transfer) return;
      const event: TokenTransferEvent = {
        txid: t.tx.txID,
        blockNumber: t.blockNumber as bigint,
        blockTimestamp: t.blockTimestamp as bigint,
        eventIndex,
        contract: transfer.contract,
        from: transfer.from,
        to: transfer.to,
        value: transfer.value,
      };
      this.events.push(event);
      for (const address of new Set([transfer.from, transfer.to])) {
        let list = this.eventsByAddress.get(address);
        if (!list) {
          list = [];
          this.eventsByAddress.set(address, list);
        }
        list.push(event);
      }
    });
  }
}

function blockContents(block: Block): { txs: Transaction[]; deployments: readonly TokenDeployment[] } {
  return { txs: block.txs.map((t) => t.tx), deployments: block.deployments ?? [] };
}

/** Deployment positions once the dropped transactions are taken out of `txs`. */
function shiftDeployments(
  c: { txs: readonly Transaction[]; deployments: readonly TokenDeployment[] },
  drop: ReadonlySet<string>,
): TokenDeployment[] {
  return c.deployments.map((d) => ({ ...d, index: c.txs.slice(0, d.index).filter((tx) => !drop.has(tx.txID)).length }));
}
