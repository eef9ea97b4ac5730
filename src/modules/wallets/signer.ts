/**
 * The signer (SPEC §3.1): the only place private keys exist. It derives a key from the seed when asked to
 * sign and keeps hot-wallet keys in memory only; nothing here is logged, stored or returned.
 * A key is named by a KeyRef (`hot:<merchant index>` or `deposit:<index>`), which is what the database keeps.
 */
import { HdWallet } from '../../tron/hd.js';
import { signTransaction, type Transaction } from '../../tron/transaction.js';

export type KeyRef = { kind: 'hot'; merchantIndex: number } | { kind: 'deposit'; index: number };

export function keyRefToString(ref: KeyRef): string {
  return ref.kind === 'hot' ? `hot:${ref.merchantIndex}` : `deposit:${ref.index}`;
}

export function parseKeyRef(text: string): KeyRef {
  const match = /^(hot|deposit):(\d{1,10})$/.exec(text);
  if (!match) throw new TypeError(`not a key reference: ${text}`);
  const n = Number(match[2]);
  return match[1] === 'hot' ? { kind: 'hot', merchantIndex: n } : { kind: 'deposit', index: n };
}

/** Signs transactions with gateway-managed keys; a fake in tests can sign with fixed keys. */
export interface TransactionSigner {
  /** the address of a key (public derivation) */
  address(ref: KeyRef): string;
  /** the transaction signed by the key; throws if the transaction's owner is not that key's address */
  sign(tx: Transaction, ref: KeyRef): Transaction;
}

export interface SignerAccounts {
  deposit: number;
  hotWallet: number;
}

export class HdSigner implements TransactionSigner {
  private readonly hotKeys = new Map<number, { key: Uint8Array; hex: string; base58: string }>();

  private constructor(
    private readonly wallet: HdWallet,
    private readonly accounts: SignerAccounts,
  ) {}

  static fromMnemonic(mnemonic: string, passphrase: string, accounts: SignerAccounts): HdSigner {
    return new HdSigner(HdWallet.fromMnemonic(mnemonic, passphrase), accounts);
  }

  address(ref: KeyRef): string {
    return ref.kind === 'hot'
      ? this.wallet.addressAt(this.accounts.hotWallet, ref.merchantIndex).base58
      : this.wallet.addressAt(this.accounts.deposit, ref.index).base58;
  }

  sign(tx: Transaction, ref: KeyRef): Transaction {
    const { key, hex } = this.keyFor(ref);
    const owner = ownerHex(tx);
    if (owner !== hex) throw new Error(`transaction ${tx.txID} is owned by another address than ${keyRefToString(ref)}`);
    return signTransaction(tx, key);
  }

  private keyFor(ref: KeyRef): { key: Uint8Array; hex: string } {
    if (ref.kind === 'deposit') {
      const derived = this.wallet.deriveAt(this.accounts.deposit, ref.index);
      return { key: derived.privateKey, hex: derived.hex };
    }
    let hot = this.hotKeys.get(ref.merchantIndex);
    if (!hot) {
      const derived = this.wallet.deriveAt(this.accounts.hotWallet, ref.merchantIndex);
      hot = { key: derived.privateKey, hex: derived.hex, base58: derived.base58 };
      this.hotKeys.set(ref.merchantIndex, hot);
    }
    return hot;
  }
}

function ownerHex(tx: Transaction): string {
  const contract = tx.raw.contract;
  return Buffer.from(contract.ownerAddress).toString('hex');
}
