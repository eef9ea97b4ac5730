/** Storage of each merchant's energy settings (merchant_energy, one row per merchant); the same SQL on both engines. */
import type { Kysely, Transaction } from 'kysely';
import type { EnergyStrategySetting } from '../../config/schema.js';
import type { DB } from '../../db/schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

export class MerchantEnergyRepository {
  /** The strategy the merchant set at run time; null: it follows the configuration. */
  async strategyOf(executor: Executor, merchantId: string): Promise<EnergyStrategySetting | null> {
    const row = await executor.selectFrom('merchant_energy').select('strategy').where('merchant_id', '=', merchantId).executeTakeFirst();
    return (row?.strategy ?? null) as EnergyStrategySetting | null;
  }

  async setStrategy(executor: Executor, merchantId: string, strategy: EnergyStrategySetting, at: number): Promise<void> {
    await executor
      .insertInto('merchant_energy')
      .values({ merchant_id: merchantId, strategy, energy_low: 0, updated_at: at })
      .onConflict((oc) => oc.column('merchant_id').doUpdateSet({ strategy, updated_at: at }))
      .execute();
  }

  /** Merchants whose hot wallet's low-energy alert is raised. */
  async lowEnergyMerchants(executor: Executor): Promise<Set<string>> {
    const rows = await executor.selectFrom('merchant_energy').select('merchant_id').where('energy_low', '=', 1).execute();
    return new Set(rows.map((r) => r.merchant_id));
  }

  /**
   * Raises or lowers the alert; true only for the call that changed it (the row is locked by the update,
   * so two checkers that race both see the flag and only one of them wins).
   */
  async switchLowEnergy(executor: Executor, merchantId: string, raised: boolean, at: number): Promise<boolean> {
    const flag = raised ? 1 : 0;
    await executor
      .insertInto('merchant_energy')
      .values({ merchant_id: merchantId, strategy: null, energy_low: 0, updated_at: at })
      .onConflict((oc) => oc.column('merchant_id').doNothing())
      .execute();
    const changed = await executor
      .updateTable('merchant_energy')
      .set({ energy_low: flag, updated_at: at })
      .where('merchant_id', '=', merchantId)
      .where('energy_low', '!=', flag)
      .executeTakeFirst();
    return Number(changed.numUpdatedRows) > 0;
  }
}
