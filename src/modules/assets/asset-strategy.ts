/**
 * How each kind of asset moves on chain, behind one interface (the way Hyperswitch keeps connectors behind
 * one trait): build a transfer, read a balance, ask the blacklist, estimate the energy, and read the
 * transfers a receipt or a transaction made. The sender, the scanner, reconciliation, settlement and
 * refunds loop over strategies; none of them branches on a symbol.
 */

import type { AssetSpec } from '../../shared/catalogues/asset-catalog.js';
import { addressToBytes, toBase58Address, toHexAddress } from '../../tron/address.js';
import type { BuildCommon, Transaction } from '../../tron/transaction.js';
import { buildTransfer, buildTriggerSmartContract } from '../../tron/transaction.js';
import { decodeTransferLog, type EventLog, encodeTransferCall } from '../../tron/trc20.js';

/** What the strategies read from a node (TronClient has all of it). */
export interface AssetChain {
  getAccount(address: string): Promise<{ balance: bigint }>;
  trc20BalanceOf(contract: string, owner: string): Promise<bigint>;
  isBlackListed(contract: string, address: string): Promise<boolean>;
}

/** An asset whose contract is known (the devnet's resolved): "41…" hex alongside base58. */
export interface ChainAsset extends AssetSpec {
  contract: string | null;
  contractHex: string | null;
}

/** A transfer an asset's contract (or the chain itself, for TRX) made. */
export interface AssetTransfer {
  asset: string;
  from: string;
  to: string;
  amount: bigint;
  /** position of the log in its receipt; -1 for a native transfer */
  logIndex: number;
}

export interface TransferRequest {
  common: BuildCommon;
  from: string;
  to: string;
  amount: bigint;
  /** sun a token transfer may burn; native transfers carry none */
  feeLimit: bigint;
}

export interface AssetStrategy {
  readonly asset: ChainAsset;
  /** the unsigned transaction that moves `amount` */
  buildTransfer(request: TransferRequest): Transaction;
  balanceOf(chain: AssetChain, address: string): Promise<bigint>;
  /** false for assets without a blacklist */
  isBlacklisted(chain: AssetChain, address: string): Promise<boolean>;
  /** energy a transfer burns at most (to an address that holds none when `toNewHolder`) */
  transferEnergy(toNewHolder: boolean): bigint;
  /** the transfers of this asset a receipt's logs record (none for the native asset: it logs nothing) */
  transfersInLogs(logs: readonly EventLog[]): AssetTransfer[];
}

export class NativeTrxStrategy implements AssetStrategy {
  constructor(readonly asset: ChainAsset) {}

  buildTransfer({ common, from, to, amount }: TransferRequest): Transaction {
    return buildTransfer({ ...common, from: addressToBytes(from), to: addressToBytes(to), amount });
  }

  async balanceOf(chain: AssetChain, address: string): Promise<bigint> {
    return (await chain.getAccount(address)).balance;
  }

  async isBlacklisted(): Promise<boolean> {
    return false;
  }

  transferEnergy(): bigint {
    return 0n;
  }

  transfersInLogs(): AssetTransfer[] {
    return [];
  }
}

export class Trc20Strategy implements AssetStrategy {
  private readonly contract: string;
  private readonly contractHex: string;

  constructor(readonly asset: ChainAsset) {
    if (!asset.contract) throw new Error(`asset ${asset.symbol} has no contract`);
    this.contract = asset.contract;
    this.contractHex = asset.contractHex ?? toHexAddress(asset.contract);
  }

  buildTransfer({ common, from, to, amount, feeLimit }: TransferRequest): Transaction {
    return buildTriggerSmartContract({
      ...common,
      from: addressToBytes(from),
      contract: addressToBytes(this.contract),
      data: encodeTransferCall(to, amount),
      feeLimit,
    });
  }

  balanceOf(chain: AssetChain, address: string): Promise<bigint> {
    return chain.trc20BalanceOf(this.contract, address);
  }

  async isBlacklisted(chain: AssetChain, address: string): Promise<boolean> {
    // a contract without the function reverts: never ask it
    return this.asset.blacklist ? chain.isBlackListed(this.contract, address) : false;
  }

  transferEnergy(toNewHolder: boolean): bigint {
    return toNewHolder ? this.asset.transferEnergy.newHolder : this.asset.transferEnergy.existingHolder;
  }

  transfersInLogs(logs: readonly EventLog[]): AssetTransfer[] {
    const out: AssetTransfer[] = [];
    logs.forEach((log, logIndex) => {
      const decoded = decodeTransferLog(log);
      if (!decoded || decoded.contract !== this.contractHex) return;
      out.push({
        asset: this.asset.symbol,
        from: toBase58Address(decoded.from),
        to: toBase58Address(decoded.to),
        amount: decoded.value,
        logIndex,
      });
    });
    return out;
  }
}
