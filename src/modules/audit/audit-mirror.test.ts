import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../test/db-harness.js';
import { fixedClock } from '../../shared/clock.js';
import { AuditMirror } from './audit-mirror.js';
import { type AuditEntry, AuditTrail } from './audit-trail.js';

const entry = (i: number): AuditEntry => ({
  merchantId: 'mer_0000000000000001',
  actor: 'system:test',
  action: 'payment.cancelled',
  entityType: 'payment',
  entityId: `pay_${i}`,
  requestId: null,
  before: { status: 'pending' },
  after: { status: 'cancelled', n: i },
});

const linesOf = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { seq: number; merchant_id: string; after: { n: number }; at: string; hash: string });

describe.each(ENGINES)('audit mirror (%s)', (engine) => {
  let database: TestDatabase;
  let dir: string;
  let path: string;
  const trail = new AuditTrail(fixedClock(Date.UTC(2026, 5, 1)));
  let next = 1;
  const append = async (count: number) => {
    const entries = Array.from({ length: count }, () => entry(next++));
    await database.db.transaction().execute((trx) => trail.record(trx, entries));
  };

  beforeEach(async () => {
    database = await openTestDatabase(engine);
    dir = mkdtempSync(join(tmpdir(), 'tpg-audit-mirror-'));
    path = join(dir, 'nested', 'audit.jsonl');
    next = 1;
  });
  afterEach(async () => {
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends committed records in seq order, one JSON object per line, in batches', async () => {
    await append(7);
    const mirror = new AuditMirror({ db: database.db, path, batch: 3 });
    expect(await mirror.syncOnce()).toBe(7);
    expect(await mirror.syncOnce()).toBe(0);
    await mirror.stop();
    const lines = linesOf(path);
    expect(lines.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(lines.map((l) => l.after.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(lines[0]).toMatchObject({ merchant_id: 'mer_0000000000000001', at: '2026-06-01T00:00:00.000Z', action: 'payment.cancelled' });
    expect(lines[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('resumes after a restart from the last seq in the file: no duplicates, no gaps', async () => {
    await append(4);
    const first = new AuditMirror({ db: database.db, path });
    await first.syncOnce();
    await first.stop();
    await append(5);
    const second = new AuditMirror({ db: database.db, path });
    expect(await second.syncOnce()).toBe(5);
    await second.stop();
    expect(linesOf(path).map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('cuts off a torn last line left by a crash and writes that record again', async () => {
    await append(3);
    const first = new AuditMirror({ db: database.db, path });
    await first.syncOnce();
    await first.stop();
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    // the last record half written
    writeFileSync(path, `${lines.slice(0, 2).join('\n')}\n${(lines[2] ?? '').slice(0, 40)}`);
    const second = new AuditMirror({ db: database.db, path });
    expect(await second.syncOnce()).toBe(1);
    await second.stop();
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('stops at a gap (deleted rows) instead of skipping it, and says so', async () => {
    await append(5);
    await database.db.deleteFrom('audit_log').where('seq', '=', 3).execute();
    const errors: string[] = [];
    const mirror = new AuditMirror({ db: database.db, path, onError: (e) => errors.push((e as Error).message) });
    expect(await mirror.syncOnce()).toBe(2);
    await mirror.stop();
    expect(linesOf(path).map((l) => l.seq)).toEqual([1, 2]);
    expect(errors[0]).toBe('audit mirror: record 3 is missing; mirroring stops there');
  });

  it('runs as a background tail once started, and writes what is left when stopped', async () => {
    const mirror = new AuditMirror({ db: database.db, path, intervalMs: 10 });
    mirror.start();
    await append(2);
    await mirror.stop();
    expect(linesOf(path).map((l) => l.seq)).toEqual([1, 2]);
  });
});
