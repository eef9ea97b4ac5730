/**
 * The contract a resource send carries (issue 19), from its row: one contract type per purpose (see
 * send-contract.ts ResourcePurpose). The sender signs and tracks these like transfers; only the
 * transaction built differs.
 */
import { addressToBytes } from '../../tron/address.js';
import type { ResourceCode, ResourceContract } from '../../tron/resource-contracts.js';
import {
  type BuildCommon,
  buildAccountCreate,
  buildCancelAllUnfreezeV2,
  buildDelegateResource,
  buildFreezeBalanceV2,
  buildUnDelegateResource,
  buildUnfreezeBalanceV2,
  buildWithdrawExpireUnfreeze,
  type Transaction,
} from '../../tron/transaction.js';
import type { ResourcePurpose } from './send-contract.js';

/** Builds the unsigned transaction of a resource contract (the toolkit's Stake 2.0 builders). */
export type ResourceTransactionBuilder = (contract: ResourceContract, common: BuildCommon) => Transaction;

/** The toolkit's builders, one per contract type. */
export const buildResourceTransaction: ResourceTransactionBuilder = (contract, common) => {
  const from = contract.ownerAddress;
  switch (contract.type) {
    case 'FreezeBalanceV2Contract':
      return buildFreezeBalanceV2({ ...common, from, amount: contract.frozenBalance, resource: contract.resource });
    case 'UnfreezeBalanceV2Contract':
      return buildUnfreezeBalanceV2({ ...common, from, amount: contract.unfreezeBalance, resource: contract.resource });
    case 'WithdrawExpireUnfreezeContract':
      return buildWithdrawExpireUnfreeze({ ...common, from });
    case 'DelegateResourceContract':
      return buildDelegateResource({
        ...common,
        from,
        receiver: contract.receiverAddress,
        amount: contract.balance,
        resource: contract.resource,
        lock: contract.lock,
        lockPeriod: contract.lockPeriod,
      });
    case 'UnDelegateResourceContract':
      return buildUnDelegateResource({
        ...common,
        from,
        receiver: contract.receiverAddress,
        amount: contract.balance,
        resource: contract.resource,
      });
    case 'CancelAllUnfreezeV2Contract':
      return buildCancelAllUnfreezeV2({ ...common, from });
    case 'AccountCreateContract':
      return buildAccountCreate({ ...common, from, account: contract.accountAddress });
  }
};

/** What of a send row the contract is made of. */
export interface ResourceSendFields {
  purpose: ResourcePurpose;
  from_address: string;
  to_address: string;
  amount: bigint | number | string;
  resource: string | null;
}

/** TRX a resource send takes out of the owner's balance: only staking does (the rest moves stake, not TRX). */
export function trxSpentBy(purpose: ResourcePurpose, amount: bigint): bigint {
  return purpose === 'stake' ? amount : 0n;
}

export function resourceContractOf(row: ResourceSendFields): ResourceContract {
  const ownerAddress = addressToBytes(row.from_address);
  const amount = BigInt(row.amount);
  switch (row.purpose) {
    case 'stake':
      return { type: 'FreezeBalanceV2Contract', ownerAddress, frozenBalance: amount, resource: resourceOf(row) };
    case 'unstake':
      return { type: 'UnfreezeBalanceV2Contract', ownerAddress, unfreezeBalance: amount, resource: resourceOf(row) };
    case 'withdraw_unstaked':
      return { type: 'WithdrawExpireUnfreezeContract', ownerAddress };
    case 'delegate':
      // no lock: the reclaim follows the sweep within minutes, a lock would forbid it for 3 days
      return {
        type: 'DelegateResourceContract',
        ownerAddress,
        resource: resourceOf(row),
        balance: amount,
        receiverAddress: addressToBytes(row.to_address),
        lock: false,
        lockPeriod: 0n,
      };
    case 'reclaim':
      return {
        type: 'UnDelegateResourceContract',
        ownerAddress,
        resource: resourceOf(row),
        balance: amount,
        receiverAddress: addressToBytes(row.to_address),
      };
    case 'activation':
      return { type: 'AccountCreateContract', ownerAddress, accountAddress: addressToBytes(row.to_address) };
  }
}

function resourceOf(row: ResourceSendFields): ResourceCode {
  if (row.resource === 'ENERGY' || row.resource === 'BANDWIDTH') return row.resource;
  throw new TypeError(`a ${row.purpose} send needs a resource (ENERGY or BANDWIDTH), not ${row.resource}`);
}
