/**
 * Resolves the `assets` list into the asset catalogue: TRX first (always there), then each configured
 * TRC-20 token, every amount parsed with that asset's decimals. A new token is one entry here; nothing
 * else in the code names a symbol.
 */
import {
  AssetCatalog,
  type AssetLimits,
  type AssetSpec,
  DEVNET_CONTRACT,
  NATIVE_DECIMALS,
  NATIVE_SYMBOL,
  type VolumeDiscount,
} from '../shared/catalogues/asset-catalog.js';
import { parseAmount, parseRate, RATE_SCALE } from '../shared/money.js';
import { checkBase58Address } from '../tron/address.js';
import type { NetworkName, RawConfig } from './schema.js';

/** Token contracts the public networks are known to have (PROTOCOL.md); a devnet deploys its own. */
export const KNOWN_CONTRACTS: Partial<Record<NetworkName, Readonly<Record<string, string>>>> = {
  mainnet: { USDT: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t' },
  nile: { USDT: 'TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf' },
};

/** The token `network.usdt_contract` (env USDT_CONTRACT) names, kept from the first build's config. */
const LEGACY_CONTRACT_SYMBOL = 'USDT';

/** A TRX transfer's bandwidth: the signed transaction's size plus java-tron's 64-byte allowance. */
const NATIVE_TRANSFER_BYTES = 267n;

type Problem = { key: string; message: string };
type RawAmount = string | number;

export function resolveAssets(raw: RawConfig, problems: Problem[]): AssetCatalog {
  const entries = raw.assets;
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    if (seen.has(entry.symbol)) problems.push({ key: `assets.${i}.symbol`, message: `${entry.symbol} is listed twice` });
    seen.add(entry.symbol);
  });
  const nativeEntry = entries.find((e) => e.symbol === NATIVE_SYMBOL);
  const nativeIndex = nativeEntry ? entries.indexOf(nativeEntry) : -1;
  if (nativeEntry && nativeEntry.contract !== '') {
    problems.push({ key: `assets.${nativeIndex}.contract`, message: 'TRX is the native asset and has no contract' });
  }
  if (nativeEntry && nativeEntry.decimals !== NATIVE_DECIMALS) {
    problems.push({ key: `assets.${nativeIndex}.decimals`, message: `TRX has ${NATIVE_DECIMALS} decimals` });
  }

  const specs: AssetSpec[] = [resolveOne(raw, nativeEntry, nativeIndex, problems)];
  entries.forEach((entry, i) => {
    // a duplicate is reported above; the first entry stands
    if (entry.symbol !== NATIVE_SYMBOL && !specs.some((s) => s.symbol === entry.symbol)) specs.push(resolveOne(raw, entry, i, problems));
  });

  const catalog = new AssetCatalog(specs);
  const currency = raw.payment_processing.default_currency;
  if (!catalog.has(currency)) {
    problems.push({ key: 'payment_processing.default_currency', message: `must be one of: ${catalog.symbols.join(', ')}` });
  }
  return catalog;
}

type Entry = RawConfig['assets'][number];

