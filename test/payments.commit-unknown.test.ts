/**
 * PostgreSQL: the create pipeline when a COMMIT's answer is lost. If the commit did happen, the payment
 * must not be written a second time (a payout created twice would be paid twice); if it did not, nothing
 * is stored and the caller gets an error to retry. A database that cannot be reached at all answers every
 * waiting request instead of leaving it hanging.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GatewayConfig } from '../src/config/load.js';
import type { DB } from '../src/db/schema.js';
import { TransactionChain } from '../src/db/transaction-chain.js';
import { CreatePipeline, type CreatePipelineDeps } from '../src/modules/payments/create-pipeline.js';
import { type PaymentJson, startTestGateway, type TestGateway, testAddresses } from './gateway-harness.js';

/** What a lost connection looks like to pg: an error without a SQLSTATE code. */
const connectionLost = () => new Error('Connection terminated unexpectedly');

describe('postgres: a create transaction whose COMMIT answer is lost', () => {
  let gw: TestGateway;
  let n = 0;
  beforeAll(async () => {
    gw = await startTestGateway('postgres');
  });
  afterAll(async () => {
    await gw?.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const create = (reference: string) =>
    gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { payee_address: testAddresses(1, 400 + ++n)[0], amount: `${n}`, payment_method: 'route', reference_id: reference },
    });

  const stored = async (reference: string) => {
    const rows = await gw.db.db.selectFrom('payments').select('id').where('reference_id', '=', reference).execute();
    const events = await gw.db.db
      .selectFrom('outbox')
      .select('id')
      .where('aggregate_id', 'in', rows.map((r) => r.id).concat(['none']))
      .execute();
    return { payments: rows.length, events: events.length };
  };

  it('committed, then the answer was lost: the payment stands, answered once and stored once', async () => {
    const original = TransactionChain.prototype.sendCommit;
    vi.spyOn(TransactionChain.prototype, 'sendCommit').mockImplementationOnce(async function (this: TransactionChain, chain) {
      await original.call(this, chain);
      throw connectionLost();
    });
    const res = await create('commit-answer-lost');
    expect(res.status, res.text).toBe(201);
    expect(await stored('commit-answer-lost')).toEqual({ payments: 1, events: 1 });
    // the pipeline carries on with a fresh connection
    const next = await create('after-lost-answer');
    expect(next.status, next.text).toBe(201);
  });

  it('never reached the database: nothing is stored and the caller gets a 500 to retry', async () => {
    vi.spyOn(TransactionChain.prototype, 'sendCommit').mockImplementationOnce(async () => {
      throw connectionLost();
    });
    const res = await create('commit-never-sent');
    expect(res.status, res.text).toBe(500);
    expect(await stored('commit-never-sent')).toEqual({ payments: 0, events: 0 });
    const retry = await create('commit-never-sent');
    expect(retry.status, retry.text).toBe(201);
    expect(await stored('commit-never-sent')).toEqual({ payments: 1, events: 1 });
  });
});

describe('postgres: a create pipeline whose database cannot be reached', () => {
  it('answers each waiting unit with an internal error instead of hanging', async () => {
    // port 1 on the loopback: the connection is refused at once
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: 'postgres://x@127.0.0.1:1/x', max: 1 }) }),
    });
    const errors: unknown[] = [];
    const pipeline = new CreatePipeline({
      db,
      config: { limits: {}, raw: { batch_processing: { max_concurrent_batches: 1 } } } as unknown as GatewayConfig,
      lingerMs: 0,
      onError: (error: unknown) => errors.push(error),
    } as unknown as CreatePipelineDeps);
    const unit = { merchantId: 'mer_0000000000000001', actor: 'test', requestId: null, drafts: [], response: { kind: 'payment' as const } };
    const outcomes = await Promise.all([pipeline.submit(unit), pipeline.submit(unit)]);
    for (const outcome of outcomes) expect(outcome).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(errors.length).toBeGreaterThan(0);
    await db.destroy();
  });
});
