import type { ResourceCode } from '../tron/resource-contracts.js';

/**
 * World state of the devnet: TRX accounts (with their Stake 2.0 resources), resource delegations, the
 * network's staking totals, and the storage of every TRC-20 token contract. The head
 * state is mutated as transactions execute; every block remembers the entries it touched so the
 * solidified state can be advanced to that block later without keeping whole snapshots.
 */

export interface AccountState {
  /** "41…" hex */
  address: string;
  balance: bigint;
  createTime: bigint;
  latestOperationTime: bigint;
  freeNetUsage: bigint;
  latestConsumeFreeTime: bigint;
  isContract: boolean;
  /** bandwidth used from stake (own + acquired), before recovery since `latestConsumeTime` */
  netUsage: bigint;
  latestConsumeTime: bigint;
  /** energy used from stake, before recovery since `latestConsumeTimeForEnergy` */
  energyUsage: bigint;
  latestConsumeTimeForEnergy: bigint;
  /** sun staked (FreezeBalanceV2) and not delegated out, per resource */
  frozenV2Bandwidth: bigint;
  frozenV2Energy: bigint;
  /** sun of the own stake lent to other accounts */
  delegatedV2Bandwidth: bigint;
  delegatedV2Energy: bigint;
  /** sun of other accounts' stake lent to this one */
  acquiredV2Bandwidth: bigint;
  acquiredV2Energy: bigint;
  /** pending unstakes; replaced, never mutated in place (diffs and the solid state share the array) */
  unfrozenV2: readonly UnfreezeEntry[];
}

export interface UnfreezeEntry {
  type: ResourceCode;
  amount: bigint;
  /** ms; withdrawable from then on */
  expireTime: bigint;
}

/** java-tron's DelegatedResource: what `from` lends `to`, locked or not (one record of each kind per pair). */
export interface Delegation {
  from: string;
  to: string;
  lock: boolean;
  bandwidth: bigint;
  bandwidthExpire: bigint;
  energy: bigint;
  energyExpire: bigint;
}

/** The network's staking totals (java-tron's dynamic properties), in whole TRX of weight. */
export interface StakeTotals {
  netWeight: bigint;
  energyWeight: bigint;
}

/** Key of a delegation record: lender, receiver, lock. */
export function delegationKey(from: string, to: string, lock: boolean): string {
  return `${from}:${to}:${lock ? 'lock' : 'free'}`;
}

/** A fresh account, as java-tron creates it (every resource at zero). */
export function emptyAccount(address: string, createTime: bigint): AccountState {
  return {
    address,
    balance: 0n,
    createTime,
    latestOperationTime: 0n,
    freeNetUsage: 0n,
    latestConsumeFreeTime: 0n,
    isContract: false,
    netUsage: 0n,
    latestConsumeTime: 0n,
    energyUsage: 0n,
    latestConsumeTimeForEnergy: 0n,
    frozenV2Bandwidth: 0n,
    frozenV2Energy: 0n,
    delegatedV2Bandwidth: 0n,
    delegatedV2Energy: 0n,
    acquiredV2Bandwidth: 0n,
    acquiredV2Energy: 0n,
    unfrozenV2: [],
  };
}

/** What one block changed in one token's storage, as it stood after the block. */
export interface TokenDiff {
  /** "41…" hex of the token contract */
  contract: string;
  balances: [string, bigint][];
  /** keys as in `TokenLedger.allowances` */
  allowances: [string, bigint][];
  blacklist: [string, boolean][];
  totalSupply: bigint;
}

/** Values of the entries one block changed, as they stood after the block. */
export interface StateDiff {
  accounts: AccountState[];
  tokens: TokenDiff[];
  /** changed delegation records by key; null when deleted */
  delegations?: [string, Delegation | null][];
  /** "from:to" → time of the pair's latest delegation (java-tron's V2 account index); null when removed */
  delegationIndex?: [string, bigint | null][];
  totals?: StakeTotals;
}

/** Key of an allowance: the owner's then the spender's "41…" hex. */
export function allowanceKey(owner: string, spender: string): string {
  return `${owner}:${spender}`;
}

