/**
 * Unique amounts for `direct_transfer` without a payer (issue 19), pure. The payer sends straight to the
 * payee, whose address is shared by every such payment, so the amount is what tells them apart (as
 * BEpusdt and TokenPay do): each payment gets its price plus the smallest offset no other open payment
 * to the same payee in the same asset holds. Offsets start at one step, not zero: a round amount is
 * what unrelated transfers to a merchant's address tend to be. The database holds the claims
 * (`unique_amount_claims`, a primary key per payee, asset and amount); this module only picks.
 */
import type { Asset } from '../../shared/money.js';

/** Decimals a wallet commonly shows: an offset below that step would be invisible to the payer. */
const DISPLAY_DECIMALS = 6;

/** The base units of one offset step: 0.000001 of the asset, or one base unit for assets with fewer decimals. */
export function uniqueAmountStep(decimals: number): bigint {
  return decimals > DISPLAY_DECIMALS ? 10n ** BigInt(decimals - DISPLAY_DECIMALS) : 1n;
}

/** The claims of one payee in one asset share a key. */
export function claimKey(payeeAddress: string, asset: Asset): string {
  return `${payeeAddress}\u0000${asset}`;
}

export interface UniqueAmountRequest {
  payeeAddress: string;
  currency: Asset;
  amount: bigint;
}

export interface UniqueAmountRules {
  /** largest offset, in steps */
  maxOffset: number;
  decimalsOf(asset: Asset): number;
}

export type UniqueAmountResult =
  | { ok: true; amountsDue: bigint[] }
  /** the request at `index` found every amount of its range taken */
  | { ok: false; index: number; lowest: bigint; highest: bigint };

/**
 * The amount due of each request, in order: `amount + k × step` for the smallest k in 1…maxOffset that
 * neither `taken` (claims already in the database, by claimKey) nor an earlier request holds. `taken`
 * is not changed.
 */
export function assignUniqueAmounts(
  requests: readonly UniqueAmountRequest[],
  taken: ReadonlyMap<string, ReadonlySet<bigint>>,
  rules: UniqueAmountRules,
): UniqueAmountResult {
  const held = new Map<string, Set<bigint>>();
  const amountsDue: bigint[] = [];
  for (const [index, request] of requests.entries()) {
    const key = claimKey(request.payeeAddress, request.currency);
    let inUse = held.get(key);
    if (!inUse) {
      inUse = new Set(taken.get(key) ?? []);
      held.set(key, inUse);
    }
    const step = uniqueAmountStep(rules.decimalsOf(request.currency));
    let found: bigint | null = null;
    for (let k = 1; k <= rules.maxOffset; k++) {
      const candidate = request.amount + BigInt(k) * step;
      if (!inUse.has(candidate)) {
        found = candidate;
        break;
      }
    }
    if (found === null) {
      return { ok: false, index, lowest: request.amount + step, highest: request.amount + BigInt(rules.maxOffset) * step };
    }
    inUse.add(found);
    amountsDue.push(found);
  }
  return { ok: true, amountsDue };
}
