/** Storage of payment links; the same queries on SQLite and PostgreSQL. */
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { afterKeyset } from '../../db/keyset.js';
import type { DB, PaymentLinksTable } from '../../db/schema.js';
import type { PaymentLink } from './payment-link-rules.js';

type Executor = Kysely<DB> | Transaction<DB>;

function rowToLink(row: Selectable<PaymentLinksTable>): PaymentLink {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    token: row.token,
    currency: row.currency,
    payeeAddress: row.payee_address,
    amount: row.amount === null ? null : BigInt(row.amount),
    description: row.description,
    successUrl: row.success_url,
    expiresAt: row.expires_at === null ? null : Number(row.expires_at),
    maxUses: row.max_uses === null ? null : Number(row.max_uses),
    uses: Number(row.uses),
    active: Number(row.active) === 1,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function linkToRow(link: PaymentLink): Insertable<PaymentLinksTable> {
  return {
    id: link.id,
    merchant_id: link.merchantId,
    token: link.token,
    currency: link.currency,
    payee_address: link.payeeAddress,
    amount: link.amount === null ? null : link.amount.toString(),
    description: link.description,
    success_url: link.successUrl,
    expires_at: link.expiresAt,
    max_uses: link.maxUses,
    uses: link.uses,
    active: link.active ? 1 : 0,
    created_at: link.createdAt,
    updated_at: link.updatedAt,
  };
}

export class PaymentLinksRepository {
  async insert(executor: Executor, link: PaymentLink): Promise<void> {
    await executor.insertInto('payment_links').values(linkToRow(link)).execute();
  }

  /** A link of this merchant; another merchant's id reads as absent. */
  async find(executor: Executor, merchantId: string, id: string): Promise<PaymentLink | null> {
    const row = await executor
      .selectFrom('payment_links')
      .selectAll()
      .where('id', '=', id)
      .where('merchant_id', '=', merchantId)
      .executeTakeFirst();
    return row ? rowToLink(row) : null;
  }

  async findById(executor: Executor, id: string): Promise<PaymentLink | null> {
    const row = await executor.selectFrom('payment_links').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? rowToLink(row) : null;
  }

  async findByToken(executor: Executor, token: string): Promise<PaymentLink | null> {
    const row = await executor.selectFrom('payment_links').selectAll().where('token', '=', token).executeTakeFirst();
    return row ? rowToLink(row) : null;
  }

  /** Newest first; `after` is the last link of the previous page. */
  async list(
    executor: Executor,
    merchantId: string,
    limit: number,
    after?: PaymentLink,
  ): Promise<{ links: PaymentLink[]; hasMore: boolean }> {
    let query = executor.selectFrom('payment_links').selectAll().where('merchant_id', '=', merchantId);
    if (after) query = query.where(afterKeyset('desc', after));
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    return { links: rows.slice(0, limit).map(rowToLink), hasMore: rows.length > limit };
  }

  async deactivate(executor: Executor, id: string, at: number): Promise<void> {
    await executor.updateTable('payment_links').set({ active: 0, updated_at: at }).where('id', '=', id).execute();
  }

  /**
   * Takes one use of the link if it still has one (active, not expired, under max_uses): one conditional
   * update, so that concurrent visitors never exceed max_uses. Returns whether it took one.
   */
  async claimUse(executor: Executor, id: string, now: number): Promise<boolean> {
    const result = await executor
      .updateTable('payment_links')
      .set((eb) => ({ uses: eb('uses', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .where('active', '=', 1)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Gives back a use whose payment could not be created. */
  async releaseUse(executor: Executor, id: string): Promise<void> {
    await executor
      .updateTable('payment_links')
      .set((eb) => ({ uses: eb('uses', '-', 1) }))
      .where('id', '=', id)
      .where('uses', '>', 0)
      .execute();
  }
}
