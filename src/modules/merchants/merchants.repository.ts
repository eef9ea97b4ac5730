/** Storage of merchants and the hot-wallet index sequence, on SQLite and PostgreSQL alike. */
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { SettlementFrequency } from '../../config/schema.js';
import type { DB, MerchantsTable } from '../../db/schema.js';
import { DEFAULT_MERCHANT_HD_INDEX, isSettlementFrequency, MERCHANT_HD_COUNTER, type Merchant, type MerchantStatus } from './merchant.js';

export interface NewMerchantRow {
  id: string;
  name: string;
  status: MerchantStatus;
  settlementFrequency: SettlementFrequency | null;
  now: number;
}

/** Runs in the inserting transaction once the merchant row is written (its audit record). */
export type OnMerchantInserted = (trx: Transaction<DB>, merchant: Merchant) => Promise<void>;

export class MerchantsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Takes the next hot-wallet index and inserts the merchant with it, in one transaction. The index comes
   * from a single upsert on `hd_counters` (insert the row on first use, otherwise increment it and read
   * the new value back), which is atomic on both engines: PostgreSQL locks the counter row until commit,
   * SQLite has one writer. Indexes start at 1; 0 belongs to the default merchant.
   */
  async insertWithNextIndex(row: NewMerchantRow, onInserted?: OnMerchantInserted): Promise<Merchant> {
    return this.db.transaction().execute(async (trx) => {
      const counter = await trx
        .insertInto('hd_counters')
        .values({ name: MERCHANT_HD_COUNTER, next_index: DEFAULT_MERCHANT_HD_INDEX + 2 })
        .onConflict((oc) => oc.column('name').doUpdateSet({ next_index: sql<bigint>`hd_counters.next_index + 1` }))
        .returning('next_index')
        .executeTakeFirstOrThrow();
      const hdIndex = Number(counter.next_index) - 1;
      await trx.insertInto('merchants').values(toRow(row, hdIndex)).execute();
      const merchant = fromNewRow(row, hdIndex);
      await onInserted?.(trx, merchant);
      return merchant;
    });
  }

  /** Inserts the default merchant (index 0) unless one exists; true when this call inserted it. */
  async insertDefaultIfAbsent(row: NewMerchantRow, onInserted?: OnMerchantInserted): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .insertInto('merchants')
        .values(toRow(row, DEFAULT_MERCHANT_HD_INDEX))
        .onConflict((oc) => oc.column('hd_index').doNothing())
        .executeTakeFirst();
      const inserted = (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
      if (inserted) await onInserted?.(trx, fromNewRow(row, DEFAULT_MERCHANT_HD_INDEX));
      return inserted;
    });
  }

  async findById(id: string): Promise<Merchant | null> {
    const row = await this.db.selectFrom('merchants').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toMerchant(row) : null;
  }

  async findByHdIndex(hdIndex: number): Promise<Merchant | null> {
    const row = await this.db.selectFrom('merchants').selectAll().where('hd_index', '=', hdIndex).executeTakeFirst();
    return row ? toMerchant(row) : null;
  }

  /** Every merchant, oldest (lowest index) first. */
  async list(): Promise<Merchant[]> {
    const rows = await this.db.selectFrom('merchants').selectAll().orderBy('hd_index', 'asc').execute();
    return rows.map(toMerchant);
  }
}

function toRow(row: NewMerchantRow, hdIndex: number) {
  return {
    id: row.id,
    name: row.name,
    hd_index: hdIndex,
    status: row.status,
    settlement_frequency: row.settlementFrequency,
    created_at: row.now,
    updated_at: row.now,
  };
}

function fromNewRow(row: NewMerchantRow, hdIndex: number): Merchant {
  return {
    id: row.id,
    name: row.name,
    hdIndex,
    status: row.status,
    settlementFrequency: row.settlementFrequency,
    createdAt: row.now,
    updatedAt: row.now,
  };
}

function toMerchant(row: Selectable<MerchantsTable>): Merchant {
  return {
    id: row.id,
    name: row.name,
    hdIndex: Number(row.hd_index),
    status: row.status === 'disabled' ? 'disabled' : 'active',
    settlementFrequency: isSettlementFrequency(row.settlement_frequency) ? row.settlement_frequency : null,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
