import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { readChain } from '../src/modules/audit/audit.repository.js';
import { type AuditEntry, AuditTrail, auditHash } from '../src/modules/audit/audit-trail.js';
import { verifyAuditChain } from '../src/modules/audit/audit-verify.js';
import { fixedClock } from '../src/shared/clock.js';
import { runCli } from './cli-harness.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './db-harness.js';

const entry = (i: number): AuditEntry => ({
  merchantId: 'mer_0000000000000001',
  actor: 'key_0000000000000001',
  action: 'payment.created',
  entityType: 'payment',
  entityId: `pay_${i.toString(16).padStart(16, '0')}`,
  requestId: `req_${i}`,
  after: { id: `pay_${i}`, amount: `${i}.500000`, status: 'pending' },
});

/** `count` records in groups of up to three (one record call per group, as the pipeline does). */
async function writeChain(db: TestDatabase['db'], count: number): Promise<void> {
  const trail = new AuditTrail(fixedClock(Date.UTC(2026, 0, 2, 3, 4, 5)));
  for (let i = 1; i <= count; ) {
    const group = Array.from({ length: Math.min(3, count - i + 1) }, (_, k) => entry(i + k));
    await db.transaction().execute((trx) => trail.record(trx, group));
    i += group.length;
  }
}

describe.each(ENGINES)('audit chain verification (%s)', (engine) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(engine);
    await writeChain(database.db, 10);
  });
  afterEach(async () => database.destroy());

  it('verifies an intact chain in chunks, reporting progress', async () => {
    const progress: Array<[number, number]> = [];
    const result = await verifyAuditChain(database.db, { chunk: 4, onProgress: (checked, total) => progress.push([checked, total]) });
    expect(result).toMatchObject({ ok: true, count: 10, headSeq: 10 });
    expect(progress).toEqual([
      [4, 10],
      [8, 10],
      [10, 10],
    ]);
  });

  it('an empty log is intact', async () => {
    await database.db.deleteFrom('audit_log').execute();
    await database.db
      .updateTable('audit_head')
      .set({ seq: 0, hash: '0'.repeat(64) })
      .execute();
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, count: 0 });
  });

  it('detects an UPDATE of one record at that seq', async () => {
    await database.db
      .updateTable('audit_log')
      .set({ after: '{"id":"pay_4","amount":"4000.500000","status":"pending"}' })
      .where('seq', '=', 4)
      .execute();
    const result = await verifyAuditChain(database.db, { chunk: 3 });
    expect(result).toMatchObject({ ok: false, checked: 3, problem: { kind: 'changed', seq: 4 } });
    if (!result.ok) expect(result.problem.message).toBe('record 4 was changed after it was written');
  });

  it('detects a record rewritten with a freshly computed hash, at the next record', async () => {
    const [row] = await readChain(database.db, 5, 1);
    if (!row) throw new Error('no record 6');
    const rewritten = { ...row, actor: 'key_someone_else' };
    const { hash: _old, ...columns } = rewritten;
    await database.db
      .updateTable('audit_log')
      .set({ actor: rewritten.actor, hash: auditHash(columns) })
      .where('seq', '=', 6)
      .execute();
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, checked: 6, problem: { kind: 'broken_link', seq: 7 } });
  });

  it('detects a deleted middle record as missing', async () => {
    await database.db.deleteFrom('audit_log').where('seq', 'in', [5, 6]).execute();
    const result = await verifyAuditChain(database.db, { chunk: 2 });
    expect(result).toMatchObject({ ok: false, checked: 4, problem: { kind: 'missing', from: 5, to: 6 } });
    if (!result.ok) expect(result.problem.message).toBe('records 5..6 are missing (deleted)');
  });

  it('detects a deleted last record through the head', async () => {
    await database.db.deleteFrom('audit_log').where('seq', '=', 10).execute();
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: false, checked: 9, problem: { kind: 'truncated', from: 10, to: 10 } });
  });

  it('detects a head that does not hold the last hash, or was rolled back', async () => {
    await database.db
      .updateTable('audit_head')
      .set({ hash: 'f'.repeat(64) })
      .execute();
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, problem: { kind: 'head_mismatch', seq: 10 } });

    const [ninth] = await readChain(database.db, 8, 1);
    await database.db
      .updateTable('audit_head')
      .set({ seq: 9, hash: ninth?.hash ?? '' })
      .execute();
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, problem: { kind: 'head_mismatch', seq: 10 } });
  });
});

// ---------------------------------------------------------------- CLI

const temp = mkdtempSync(join(tmpdir(), 'tpg-audit-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const cli = runCli;

describe('tron-payment-gateway audit verify', () => {
  it('exits 0 with the count when intact, 1 naming the changed record otherwise', { timeout: 120_000 }, async () => {
    const dataDir = join(temp, 'verify');
    const database = openDatabase({ sqlitePath: join(dataDir, 'gateway.sqlite') });
    try {
      await migrateToLatest(database.db);
      await writeChain(database.db, 7);
    } finally {
      await database.close();
    }
    const env = { DATA_DIR: dataDir };
    const intact = await cli(['audit', 'verify'], env);
    expect(intact.stderr).toBe('');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/^audit log intact: 7 records, head seq 7/);

    const again = openDatabase({ sqlitePath: join(dataDir, 'gateway.sqlite') });
    try {
      await again.db.updateTable('audit_log').set({ actor: 'cli:forged' }).where('seq', '=', 3).execute();
    } finally {
      await again.close();
    }
    const broken = await cli(['audit', 'verify', '--json'], env);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, checked: 2, problem: { kind: 'changed', seq: 3 } });
  });
});
