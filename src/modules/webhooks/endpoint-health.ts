/**
 * Endpoint health (SPEC §3.10): a failed attempt starts (or continues) an endpoint's failing streak, a
 * success ends it. An endpoint failing for `disable_after_failing_hours` is disabled by the gateway and
 * its pending deliveries fail with "endpoint disabled", so a dead receiver stops consuming work.
 *
 * Each endpoint is updated in its own short statement (or transaction, when disabling), never inside the
 * deliveries' group commit: two processes recording outcomes for overlapping endpoints then never wait on
 * each other's row locks in opposite orders.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface EndpointHealthOptions {
  disableAfterMs: number;
}

export interface HealthUpdate {
  webhookId: string;
  /** the last attempt's outcome for this endpoint in the batch */
  ok: boolean;
}

export const DISABLED_REASON_PREFIX = 'failing since';

export class EndpointHealth {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly options: EndpointHealthOptions,
  ) {}

  /** Applies one batch's outcomes; returns the endpoints disabled now. */
  async apply(updates: readonly HealthUpdate[], now: number): Promise<string[]> {
    const disabled: string[] = [];
    // one entry per endpoint, in a stable order
    const latest = new Map<string, boolean>();
    for (const update of updates) latest.set(update.webhookId, update.ok);
    for (const webhookId of [...latest.keys()].sort()) {
      if (latest.get(webhookId)) await this.markSucceeded(webhookId, now);
      else if (await this.markFailed(webhookId, now)) disabled.push(webhookId);
    }
    return disabled;
  }

  async markSucceeded(webhookId: string, now: number): Promise<void> {
    await this.db.updateTable('webhooks').set({ failing_since: null, last_success_at: now }).where('id', '=', webhookId).execute();
  }

  /** Records a failure; disables the endpoint when its streak is long enough. True when disabled now. */
  async markFailed(webhookId: string, now: number): Promise<boolean> {
    const row = await this.db
      .updateTable('webhooks')
      .set((eb) => ({ last_failure_at: now, failing_since: eb.fn.coalesce('failing_since', eb.val(BigInt(now))) }))
      .where('id', '=', webhookId)
      .returning(['failing_since', 'disabled_at'])
      .executeTakeFirst();
    if (!row || row.disabled_at !== null || row.failing_since === null) return false;
    const failingSince = Number(row.failing_since);
    if (now - failingSince < this.options.disableAfterMs) return false;
    return this.disable(webhookId, failingSince, now);
  }

  /** Disables the endpoint and fails its pending deliveries, together. */
  private async disable(webhookId: string, failingSince: number, now: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const hours = Math.round((now - failingSince) / 360_000) / 10;
      const result = await trx
        .updateTable('webhooks')
        .set({
          disabled_at: now,
          disabled_reason: `${DISABLED_REASON_PREFIX} ${new Date(failingSince).toISOString()} (${hours} h without a successful delivery)`,
          updated_at: now,
        })
        .where('id', '=', webhookId)
        .where('disabled_at', 'is', null)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) return false;
      await trx
        .updateTable('webhook_deliveries')
        .set({ status: 'failed', last_error: 'endpoint disabled', locked_by: null, locked_until: null, updated_at: now, completed_at: now })
        .where('webhook_id', '=', webhookId)
        .where('status', '=', 'pending')
        .execute();
      return true;
    });
  }

  /** Endpoints the gateway disabled that still exist (readiness flag and gauge). */
  async countDisabled(): Promise<number> {
    const row = await this.db
      .selectFrom('webhooks')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('disabled_at', 'is not', null)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
