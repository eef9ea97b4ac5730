/**
 * Burn or wait (issue 19): a token transfer from the hot wallet (payout, refund, settlement) spends the
 * wallet's staked energy first — the chain does that by itself. When what is left is short, the strategy
 * and the send's priority decide: `urgent` and `high` burn TRX for the rest at once; `normal` and `low`
 * wait for energy to come back (usage recovers over the window; reclaimed delegations return at once) up
 * to their priority's target processing time, then burn. The decision is stored on the send next to the
 * cost its receipt shows. Pure: the sender reads the figures, this only decides.
 */
import type { EnergyStrategy } from '../energy/energy-strategy.js';

/**
 * How a send's energy was paid, as decided before signing:
 * - `staked`: enough staked energy was left for it;
 * - `burn_priority`: energy was short and an urgent or high send does not wait;
 * - `burn_after_wait`: energy was short and stayed short for the priority's whole wait;
 * - `burn_strategy`: the strategy is `burn`, or the wallet has no staked energy that could come back.
 */
export const ENERGY_DECISIONS = ['staked', 'burn_priority', 'burn_after_wait', 'burn_strategy'] as const;
export type EnergyDecision = (typeof ENERGY_DECISIONS)[number];
/** What a send row records: a decision once signed, `waiting` while it waits for energy. */
export const ENERGY_DECISION_STATES = [...ENERGY_DECISIONS, 'waiting'] as const;
export type EnergyDecisionState = (typeof ENERGY_DECISION_STATES)[number];

/** Queue ranks (send-contract.ts `priority`) at or below this one never wait: urgent (0) and high (1). */
const LAST_RANK_THAT_BURNS_AT_ONCE = 1;

export interface EnergyWaitInput {
  /** energy the transfer is expected to use */
  needed: bigint;
  /** staked energy the wallet has left now (after the sends before it in this batch) */
  available: bigint;
  /** the wallet's staked energy limit: 0 means nothing can come back by waiting */
  limit: bigint;
  strategy: EnergyStrategy;
  /** the send's queue rank: 0 urgent … 3 low */
  rank: number;
  /** when the send was queued */
  queuedAt: number;
  now: number;
  /** how long a send of this rank may wait for energy (its priority's target processing time) */
  maxWaitMs: number;
  /** how soon a waiting send looks again */
  recheckMs: number;
}

export type EnergyVerdict =
  | { kind: 'send'; decision: EnergyDecision; waitedMs: number }
  | { kind: 'wait'; retryAt: number; burnsFrom: number };

export function decideEnergy(i: EnergyWaitInput): EnergyVerdict {
  const waitedMs = Math.max(0, i.now - i.queuedAt);
  if (i.available >= i.needed) return { kind: 'send', decision: 'staked', waitedMs };
  if (i.strategy === 'burn' || i.limit === 0n) return { kind: 'send', decision: 'burn_strategy', waitedMs };
  if (i.rank <= LAST_RANK_THAT_BURNS_AT_ONCE) return { kind: 'send', decision: 'burn_priority', waitedMs };
  const burnsFrom = i.queuedAt + i.maxWaitMs;
  if (i.now >= burnsFrom) return { kind: 'send', decision: 'burn_after_wait', waitedMs };
  return { kind: 'wait', retryAt: Math.min(burnsFrom, i.now + i.recheckMs), burnsFrom };
}

/** The `last_error` of a send waiting for energy (the dashboard lists these as "waiting for energy"). */
export function energyWaitNote(needed: bigint, available: bigint, burnsFrom: number): string {
  return `waiting for energy: needs ${needed}, ${available} staked energy left; burns TRX from ${new Date(burnsFrom).toISOString()} if still short`;
}