/** One TRC-20 contract's storage: balances, allowances, blacklist, total supply. */
export class TokenLedger {
  readonly balances = new Map<string, bigint>();
  readonly allowances = new Map<string, bigint>();
  readonly blacklist = new Set<string>();
  private supply = 0n;
  /** created, or its supply changed, since the last diff: the diff must carry it even when no entry changed */
  private supplyChanged = false;
  private touchedBalances = new Set<string>();
  private touchedAllowances = new Set<string>();
  private touchedBlacklist = new Set<string>();

  constructor(readonly contract: string) {}

  get totalSupply(): bigint {
    return this.supply;
  }

  set totalSupply(value: bigint) {
    this.supply = value;
    this.supplyChanged = true;
  }

  balanceOf(address: string): bigint {
    return this.balances.get(address) ?? 0n;
  }

  setBalance(address: string, value: bigint): void {
    setOrDelete(this.balances, address, value);
    this.touchedBalances.add(address);
  }

  allowance(owner: string, spender: string): bigint {
    return this.allowances.get(allowanceKey(owner, spender)) ?? 0n;
  }

  setAllowance(owner: string, spender: string, value: bigint): void {
    const key = allowanceKey(owner, spender);
    setOrDelete(this.allowances, key, value);
    this.touchedAllowances.add(key);
  }

  isBlacklisted(address: string): boolean {
    return this.blacklist.has(address);
  }

  setBlacklisted(address: string, listed: boolean): void {
    if (listed) this.blacklist.add(address);
    else this.blacklist.delete(address);
    this.touchedBlacklist.add(address);
  }

  markCreated(): void {
    this.supplyChanged = true;
  }

  /** The entries changed since the last call; undefined when none. */
  takeDiff(): TokenDiff | undefined {
    const changed = this.supplyChanged || this.touchedBalances.size + this.touchedAllowances.size + this.touchedBlacklist.size > 0;
    if (!changed) return undefined;
    const diff: TokenDiff = {
      contract: this.contract,
      balances: [...this.touchedBalances].map((a) => [a, this.balanceOf(a)]),
      allowances: [...this.touchedAllowances].map((k) => [k, this.allowances.get(k) ?? 0n]),
      blacklist: [...this.touchedBlacklist].map((a) => [a, this.blacklist.has(a)]),
      totalSupply: this.supply,
    };
    this.supplyChanged = false;
    this.touchedBalances = new Set();
    this.touchedAllowances = new Set();
    this.touchedBlacklist = new Set();
    return diff;
  }

  applyDiff(diff: TokenDiff): void {
    for (const [a, v] of diff.balances) setOrDelete(this.balances, a, v);
    for (const [k, v] of diff.allowances) setOrDelete(this.allowances, k, v);
    for (const [a, listed] of diff.blacklist) {
      if (listed) this.blacklist.add(a);
      else this.blacklist.delete(a);
    }
    this.supply = diff.totalSupply;
  }

  clone(): TokenLedger {
    const copy = new TokenLedger(this.contract);
    for (const [k, v] of this.balances) copy.balances.set(k, v);
    for (const [k, v] of this.allowances) copy.allowances.set(k, v);
    for (const k of this.blacklist) copy.blacklist.add(k);
    copy.supply = this.supply;
    return copy;
  }
}

function setOrDelete(map: Map<string, bigint>, key: string, value: bigint): void {
  if (value === 0n) map.delete(key);
  else map.set(key, value);
}

export class WorldState {
  readonly accounts = new Map<string, AccountState>();
  /** token storage by contract ("41…" hex), in deployment order */
  readonly tokens = new Map<string, TokenLedger>();
  readonly delegations = new Map<string, Delegation>();
  /** "from:to" → time of the latest delegation between the pair, while any record of the pair remains */
  readonly delegationIndex = new Map<string, bigint>();
  private stakeTotals: StakeTotals;
  private touchedAccounts = new Set<string>();
  private touchedDelegations = new Set<string>();
  private touchedIndex = new Set<string>();
  private totalsChanged = false;

  /** `totals`: the background stake of the rest of the network (see params.ts) */
  constructor(totals: StakeTotals = { netWeight: 0n, energyWeight: 0n }) {
    this.stakeTotals = { ...totals };
  }

  get totals(): Readonly<StakeTotals> {
    return this.stakeTotals;
  }

  addTotals(netWeight: bigint, energyWeight: bigint): void {
    if (netWeight === 0n && energyWeight === 0n) return;
    this.stakeTotals = { netWeight: this.stakeTotals.netWeight + netWeight, energyWeight: this.stakeTotals.energyWeight + energyWeight };
    this.totalsChanged = true;
  }

