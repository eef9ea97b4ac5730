/**
 * Writes that skip a held-open transaction: Database.writeAtomically (atomic-writes.ts; on SQLite one
 * message to the writer thread), LeaseStore.writeWhileHeld on top of it, and the SQLite writer thread's
 * background WAL checkpoints.
 */
import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
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
