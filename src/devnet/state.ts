/**
 * World state of the devnet: TRX accounts and the storage of every TRC-20 token contract. The head
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
  private touchedAccounts = new Set<string>();

  account(address: string): AccountState | undefined {
    return this.accounts.get(address);
  }

  /** Marks an account as changed and returns it (creating it when `createTime` is given). */
  touchAccount(address: string, createTime?: bigint): AccountState {
    let acc = this.accounts.get(address);
    if (!acc) {
      if (createTime === undefined) throw new Error(`account ${address} does not exist`);
      acc = {
        address,
        balance: 0n,
        createTime,
        latestOperationTime: 0n,
        freeNetUsage: 0n,
        latestConsumeFreeTime: 0n,
        isContract: false,
      };
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
    this.touchedAccounts = new Set();
    return diff;
  }

  applyDiff(diff: StateDiff): void {
    for (const acc of diff.accounts) this.accounts.set(acc.address, { ...acc });
    for (const tokenDiff of diff.tokens) {
      let ledger = this.tokens.get(tokenDiff.contract);
      if (!ledger) {
        ledger = new TokenLedger(tokenDiff.contract);
        this.tokens.set(tokenDiff.contract, ledger);
      }
      ledger.applyDiff(tokenDiff);
    }
  }

  /** Deep copy, used once at genesis to seed the solidified state. */
  clone(): WorldState {
    const copy = new WorldState();
    for (const [k, v] of this.accounts) copy.accounts.set(k, { ...v });
    for (const [k, v] of this.tokens) copy.tokens.set(k, v.clone());
    return copy;
  }
}