  delegation(from: string, to: string, lock: boolean): Delegation | undefined {
    return this.delegations.get(delegationKey(from, to, lock));
  }

  /** Stores (or, when `record` is undefined, deletes) a delegation record. */
  setDelegation(from: string, to: string, lock: boolean, record: Delegation | undefined): void {
    const key = delegationKey(from, to, lock);
    if (record) this.delegations.set(key, { ...record });
    else this.delegations.delete(key);
    this.touchedDelegations.add(key);
  }

  setDelegationIndex(from: string, to: string, time: bigint | undefined): void {
    const key = `${from}:${to}`;
    if (time === undefined) this.delegationIndex.delete(key);
    else this.delegationIndex.set(key, time);
    this.touchedIndex.add(key);
  }

  account(address: string): AccountState | undefined {
    return this.accounts.get(address);
  }

  /** Marks an account as changed and returns it (creating it when `createTime` is given). */
  touchAccount(address: string, createTime?: bigint): AccountState {
    let acc = this.accounts.get(address);
    if (!acc) {
      if (createTime === undefined) throw new Error(`account ${address} does not exist`);
      acc = emptyAccount(address, createTime);
      this.accounts.set(address, acc);
    }
    this.touchedAccounts.add(address);
    return acc;
  }

  /** The storage of a deployed token contract; undefined when no token lives at `contract`. */
  ledger(contract: string): TokenLedger | undefined {
    return this.tokens.get(contract);
  }

  /** Empty storage for a newly deployed token (the next diff carries it). */
  createLedger(contract: string): TokenLedger {
    if (this.tokens.has(contract)) throw new Error(`token ${contract} already exists`);
    const ledger = new TokenLedger(contract);
    ledger.markCreated();
    this.tokens.set(contract, ledger);
    return ledger;
  }

  /** Collects the entries changed since the last call (one block's worth). */
  takeDiff(): StateDiff {
    const diff: StateDiff = {
      accounts: [...this.touchedAccounts].map((a) => ({ ...(this.accounts.get(a) as AccountState) })),
      tokens: [],
    };
    for (const ledger of this.tokens.values()) {
      const tokenDiff = ledger.takeDiff();
      if (tokenDiff) diff.tokens.push(tokenDiff);
    }
    if (this.touchedDelegations.size) {
      diff.delegations = [...this.touchedDelegations].map((k) => {
        const record = this.delegations.get(k);
        return [k, record ? { ...record } : null];
      });
    }
    if (this.touchedIndex.size) diff.delegationIndex = [...this.touchedIndex].map((k) => [k, this.delegationIndex.get(k) ?? null]);
    if (this.totalsChanged) diff.totals = { ...this.stakeTotals };
    this.touchedAccounts = new Set();
    this.touchedDelegations = new Set();
    this.touchedIndex = new Set();
    this.totalsChanged = false;
    return diff;
  }

  applyDiff(diff: StateDiff): void {
    for (const acc of diff.accounts) this.accounts.set(acc.address, { ...acc });
    for (const [key, record] of diff.delegations ?? []) {
      if (record) this.delegations.set(key, { ...record });
      else this.delegations.delete(key);
    }
    for (const [key, time] of diff.delegationIndex ?? []) {
      if (time === null) this.delegationIndex.delete(key);
      else this.delegationIndex.set(key, time);
    }
    if (diff.totals) this.stakeTotals = { ...diff.totals };
    for (const tokenDiff of diff.tokens) {
      let ledger = this.tokens.get(tokenDiff.contract);
      if (!ledger) {
        ledger = new TokenLedger(tokenDiff.contract);
        this.tokens.set(tokenDiff.contract, ledger);
      }
      ledger.applyDiff(tokenDiff);
    }
  }

  /** Deep copy: seeds the solidified state at genesis, and the rewound head state of a reorganisation. */
  clone(): WorldState {
    const copy = new WorldState(this.stakeTotals);
    for (const [k, v] of this.accounts) copy.accounts.set(k, { ...v });
    for (const [k, v] of this.tokens) copy.tokens.set(k, v.clone());
    for (const [k, v] of this.delegations) copy.delegations.set(k, { ...v });
    for (const [k, v] of this.delegationIndex) copy.delegationIndex.set(k, v);
    return copy;
  }
}
