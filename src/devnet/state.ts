/**
 * World state of the devnet: TRX accounts and the TRC-20 token's storage. The head state is
 * mutated as transactions execute; every block remembers the entries it touched so the solidified
 * state can be advanced to that block later without keeping whole snapshots.
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

export interface TokenStorage {
  balances: Map<string, bigint>;
  blacklist: Set<string>;
  totalSupply: bigint;
}

/** Values of the entries one block changed, as they stood after the block. */
export interface StateDiff {
  accounts: AccountState[];
  tokenBalances: [string, bigint][];
  blacklist: [string, boolean][];
  totalSupply: bigint;
}

export class WorldState {
  readonly accounts = new Map<string, AccountState>();
  readonly token: TokenStorage = { balances: new Map(), blacklist: new Set(), totalSupply: 0n };
  private touchedAccounts = new Set<string>();
  private touchedBalances = new Set<string>();
  private touchedBlacklist = new Set<string>();

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

  tokenBalance(address: string): bigint {
    return this.token.balances.get(address) ?? 0n;
  }

  setTokenBalance(address: string, value: bigint): void {
    if (value === 0n) this.token.balances.delete(address);
    else this.token.balances.set(address, value);
    this.touchedBalances.add(address);
  }

  setBlacklisted(address: string, listed: boolean): void {
    if (listed) this.token.blacklist.add(address);
    else this.token.blacklist.delete(address);
    this.touchedBlacklist.add(address);
  }

  /** Collects the entries changed since the last call (one block's worth). */
  takeDiff(): StateDiff {
    const diff: StateDiff = {
      accounts: [...this.touchedAccounts].map((a) => ({ ...(this.accounts.get(a) as AccountState) })),
      tokenBalances: [...this.touchedBalances].map((a) => [a, this.tokenBalance(a)]),
      blacklist: [...this.touchedBlacklist].map((a) => [a, this.token.blacklist.has(a)]),
      totalSupply: this.token.totalSupply,
    };
    this.touchedAccounts = new Set();
    this.touchedBalances = new Set();
    this.touchedBlacklist = new Set();
    return diff;
  }

  applyDiff(diff: StateDiff): void {
    for (const acc of diff.accounts) this.accounts.set(acc.address, { ...acc });
    for (const [a, v] of diff.tokenBalances) {
      if (v === 0n) this.token.balances.delete(a);
      else this.token.balances.set(a, v);
    }
    for (const [a, listed] of diff.blacklist) {
      if (listed) this.token.blacklist.add(a);
      else this.token.blacklist.delete(a);
    }
    this.token.totalSupply = diff.totalSupply;
  }

  /** Deep copy, used once at genesis to seed the solidified state. */
  clone(): WorldState {
    const copy = new WorldState();
    for (const [k, v] of this.accounts) copy.accounts.set(k, { ...v });
    for (const [k, v] of this.token.balances) copy.token.balances.set(k, v);
    for (const k of this.token.blacklist) copy.token.blacklist.add(k);
    copy.token.totalSupply = this.token.totalSupply;
    return copy;
  }
}
