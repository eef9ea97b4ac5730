/**
 * Writes that skip a held-open transaction: Database.writeAtomically (atomic-writes.ts; on SQLite one
 * message to the writer thread), LeaseStore.writeWhileHeld on top of it, and the SQLite writer thread's
 * background WAL checkpoints.
 */
import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { WriteBatch } from '../src/db/bulk-insert.js';
import { openDatabase } from '../src/db/database.js';
import { LeaseStore } from '../src/modules/chain/lease.js';
import { systemClock } from '../src/shared/clock.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './db-harness.js';

const opened: TestDatabase[] = [];
afterEach(async () => {
  for (const database of opened.splice(0)) await database.destroy();
});

async function fresh(engine: (typeof ENGINES)[number]): Promise<TestDatabase> {
  const database = await openTestDatabase(engine);
  opened.push(database);
  return database;
}

const cursor = (name: string, block: number) => ({ name, block_number: block, block_id: null, updated_at: 1 });

describe.each(ENGINES)('atomic writes (%s)', (engine) => {
  it('runs the statements in order, returns each result, and commits them together', async () => {
    const { db, writeAtomically } = await fresh(engine);
    const results = await writeAtomically([
      db.insertInto('chain_cursors').values(cursor('a', 1)).compile(),
      db.insertInto('chain_cursors').values(cursor('b', 2)).compile(),
      db.updateTable('chain_cursors').set({ block_number: 7 }).where('name', '=', 'a').compile(),
      db.selectFrom('chain_cursors').select(['name', 'block_number']).orderBy('name').compile(),
    ]);
    expect(results.map((r) => Number(r.numAffectedRows ?? 0n))).toEqual([1, 1, 1, 0]);
    expect(
      ((results[3]?.rows ?? []) as Array<{ name: string; block_number: bigint }>).map((r) => [r.name, Number(r.block_number)]),
    ).toEqual([
      ['a', 7],
      ['b', 2],
    ]);
  });

  it('writes nothing when one statement fails, and the database keeps working', async () => {
    const { db, writeAtomically } = await fresh(engine);
    await db.insertInto('chain_cursors').values(cursor('taken', 1)).execute();
    await expect(
      writeAtomically([
        db.insertInto('chain_cursors').values(cursor('new', 1)).compile(),
        db.insertInto('chain_cursors').values(cursor('taken', 2)).compile(),
      ]),
    ).rejects.toThrow(/unique|duplicate/i);
    const names = await db.selectFrom('chain_cursors').select('name').execute();
    expect(names.map((r) => r.name)).toEqual(['taken']);
    await writeAtomically([db.insertInto('chain_cursors').values(cursor('later', 3)).compile()]);
    expect(await db.selectFrom('chain_cursors').select('name').orderBy('name').execute()).toEqual([{ name: 'later' }, { name: 'taken' }]);
  });

  it('a write batch writes every table on write(), skipping duplicates where asked, however large', async () => {
    const { db } = await fresh(engine);
    const job = (n: number, dedupe: string) => ({
      id: `job_${String(n).padStart(16, '0')}`,
      type: 't',
      payload: '{}',
      status: 'queued',
      priority: 1,
      run_at: 1,
      attempts: 0,
      max_attempts: 1,
      locked_by: null,
      locked_until: null,
      last_error: null,
      dedupe_key: dedupe,
      created_at: 1,
      updated_at: 1,
      finished_at: null,
    });
    await db.insertInto('jobs').values(job(1, 'taken')).execute();
    for (const count of [3, 8000]) {
      // 8000 rows of 4 columns would exceed one statement's 65,535 parameters as a VALUES list; as JSON it is one
      await db.deleteFrom('chain_cursors').execute();
      const batch = new WriteBatch();
      batch.add(
        'chain_cursors',
        Array.from({ length: count }, (_, i) => cursor(`c${i}`, i)),
        {},
      );
      batch.add('jobs', [job(count * 10, 'taken'), job(count * 10 + 1, `fresh-${count}`)], { onConflictDoNothing: 'dedupe_key' });
      expect(await db.selectFrom('chain_cursors').select('name').execute()).toHaveLength(0);
      await db.transaction().execute((trx) => batch.write(trx));
      expect(await db.selectFrom('chain_cursors').select('name').execute()).toHaveLength(count);
      const keys = await db.selectFrom('jobs').select('dedupe_key').orderBy('dedupe_key').execute();
      expect(keys.map((k) => k.dedupe_key)).toContain(`fresh-${count}`);
      expect(keys.filter((k) => k.dedupe_key === 'taken')).toHaveLength(1);
    }
  });

  it('a write batch returns its steps’ rows and keeps values exact: the largest int8, quotes, newlines, non-ASCII', async () => {
    const { db } = await fresh(engine);
    const largest = 9_223_372_036_854_775_807n;
    const batch = new WriteBatch();
    batch.add('volume_totals', [{ merchant_id: 'm"1', currency: 'USDT', day: 20261205, total: largest }], {});
    batch.add('chain_cursors', [{ ...cursor('line\nbreak', 5), block_id: 'ünïcødé \'quoted\' "and" \\ back' }], {});
    const bumped = batch.step<{ count: number | bigint }>(
      (p) => `insert into rate_windows (scope, window_start, "count") values (${p('s')}, ${p(60)}, ${p(2)}) returning "count"`,
    );
    const pair = batch.step<{ scope: string; window_start: number | bigint }>(
      (p) =>
        `insert into rate_windows (scope, window_start, "count") values (${p('t')}, ${p(60)}, ${p(1)}), (${p('u')}, ${p(120)}, ${p(1)}) returning scope, window_start`,
    );
    await db.transaction().execute((trx) => batch.write(trx));
    expect(bumped.rows.map((r) => Number(r.count))).toEqual([2]);
    expect(pair.rows.map((r) => [r.scope, Number(r.window_start)]).sort()).toEqual([
      ['t', 60],
      ['u', 120],
    ]);
    const total = await db.selectFrom('volume_totals').select(['merchant_id', 'total']).executeTakeFirstOrThrow();
    expect(total).toEqual({ merchant_id: 'm"1', total: largest });
    const row = await db.selectFrom('chain_cursors').select(['name', 'block_id']).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'line\nbreak', block_id: 'ünïcødé \'quoted\' "and" \\ back' });
  });

  it('a write batch whose step fails writes nothing', async () => {
    const { db } = await fresh(engine);
    await db.insertInto('rate_windows').values({ scope: 'taken', window_start: 0, count: 1 }).execute();
    const batch = new WriteBatch();
    batch.add('chain_cursors', [cursor('not-kept', 1)], {});
    batch.step((p) => `insert into rate_windows (scope, window_start, "count") values (${p('taken')}, ${p(0)}, ${p(1)}) returning scope`);
    await expect(db.transaction().execute((trx) => batch.write(trx))).rejects.toThrow(/unique|duplicate/i);
    expect(await db.selectFrom('chain_cursors').select('name').execute()).toEqual([]);
  });

  it('a lease-fenced write happens while the lease is held and not after another holder took it', async () => {
    const { db, writeAtomically } = await fresh(engine);
    const leases = new LeaseStore(db, systemClock, writeAtomically);
    await db.insertInto('chain_cursors').values(cursor('fenced', 1)).execute();
    const moveTo = (block: number) => (held: Parameters<Parameters<LeaseStore['writeWhileHeld']>[1]>[0]) => [
      db.updateTable('chain_cursors').set({ block_number: block }).where('name', '=', 'fenced').where(held).compile(),
    ];
    const lease = await leases.acquire('test-lease', 'holder-a', 60_000);
    if (!lease) throw new Error('the lease was not acquired');
    expect(await leases.writeWhileHeld(lease, moveTo(5))).toBe(true);

    await db.updateTable('leases').set({ expires_at: 0 }).where('name', '=', 'test-lease').execute();
    expect(await leases.acquire('test-lease', 'holder-b', 60_000)).not.toBeNull();
    expect(await leases.writeWhileHeld(lease, moveTo(9))).toBe(false);
    const row = await db.selectFrom('chain_cursors').select('block_number').where('name', '=', 'fenced').executeTakeFirstOrThrow();
    expect(Number(row.block_number)).toBe(5);
  });
});

describe('SQLite WAL checkpoints', () => {
  it('the writer thread copies what another connection committed into the database file', async () => {
    const database = await fresh('sqlite');
    const path = database.connection.sqlitePath as string;
    // a second connection, like the create pipeline's: it checkpoints itself only past 8192 pages
    const direct = openDatabase({ sqlitePath: path, sqliteMode: 'direct' });
    try {
      const before = statSync(path).size;
      const rows = Array.from({ length: 1500 }, (_, i) => ({ ...cursor(`c${i}`, i), block_id: 'x'.repeat(3000) }));
      for (let i = 0; i < rows.length; i += 100)
        await direct.db
          .insertInto('chain_cursors')
          .values(rows.slice(i, i + 100))
          .execute();
      const written = 1500 * 3000;
      const deadline = Date.now() + 5000;
      while (statSync(path).size < before + written && Date.now() < deadline) await sleep(50);
      expect(statSync(path).size).toBeGreaterThanOrEqual(before + written);
    } finally {
      await direct.close();
    }
  });
});
