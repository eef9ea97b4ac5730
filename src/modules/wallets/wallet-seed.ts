/**
 * Where the BIP-39 seed comes from (SPEC §3.1): the config (environment) or a secret file; on devnet
 * only, generated once and kept in the data directory with owner-only permissions.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GatewayConfig } from '../../config/load.js';
import { generateMnemonic, validateMnemonic } from '../../tron/hd.js';

export const DEVNET_SEED_FILE = 'devnet-wallet.mnemonic';

export interface WalletSeed {
  mnemonic: string;
  passphrase: string;
  /** where it came from, for the start banner (never the phrase itself) */
  source: string;
}

export function loadWalletSeed(config: GatewayConfig): WalletSeed {
  const wallets = config.raw.wallets;
  if (wallets.mnemonic !== '') return { mnemonic: wallets.mnemonic, passphrase: wallets.passphrase, source: 'configuration' };
  if (wallets.mnemonic_file !== '') {
    const mnemonic = readFileSync(wallets.mnemonic_file, 'utf8').trim();
    if (!validateMnemonic(mnemonic)) throw new Error(`wallets.mnemonic_file ${wallets.mnemonic_file} does not hold a valid BIP-39 phrase`);
    return { mnemonic, passphrase: wallets.passphrase, source: wallets.mnemonic_file };
  }
  if (config.raw.network.name !== 'devnet') throw new Error(`a wallet seed is required on ${config.raw.network.name}`);
  const dir = config.raw.server.data_dir;
  const file = join(dir, DEVNET_SEED_FILE);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${generateMnemonic()}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  const mnemonic = readFileSync(file, 'utf8').trim();
  if (!validateMnemonic(mnemonic)) throw new Error(`${file} does not hold a valid BIP-39 phrase`);
  return { mnemonic, passphrase: wallets.passphrase, source: file };
}
