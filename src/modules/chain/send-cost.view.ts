/**
 * `network_cost` in API answers: what the chain sends that served a resource cost, from their receipts —
 * which resource paid (energy from stake or burned, bandwidth) and the TRX burned, as decimal TRX strings.
 * null while none of its sends is in a block.
 */
import { Type } from 'typebox';
import { NATIVE_DECIMALS } from '../../shared/catalogues/asset-catalog.js';
import { formatAmount } from '../../shared/money.js';
import { ENERGY_DECISION_STATES, type EnergyDecisionState } from './energy-wait.js';
import type { SendCost } from './send-cost.js';

export const NetworkCostSchema = Type.Union(
  [
    Type.Object({
      energy_used: Type.Integer({ description: 'energy units used, however paid (receipt energy_usage_total)' }),
      energy_delegated: Type.Integer({ description: 'energy paid by staked energy, own or delegated (receipt energy_usage)' }),
      energy_burned_trx: Type.String({ description: 'TRX burned for energy (receipt energy_fee)' }),
      bandwidth_used: Type.Integer({ description: 'bandwidth bytes (net_usage, or the transaction bytes when paid in TRX)' }),
      bandwidth_burned_trx: Type.String({ description: 'TRX burned for bandwidth (receipt net_fee)' }),
      activation_trx: Type.String({ description: 'TRX the chain charged for creating a receiver account' }),
      trx_burned: Type.String({ description: 'all TRX burned (receipt fee)' }),
    }),
    Type.Null(),
  ],
  { description: 'what the chain sends serving this cost, from their receipts; null until one is in a block' },
);

export function networkCostView(cost: SendCost | null | undefined) {
  if (!cost) return null;
  const trx = (sun: bigint) => formatAmount(sun, NATIVE_DECIMALS);
  return {
    energy_used: Number(cost.energyUsed),
    energy_delegated: Number(cost.energyDelegated),
    energy_burned_trx: trx(cost.energyBurnedTrx),
    bandwidth_used: Number(cost.bandwidthUsed),
    bandwidth_burned_trx: trx(cost.bandwidthBurnedTrx),
    activation_trx: trx(cost.activationTrx),
    trx_burned: trx(cost.trxBurned),
  };
}

export const EnergyDecisionSchema = Type.Union(
  [
    Type.Object({
      decision: Type.Enum(ENERGY_DECISION_STATES, {
        description:
          'staked: paid by the hot wallet’s staked energy; burn_priority: energy was short and an urgent or high send burns TRX at once; ' +
          'burn_after_wait: short for the whole wait its priority allows, then burned; burn_strategy: the strategy is burn or nothing is staked; ' +
          'waiting: waiting for staked energy to recover',
      }),
      waited_seconds: Type.Union([Type.Number(), Type.Null()], { description: 'how long it waited for energy before it was signed' }),
    }),
    Type.Null(),
  ],
  { description: 'how the hot wallet’s token transfer paid for energy (payouts, refunds, settlements); null for others' },
);

export function energyDecisionView(decision: { decision: EnergyDecisionState; waitMs: number | null } | undefined) {
  if (!decision) return null;
  return { decision: decision.decision, waited_seconds: decision.waitMs === null ? null : decision.waitMs / 1000 };
}