function resolveOne(raw: RawConfig, entry: Entry | undefined, index: number, problems: Problem[]): AssetSpec {
  const native = entry === undefined || entry.symbol === NATIVE_SYMBOL;
  const symbol = entry?.symbol ?? NATIVE_SYMBOL;
  const decimals = native ? NATIVE_DECIMALS : (entry?.decimals ?? NATIVE_DECIMALS);
  const at = (key: string) => (index >= 0 ? `assets.${index}.${key}` : key);

  const amount = (key: string, value: RawAmount, allowZero = false): bigint => {
    const parsed = parseAmount(typeof value === 'number' ? String(value) : value, decimals, { allowZero });
    if (!parsed.ok) {
      // a shared key (transaction_limits.…) may fail for one asset only: say which when it has other decimals than TRX
      const which = decimals === NATIVE_DECIMALS ? '' : ` (${symbol} has ${decimals} decimals)`;
      problems.push({ key, message: `${parsed.message}${which}` });
      return 0n;
    }
    return parsed.value;
  };
  /** The entry's own `limits.<key>`, else the shared `<section>.<key>` (same key name), read in this asset's units. */
  const own = entry?.limits ?? {};
  const shared = (section: 'transaction_limits' | 'settlement' | 'fee_management', key: keyof NonNullable<Entry['limits']>) => {
    const value = own[key];
    if (value !== undefined) return { key: at(`limits.${key}`), value };
    return { key: `${section}.${key}`, value: (raw[section] as Record<string, RawAmount>)[key] as RawAmount };
  };
  const limit = (source: { key: string; value: RawAmount }): bigint => amount(source.key, source.value);
  const limits: AssetLimits = {
    minAmount: limit(shared('transaction_limits', 'min_amount')),
    maxSinglePayment: limit(shared('transaction_limits', 'max_single_payment')),
    dailyLimit: limit(shared('transaction_limits', 'daily_limit')),
    monthlyLimit: limit(shared('transaction_limits', 'monthly_limit')),
    suspiciousAmount: limit(shared('transaction_limits', 'suspicious_amount_threshold')),
    approvalThreshold: limit(shared('transaction_limits', 'approval_threshold')),
  };
  if (limits.minAmount > limits.maxSinglePayment) {
    problems.push({ key: shared('transaction_limits', 'min_amount').key, message: `exceeds max_single_payment (${symbol})` });
  }
  const settlement = {
    minAmount: limit(shared('settlement', 'min_settlement_amount')),
    maxAmount: limit(shared('settlement', 'max_settlement_amount')),
  };
  if (settlement.minAmount > settlement.maxAmount) {
    problems.push({ key: shared('settlement', 'min_settlement_amount').key, message: `exceeds max_settlement_amount (${symbol})` });
  }
  const minimumFee = shared('fee_management', 'minimum_fee');

  const discountsKey = entry?.volume_discounts ? at('volume_discounts') : 'fee_management.volume_discounts';
  const volumeDiscounts = resolveDiscounts(entry?.volume_discounts ?? raw.fee_management.volume_discounts, discountsKey, amount, problems);

  const fundingKey = native ? 'fund_hot_wallet_trx' : 'fund_hot_wallet_tokens';
  const devnetFunding =
    entry?.devnet_funding === undefined
      ? amount(`network.devnet.${fundingKey}`, raw.network.devnet[fundingKey], true)
      : amount(at('devnet_funding'), entry.devnet_funding, true);

  const common = {
    symbol,
    decimals,
    volumeDiscounts,
    minimumFee: amount(minimumFee.key, minimumFee.value, true),
    limits,
    settlement,
    devnetFunding,
  };
  if (native || entry === undefined) {
    return {
      ...common,
      kind: 'native',
      contract: null,
      blacklist: false,
      transferEnergy: { existingHolder: 0n, newHolder: 0n },
      transferBytes: NATIVE_TRANSFER_BYTES,
    };
  }
  return {
    ...common,
    kind: 'trc20',
    contract: resolveContract(raw, entry, at('contract'), problems),
    blacklist: entry.blacklist,
    transferEnergy: { existingHolder: BigInt(entry.energy_existing_holder), newHolder: BigInt(entry.energy_new_holder) },
    transferBytes: BigInt(entry.bandwidth_bytes),
  };
}

function resolveContract(raw: RawConfig, entry: Entry, key: string, problems: Problem[]): string {
  const net = raw.network;
  const legacy = entry.symbol === LEGACY_CONTRACT_SYMBOL && net.usdt_contract !== '' ? net.usdt_contract : '';
  const configured = entry.contract || legacy;
  if (configured === DEVNET_CONTRACT || (configured === '' && net.name === 'devnet')) {
    if (net.name !== 'devnet') problems.push({ key, message: `"devnet" only works on a devnet, not on ${net.name}` });
    return DEVNET_CONTRACT;
  }
  if (configured === '') {
    const known = KNOWN_CONTRACTS[net.name]?.[entry.symbol];
    if (!known) problems.push({ key, message: `must name ${entry.symbol}'s contract on ${net.name}` });
    return known ?? '';
  }
  const check = checkBase58Address(configured);
  if (!check.ok)
    problems.push({ key: legacy && !entry.contract ? 'network.usdt_contract' : key, message: `not a TRON address: ${check.message}` });
  return configured;
}

function resolveDiscounts(
  list: readonly { threshold: RawAmount; discount: string }[],
  key: string,
  amount: (key: string, value: RawAmount) => bigint,
  problems: Problem[],
): VolumeDiscount[] {
  const tiers = list.map((tier, i) => {
    let discount = 0n;
    try {
      discount = parseRate(tier.discount);
    } catch (error) {
      problems.push({ key: `${key}.${i}.discount`, message: (error as Error).message });
    }
    return { threshold: amount(`${key}.${i}.threshold`, tier.threshold), discount };
  });
  tiers.forEach((tier, i) => {
    if (tier.discount > RATE_SCALE) problems.push({ key: `${key}.${i}.discount`, message: 'must be at most 1' });
    const previous = tiers[i - 1];
    if (previous && tier.threshold <= previous.threshold)
      problems.push({ key: `${key}.${i}.threshold`, message: 'thresholds must increase' });
  });
  return tiers;
}
