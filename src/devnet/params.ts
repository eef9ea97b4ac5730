/** Chain parameters of the devnet, mirroring mainnet values (PROTOCOL.md §6). */

export interface ChainParams {
  /** sun per energy unit (`getEnergyFee`) */
  energyFee: bigint;
  /** sun per byte of burned bandwidth (`getTransactionFee`) */
  transactionFee: bigint;
  /** bandwidth burn for creating an account (`getCreateAccountFee`) */
  createAccountFee: bigint;
  /** TRX charged by TransferContract for activating a new account (`getCreateNewAccountFeeInSystemContract`) */
  createNewAccountFeeInSystemContract: bigint;
  /** free bandwidth per account per day (`getFreeNetLimit`) */
  freeNetLimit: bigint;
  /** `getMaxFeeLimit` */
  maxFeeLimit: bigint;
  /** energy the whole network shares per window (`getTotalEnergyCurrentLimit`, = `getTotalEnergyLimit`) */
  totalEnergyCurrentLimit: bigint;
  /** bandwidth the whole network shares per window (`getTotalNetLimit`) */
  totalNetLimit: bigint;
  /** whole TRX the rest of the network stakes for energy: the starting `TotalEnergyWeight` */
  backgroundEnergyWeight: bigint;
  /** whole TRX the rest of the network stakes for bandwidth: the starting `TotalNetWeight` */
  backgroundNetWeight: bigint;
  /** staked bandwidth per byte when a transaction creates an account (`getCreateNewAccountBandwidthRate`) */
  createNewAccountBandwidthRate: bigint;
  /** longest delegation lock, in 3 s blocks (`getMaxDelegateLockPeriod`) */
  maxDelegateLockPeriod: bigint;
  /** usage recovers linearly over this many ms (java-tron: 24 h); the devnet option `resourceWindowMs` */
  resourceWindowMs: bigint;
  /** unstaked TRX is withdrawable after this many ms (`getUnfreezeDelayDays` × 24 h); the devnet option `unfreezeDelayMs` */
  unfreezeDelayMs: bigint;
}

/** Bandwidth and energy usage recover linearly over 24 h (java-tron's 28 800-slot window). */
export const RESOURCE_WINDOW_MS = 86_400_000n;

/** Mainnet `getUnfreezeDelayDays`: 14 days. */
export const UNFREEZE_DELAY_MS = 14n * 86_400_000n;

/*
 * Resource figures (mainnet order of magnitude; the devnet seeds them as a background stake so energy per staked
 * TRX is what an operator sees on mainnet):
 * - totalEnergyCurrentLimit 180,000,000,000 and totalNetLimit 43,200,000,000: mainnet getchainparameters
 *   (getTotalEnergyCurrentLimit / getTotalEnergyLimit and getTotalNetLimit), also java-tron's documented
 *   getaccountresource sample (test/fixtures/tron/http_responses.json, copied with its source).
 * - backgroundEnergyWeight 13,369,831,825 TRX and backgroundNetWeight 84,687,233,463 TRX: the TotalEnergyWeight and
 *   TotalNetWeight the devnet answered before Stake 2.0 was modelled (a mainnet getaccountresource reading; the
 *   2022 documentation sample reads 2,411,528,185 / 68,305,209,098). That is ≈ 13.5 energy and ≈ 0.51 bandwidth
 *   per staked TRX per day: one USDT transfer to a holder (64,285 energy) needs ≈ 4,800 TRX staked. Not re-read from
 *   Tronscan for this release (no network here); the order of magnitude is what matters for tests and benches.
 * - maxDelegateLockPeriod 864,000 blocks (30 days): mainnet getMaxDelegateLockPeriod after the committee raised it
 *   from java-tron's default (DELEGATE_PERIOD / 3 s = 86,400 blocks, 3 days).
 * - createNewAccountBandwidthRate 1, unfreeze delay 14 days, window 24 h: java-tron defaults, as on mainnet.
 */
export const DEFAULT_PARAMS: ChainParams = {
  energyFee: 100n,
  transactionFee: 1000n,
  createAccountFee: 100_000n,
  createNewAccountFeeInSystemContract: 1_000_000n,
  freeNetLimit: 600n,
  maxFeeLimit: 15_000_000_000n,
  totalEnergyCurrentLimit: 180_000_000_000n,
  totalNetLimit: 43_200_000_000n,
  backgroundEnergyWeight: 13_369_831_825n,
  backgroundNetWeight: 84_687_233_463n,
  createNewAccountBandwidthRate: 1n,
  maxDelegateLockPeriod: 864_000n,
  resourceWindowMs: RESOURCE_WINDOW_MS,
  unfreezeDelayMs: UNFREEZE_DELAY_MS,
};

/** Largest signed transaction java-tron accepts (`TRANSACTION_MAX_BYTE_SIZE`). */
export const MAX_TRANSACTION_BYTES = 500 * 1024;

/** The furthest in the future an expiration may lie, relative to the head block. */
export const MAX_EXPIRATION_AHEAD_MS = 86_400_000n;

/** Energy the TetherToken contract burns, measured on mainnet receipts (PROTOCOL.md §6); every devnet token uses it. */
export const USDT_ENERGY = {
  /** transfer to an address that already holds USDT */
  transferToHolder: 64_285n,
  transferToHolderPenalty: 49_635n,
  /** transfer to an address with a zero balance (a new storage slot) */
  transferToNew: 130_285n,
  transferToNewPenalty: 100_635n,
  /** a require() that fails early (blacklisted sender, short calldata, insufficient balance) */
  revert: 2_000n,
  /** view functions called through a transaction */
  view: 935n,
  /** owner-only blacklist updates */
  blacklistUpdate: 21_000n,
  /*
   * approve and transferFrom are not measured: they are derived from the transfer figures above. Those
   * split into a base (14,650 to a holder, 29,650 to a new holder: two balance slots written, 5,000 energy
   * to update a slot, 20,000 to fill an empty one, 4,650 for the rest) and the dynamic-energy penalty java-tron
   * adds to a busy contract (base × 3.4 − 175 on both receipts). approve writes one slot instead of two.
   */
  /** approve filling an empty allowance: base 24,650 + penalty 83,635 */
  approveNew: 108_285n,
  approveNewPenalty: 83_635n,
  /** approve changing (or clearing) an allowance: base 9,650 + penalty 32,635 */
  approveExisting: 42_285n,
  approveExistingPenalty: 32_635n,
  /** what transferFrom adds to a transfer when it lowers the allowance: one 5,000-energy slot update + penalty 17,000 */
  allowanceUpdate: 22_000n,
  allowanceUpdatePenalty: 17_000n,
} as const;

export const TRX = 1_000_000n;
