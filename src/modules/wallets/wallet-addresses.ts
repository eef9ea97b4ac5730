/**
 * Addresses the gateway manages, derived from the seed (SPEC §3.1): deposit addresses at
 * m/44'/195'/<deposit account>'/0/i and each merchant's hot wallet at m/44'/195'/<hot account>'/0/<merchant index>.
 * Only public derivation happens here; private keys stay with the signer.
 */
import { HdWallet } from '../../tron/hd.js';

export interface WalletAddresses {
  depositAddress(index: number): string;
  hotWalletAddress(merchantIndex: number): string;
}

export class HdWalletAddresses implements WalletAddresses {
  private readonly hotWallets = new Map<number, string>();

  constructor(
    private readonly wallet: HdWallet,
    private readonly depositAccount: number,
    private readonly hotWalletAccount: number,
  ) {}

  static fromMnemonic(mnemonic: string, passphrase: string, accounts: { deposit: number; hotWallet: number }): HdWalletAddresses {
    return new HdWalletAddresses(HdWallet.fromMnemonic(mnemonic, passphrase), accounts.deposit, accounts.hotWallet);
  }

  depositAddress(index: number): string {
    return this.wallet.addressAt(this.depositAccount, index).base58;
  }

  hotWalletAddress(merchantIndex: number): string {
    let address = this.hotWallets.get(merchantIndex);
    if (address === undefined) {
      address = this.wallet.addressAt(this.hotWalletAccount, merchantIndex).base58;
      this.hotWallets.set(merchantIndex, address);
    }
    return address;
  }
}
