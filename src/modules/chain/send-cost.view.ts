/**
 * `network_cost` in API answers: what the chain sends that served a resource cost, from their receipts —
 * which resource paid (energy from stake or burned, bandwidth) and the TRX burned, as decimal TRX strings.
 * null while none of its sends is in a block.
 */
import { Type } from 'typebox';
import { NATIVE_DECIMALS } from '../../shared/catalogues/asset-catalog.js';
import { formatAmount } from '../../shared/money.js';
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
