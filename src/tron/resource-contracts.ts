/**
 * Stake 2.0 and account contracts (java-tron `protocol/src/main/protos/core/contract/*.proto`): the shapes the
 * toolkit builds and signs and the devnet executes. Field names follow the proto fields, camel-cased; the
 * encoding lives with the other contracts in transaction.ts.
 */

/** `ResourceCode` enum: BANDWIDTH = 0, ENERGY = 1 (TRON_POWER = 2 is not used by the gateway). */
export type ResourceCode = 'BANDWIDTH' | 'ENERGY';

/** type 54: stake TRX for a resource (FreezeBalanceV2Contract) */
export interface FreezeBalanceV2Contract {
  type: 'FreezeBalanceV2Contract';
  ownerAddress: Uint8Array;
  frozenBalance: bigint;
  resource: ResourceCode;
  permissionId?: number;
}

/** type 55: start unstaking (UnfreezeBalanceV2Contract); the TRX is withdrawable after the unfreeze delay */
export interface UnfreezeBalanceV2Contract {
  type: 'UnfreezeBalanceV2Contract';
  ownerAddress: Uint8Array;
  unfreezeBalance: bigint;
  resource: ResourceCode;
  permissionId?: number;
}

/** type 56: withdraw every unstaked amount whose delay has passed (WithdrawExpireUnfreezeContract) */
export interface WithdrawExpireUnfreezeContract {
  type: 'WithdrawExpireUnfreezeContract';
  ownerAddress: Uint8Array;
  permissionId?: number;
}

/** type 57: lend the resource of `balance` staked sun to `receiverAddress` (DelegateResourceContract) */
export interface DelegateResourceContract {
  type: 'DelegateResourceContract';
  ownerAddress: Uint8Array;
  resource: ResourceCode;
  balance: bigint;
  receiverAddress: Uint8Array;
  lock: boolean;
  /** blocks; 0 with `lock` means the default 3-day lock */
  lockPeriod: bigint;
  permissionId?: number;
}

/** type 58: take a delegation back (UnDelegateResourceContract) */
export interface UnDelegateResourceContract {
  type: 'UnDelegateResourceContract';
  ownerAddress: Uint8Array;
  resource: ResourceCode;
  balance: bigint;
  receiverAddress: Uint8Array;
  permissionId?: number;
}

/** type 59: cancel every pending unstake (CancelAllUnfreezeV2Contract) */
export interface CancelAllUnfreezeV2Contract {
  type: 'CancelAllUnfreezeV2Contract';
  ownerAddress: Uint8Array;
  permissionId?: number;
}

/** type 0: activate an account without sending it TRX (AccountCreateContract) */
export interface AccountCreateContract {
  type: 'AccountCreateContract';
  ownerAddress: Uint8Array;
  accountAddress: Uint8Array;
  permissionId?: number;
}

export type ResourceContract =
  | FreezeBalanceV2Contract
  | UnfreezeBalanceV2Contract
  | WithdrawExpireUnfreezeContract
  | DelegateResourceContract
  | UnDelegateResourceContract
  | CancelAllUnfreezeV2Contract
  | AccountCreateContract;
