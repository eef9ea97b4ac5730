/**
 * The assets the gateway takes and sends, as configuration resolved them: native TRX (always there) and
 * each configured TRC-20 token. Pure: everything that depends on an asset — decimals, fee tiers, limits,
 * settlement thresholds, transfer cost — is read from here, never branched on a symbol.
 */
import { type AmountParse, formatAmount, parseAmount } from '../money.js';

export type AssetKind = 'native' | 'trc20';

/** The native asset's symbol; its decimals are fixed by the chain (1 TRX = 10^6 sun). */
export const NATIVE_SYMBOL = 'TRX';
export const NATIVE_DECIMALS = 6;
/** The most decimals a configured token may have (USDD has 18). */
export const MAX_ASSET_DECIMALS = 18;

/**
 * Transfers of a token contract that is not configured are kept (unmatched) under this prefix and the
 * contract's address; their decimals are unknown, so their amounts read in base units.
 */
export const UNKNOWN_TOKEN_PREFIX = 'trc20:';

export function unknownTokenAsset(contract: string): string {
  return `${UNKNOWN_TOKEN_PREFIX}${contract}`;
}

/** Contract value meaning "deploy it on the devnet at first start, or find the one deployed with this symbol". */
export const DEVNET_CONTRACT = 'devnet';

export interface VolumeDiscount {
  /** base units of the asset */
  threshold: bigint;
  /** parts per RATE_SCALE */
  discount: bigint;
}

/** Amount limits of one asset, in its base units. */
export interface AssetLimits {
  minAmount: bigint;
  maxSinglePayment: bigint;
  dailyLimit: bigint;
  monthlyLimit: bigint;
  suspiciousAmount: bigint;
  approvalThreshold: bigint;
}

export interface AssetSpec {
  symbol: string;
  kind: AssetKind;
  decimals: number;
  /** base58 contract, DEVNET_CONTRACT until the devnet resolved it, null for the native asset */
  contract: string | null;
  /** whether the contract has USDT's isBlackListed/getBlackListStatus */
  blacklist: boolean;
  /** energy of a transfer to an address that already holds the token, and to one that holds none */
  transferEnergy: { existingHolder: bigint; newHolder: bigint };
  /** bandwidth bytes of one signed transfer */
  transferBytes: bigint;
  volumeDiscounts: readonly VolumeDiscount[];
  minimumFee: bigint;
  limits: AssetLimits;
  settlement: { minAmount: bigint; maxAmount: bigint };
  /** what the devnet faucet sends a new merchant hot wallet */
  devnetFunding: bigint;
}

export class AssetCatalog {
  private readonly bySymbol: ReadonlyMap<string, AssetSpec>;

  constructor(readonly specs: readonly AssetSpec[]) {
    this.bySymbol = new Map(specs.map((s) => [s.symbol, s]));
  }

  /** Every configured symbol, native first. */
  get symbols(): readonly string[] {
    return this.specs.map((s) => s.symbol);
  }

  has(symbol: unknown): symbol is string {
    return typeof symbol === 'string' && this.bySymbol.has(symbol);
  }

  find(symbol: string): AssetSpec | undefined {
    return this.bySymbol.get(symbol);
  }

  /** The asset of a stored row or a validated request; an unknown symbol here is a bug, not bad input. */
  get(symbol: string): AssetSpec {
    const spec = this.bySymbol.get(symbol);
    if (!spec) throw new RangeError(`asset ${symbol} is not configured`);
    return spec;
  }

  /** An unknown token's amounts are shown in base units (0 decimals): nobody vouched for its decimals. */
  decimals(symbol: string): number {
    return symbol.startsWith(UNKNOWN_TOKEN_PREFIX) ? 0 : this.get(symbol).decimals;
  }

  /** Whole-unit decimal string of base units of `symbol`. */
  format(symbol: string, units: bigint): string {
    return formatAmount(units, this.decimals(symbol));
  }

  /** `format` that passes null through (optional amounts). */
  formatOptional(symbol: string, units: bigint | null): string | null {
    return units === null ? null : this.format(symbol, units);
  }

  parse(symbol: string, input: unknown, options: { allowZero?: boolean } = {}): AmountParse {
    return parseAmount(input, this.get(symbol).decimals, options);
  }

  /** Formats every value of a per-asset map of base units. */
  formatTotals(totals: Readonly<Record<string, bigint>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [symbol, units] of Object.entries(totals)) out[symbol] = this.format(symbol, units);
    return out;
  }
}
