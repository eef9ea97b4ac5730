/**
 * Migration 0006 (issue 17): reconciliation `status` takes the seed's values (pending, processing,
 * completed, failed, disputed) and the first build's finer result moves to `outcome`. Rows written before
 * it keep what they found as their outcome; their status follows from it. On both engines.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/db/migrate.js';
import { statusOfOutcome } from '../src/modules/reconciliation/reconciliation.js';
import { ENGINES, migrateBefore, openTestDatabase } from './db-harness.js';

/** the first build's status → (status, outcome) after the migration */
const EXPECTED: ReadonlyArray<readonly [old: string, status: string, outcome: string]> = [
  ['verified', 'completed', 'verified'],
  ['credited', 'completed', 'credited'],
  ['pending', 'pending', 'pending'],
  ['disputed', 'disputed', 'disputed'],
  ['error', 'failed', 'error'],
  ['balanced', 'completed', 'balanced'],
  ['differences', 'completed', 'differences'],
];

describe('reconciliation status of an outcome', () => {
  it('is what migration 0006 gives the rows it maps', () => {
    for (const [, status, outcome] of EXPECTED) expect(statusOfOutcome(outcome as Parameters<typeof statusOfOutcome>[0])).toBe(status);
  });
});

for (const engine of ENGINES) {
  describe(`${engine}: migration 0006`, () => {
    it("moves the first build's statuses to outcome and gives every row a seed status", async () => {
      const db = await openTestDatabase(engine, { migrate: false });
      try {
        await migrateBefore(db, '0006');
        for (const [i, [old]] of EXPECTED.entries()) {
          const balances = old === 'balanced' || old === 'differences';
          // the row as the first build wrote it: no outcome column yet
          await sql`insert into reconciliations (id, merchant_id, payment_id, kind, trigger, status, checks, discrepancies, actor, created_at)
            values (${`recon_000000000000000${i}`}, ${balances ? null : 'mer_0000000000000001'}, ${balances ? null : 'pay_0000000000000001'},
              ${balances ? 'balances' : 'payment'}, 'api', ${old}, '{}', '[]', 'key_1', ${1_000 + i})`.execute(db.db);
        }
        expect((await migrateToLatest(db.db)).applied).toContain('0006_reconciliation_outcome');
        const rows = await db.db.selectFrom('reconciliations').select(['status', 'outcome']).orderBy('created_at').execute();
        expect(rows.map((r) => [r.status, r.outcome])).toEqual(EXPECTED.map(([, status, outcome]) => [status, outcome]));
      } finally {
        await db.destroy();
      }
    });
  });
}
