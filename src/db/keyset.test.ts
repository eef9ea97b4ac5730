import { CompiledQuery, type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../test/db-harness.js';
import { afterKeyset } from './keyset.js';
import type { DB } from './schema.js';

const ROWS = 20_000;
const PAGE = 50;

type Tables = {
  keyset_rows: { id: string; created_at: number };
};

/** Rows whose created_at repeats (seven per value) and whose ids do not follow created_at. */
async function fill(database: TestDatabase): Promise<void> {
  await sql`create table keyset_rows (id text primary key, created_at bigint not null)`.execute(database.db);
  await sql`create index keyset_rows_created on keyset_rows (created_at)`.execute(database.db);
  // 7919 and the prime 100003 are coprime: the ids are distinct and shuffled.
  if (database.engine === 'postgres') {
    await sql`insert into keyset_rows select lpad(((g * 7919) % 100003)::text, 6, '0'), g / 7 from generate_series(1, ${sql.lit(ROWS)}) g`.execute(
      database.db,
    );
    await sql`analyze keyset_rows`.execute(database.db);
  } else {
    await sql`insert into keyset_rows (id, created_at) with recursive g(n) as (select 1 union all select n + 1 from g where n < ${sql.lit(ROWS)}) select printf('%06d', (n * 7919) % 100003), n / 7 from g`.execute(
      database.db,
    );
  }
}

describe.each(ENGINES)('afterKeyset (%s)', (engine) => {
  let database: TestDatabase;
  let db: Kysely<DB & Tables>;
  beforeAll(async () => {
    database = await openTestDatabase(engine, { migrate: false });
    db = database.db.withTables<Tables>();
    await fill(database);
  });
  afterAll(async () => {
    await database?.destroy();
  });

  const all = async (order: 'asc' | 'desc') =>
    (await db.selectFrom('keyset_rows').select('id').orderBy('created_at', order).orderBy('id', order).execute()).map((r) => r.id);

  it.each(['asc', 'desc'] as const)('pages through every row once, ties on created_at included (%s)', async (order) => {
    const seen: string[] = [];
    let cursor: { createdAt: number; id: string } | null = null;
    for (;;) {
      let query = db
        .selectFrom('keyset_rows')
        .select(['id', 'created_at'])
        .orderBy('created_at', order)
        .orderBy('id', order)
        .limit(PAGE * 10);
      if (cursor) query = query.where(afterKeyset(order, cursor));
      const page = await query.execute();
      seen.push(...page.map((r) => r.id));
      const last = page.at(-1);
      if (!last) break;
      cursor = { createdAt: Number(last.created_at), id: last.id };
    }
    expect(seen).toEqual(await all(order));
  });

  // With statistics lagging behind a fast-growing table, PostgreSQL may walk the created_at index in
  // order (for the LIMIT) instead of a bitmap scan; the plain OR form then reads it from its start.
  it.runIf(engine === 'postgres').each([
    ['as the planner chooses', []],
    ['when it walks the index in order', ['enable_bitmapscan', 'enable_seqscan', 'enable_sort']],
  ] as const)('a page near the end reads about a page of rows (%s)', async (_, disabled) => {
    const sorted = await all('asc');
    const cursorId = sorted[ROWS - 200] as string;
    const cursorRow = await db.selectFrom('keyset_rows').select('created_at').where('id', '=', cursorId).executeTakeFirstOrThrow();
    const query = db
      .selectFrom('keyset_rows')
      .select(['id', 'created_at'])
      .where(afterKeyset('asc', { createdAt: Number(cursorRow.created_at), id: cursorId }))
      .orderBy('created_at')
      .orderBy('id')
      .limit(PAGE)
      .compile();
    const plan = await database.db.transaction().execute(async (trx) => {
      for (const setting of disabled) await sql`set local ${sql.raw(setting)} = off`.execute(trx);
      const explained = await trx.executeQuery<{ 'QUERY PLAN': unknown }>(
        CompiledQuery.raw(`explain (analyze, format json) ${query.sql}`, [...query.parameters]),
      );
      return explained.rows[0]?.['QUERY PLAN'];
    });
    // 199 rows follow the cursor; the plain OR form walking the index reads ~20,000.
    expect(sumPlan(plan)).toBeLessThan(500);
  });
});

/** Rows every scan node produced or discarded, over the whole plan. */
function sumPlan(plan: unknown): number {
  let total = 0;
  const visit = (node: Record<string, unknown>) => {
    const type = String(node['Node Type']);
    if (type.includes('Scan')) total += Number(node['Actual Rows'] ?? 0) + Number(node['Rows Removed by Filter'] ?? 0);
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) visit(child);
  };
  for (const root of plan as Array<{ Plan: Record<string, unknown> }>) visit(root.Plan);
  return total;
}
