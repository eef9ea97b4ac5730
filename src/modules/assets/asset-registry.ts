/**
 * The asset catalogue bound to a chain: each asset with its resolved contract and its strategy. Built
 * once the network is known (a devnet's contracts are only known after it started). Only these contracts
 * are ever credited; a token anyone else deployed, whatever its symbol, is unknown here.
 */

import { type AssetCatalog, DEVNET_CONTRACT } from '../../shared/catalogues/asset-catalog.js';
import { toHexAddress } from '../../tron/address.js';
import { type AssetStrategy, type ChainAsset, NativeTrxStrategy, Trc20Strategy } from './asset-strategy.js';

export class AssetRegistry {
  private readonly strategies: ReadonlyMap<string, AssetStrategy>;
  private readonly byHex: ReadonlyMap<string, ChainAsset>;

  /** `contracts` resolves what the configuration left to the devnet (symbol → base58). */
  constructor(
    readonly catalog: AssetCatalog,
    contracts: Readonly<Record<string, string>> = {},
  ) {
    const strategies = new Map<string, AssetStrategy>();
    const byHex = new Map<string, ChainAsset>();
    for (const spec of catalog.specs) {
      if (spec.kind === 'native') {
        strategies.set(spec.symbol, new NativeTrxStrategy({ ...spec, contract: null, contractHex: null }));
        continue;
      }
      const contract = spec.contract === DEVNET_CONTRACT || !spec.contract ? contracts[spec.symbol] : spec.contract;
      if (!contract) throw new Error(`asset ${spec.symbol}: its contract is not known yet (contract: ${spec.contract})`);
      const asset: ChainAsset = { ...spec, contract, contractHex: toHexAddress(contract) };
      if (byHex.has(asset.contractHex as string)) throw new Error(`asset ${spec.symbol} has the same contract as another asset`);
      strategies.set(spec.symbol, new Trc20Strategy(asset));
      byHex.set(asset.contractHex as string, asset);
    }
    this.strategies = strategies;
    this.byHex = byHex;
  }

  /** The strategy of a configured asset; an unknown symbol here is a bug (requests are validated first). */
  get(symbol: string): AssetStrategy {
    const strategy = this.strategies.get(symbol);
    if (!strategy) throw new RangeError(`asset ${symbol} is not configured`);
    return strategy;
  }

  all(): AssetStrategy[] {
    return [...this.strategies.values()];
  }

  /** The TRC-20 assets, in configuration order. */
  tokens(): ChainAsset[] {
    return [...this.byHex.values()];
  }

  /** The configured token at this contract ("41…" hex), if any. */
  byContractHex(hex: string): ChainAsset | undefined {
    return this.byHex.get(hex);
  }

  /** contract "41…" hex → symbol: what the scanner's threads need (plain data crosses threads). */
  tokenIndex(): Record<string, string> {
    return Object.fromEntries(this.tokens().map((t) => [t.contractHex as string, t.symbol]));
  }

  /** Base58 contracts of every configured token: no payment may be paid to one. */
  contracts(): string[] {
    return this.tokens().map((t) => t.contract as string);
  }
}
