/**
 * Settlement scheduling and the settlement API over a real database with a fake send queue (the chain
 * part is test/settlement.devnet.test.ts): when balances are due (schedule, threshold, merchant
 * override), the cap at max_settlement_amount with the rest settled next, a failed payee transfer giving
 * the balance back, retention, and `GET /settlements`, `/settlements/{id}`, `/settlement/info`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../src/app/gateway-core.js';
import type { SendQueue, SendRecord, SendRequest, SendTransaction } from '../src/modules/chain/send-contract.js';
import { TransfersRepository } from '../src/modules/collections/transfers.repository.js';
import { Outbox } from '../src/modules/outbox/outbox.js';
import { SettlementWorker } from '../src/modules/settlement/settlement.worker.js';
import { SettlementsRepository } from '../src/modules/settlement/settlements.repository.js';
import { fixedClock, toIso } from '../src/shared/clock.js';
import { newId } from '../src/shared/ids.js';
import { ENGINES } from './db-harness.js';
import { startTestGateway, type TestGateway } from './gateway-harness.js';

const USDT = 1_000_000n;
const T0 = Date.UTC(2026, 2, 10, 10, 0, 0); // a Tuesday, 10:00 UTC

/** Records what settling asks the sender for; `records` are what the handlers get back. */
class FakeSends implements SendQueue {
  readonly requests: SendRequest[] = [];
  async enqueue(_trx: SendTransaction, request: SendRequest): Promise<SendRecord> {
    const existing = this.requests.findIndex((r) => r.purpose === request.purpose && r.ownerId === request.ownerId);
    if (existing < 0) this.requests.push(request);
    return record(existing < 0 ? request : (this.requests[existing] as SendRequest));
  }
  async forOwner(): Promise<SendRecord[]> {
    return [];
  }
  of(purpose: string): SendRequest[] {
    return this.requests.filter((r) => r.purpose === purpose);
  }
}

function record(request: SendRequest, changes: Partial<SendRecord> = {}): SendRecord {
  return {
    id: `snd_${request.ownerId.slice(-16)}`,
    purpose: request.purpose,
    ownerId: request.ownerId,
    merchantId: request.merchantId,
    sequence: 1,
    signer: request.signer.kind === 'hot' ? `hot:${request.signer.merchantIndex}` : `deposit:${request.signer.index}`,
    fromAddress: 'T-from',
    toAddress: request.toAddress,
    asset: request.asset,
    amount: request.amount,
    resource: request.resource ?? null,
    feeLimit: 0n,
    priority: request.priority,
    maxRetries: request.maxRetries,
    status: 'completed',
    txId: 'ab'.repeat(32),
    expiration: null,
    attempts: 0,
    lastError: null,
    blockNumber: 100,
    energyUsed: 64_285n,
    networkFee: 6_773_500n,
    cost: null,
    energyDecision: null,
    energyWaitMs: null,
    failureReason: null,
    createdAt: 0,
    broadcastAt: null,
    confirmedAt: null,
    completedAt: null,
    ...changes,
  };
}

interface SettlementJson {
  settlement_id: string;
  status: string;
  amount: string;
  trigger: string | null;
  failure_reason: string | null;
  network_fee: string | null;
  sweep_cost: string;
  total_network_cost: string;
  archived: boolean;
  sweeps_summary: { count: number };
  sweeps?: unknown[];
}

describe.each(ENGINES)('settlement scheduling and API (%s)', (engine) => {
  let gw: TestGateway;
  const clock = fixedClock(T0);
  let sends: FakeSends;
  let worker: SettlementWorker;

  beforeAll(async () => {
    gw = await startTestGateway(engine, {
      clock,
      config: {
        settlement: { frequency: 'daily', settlement_time_utc: '23:00', min_settlement_amount: '50', max_settlement_amount: '100' },
      },
    });
    sends = new FakeSends();
    worker = new SettlementWorker({
      db: gw.db.db,
      engine,
      config: gw.config,
      clock,
      ids: newId,
      outbox: new Outbox({ clock, ids: newId, apiVersion: API_VERSION }),
      audit: gw.core.audit,
      ledger: gw.core.ledger,
      settlements: new SettlementsRepository(engine),
      transfers: new TransfersRepository(),
      jobs: gw.core.jobs,
      sends,
      chain: gw.chain,
      hotWalletAddress: (i) => gw.wallets.hotWalletAddress(i),
    });
  });
  afterAll(async () => gw?.close());

  let refs = 0;
  const credit = (payee: string, amount: bigint, merchantId = gw.merchantId) =>
    gw.core.ledger.post(gw.db.db, {
      merchantId,
      payeeAddress: payee,
      currency: 'USDT',
      kind: 'collection',
      referenceId: `pay_test${String(++refs).padStart(12, '0')}`,
      amount,
    });
  const balance = async (payee: string) => {
    const row = await gw.db.db.selectFrom('merchant_balances').select('balance').where('payee_address', '=', payee).executeTakeFirst();
    return row ? BigInt(row.balance) : 0n;
  };
  const handlers = () => worker.handlers();
  /** What the sender reports when the payee transfer of `id` lands (or fails). */
  const payeeTransfer = async (id: string, outcome: 'completed' | 'failed') => {
    const request = sends.of('settlement').find((r) => r.ownerId === id);
    expect(request, `no payee transfer queued for ${id}`).toBeDefined();
    await gw.db.db.transaction().execute(async (trx) => {
      const h = handlers().settlement;
      if (outcome === 'completed') await h.onCompleted?.(trx, record(request as SendRequest));
      else await h.onFailed?.(trx, record(request as SendRequest, { status: 'failed', txId: null }), 'recipient_blacklisted', 'listed');
    });
  };
  const get = (id: string, key = gw.adminKey) => gw.call<SettlementJson>('GET', `/api/v1/payments/settlements/${id}`, { key });

  it('daily: a small balance waits for 23:00 UTC, then settles (trigger schedule)', async () => {
    const payee = gw.addresses[0] as string;
    await credit(payee, 10n * USDT);
    expect(await worker.runDue()).toEqual([]);
    clock.set(Date.UTC(2026, 2, 10, 22, 59, 59));
    expect(await worker.runDue()).toEqual([]);
    clock.set(Date.UTC(2026, 2, 10, 23, 0, 0));
    const [id] = await worker.runDue();
    expect(id).toMatch(/^stl_[0-9a-f]{32}$/);
    expect(await balance(payee)).toBe(0n);
    // no sweeps needed (nothing collected on chain here): the payee transfer is queued by the advance step
    await worker.advance(id as string);
    expect(sends.of('settlement').find((r) => r.ownerId === id)).toMatchObject({
      toAddress: payee,
      asset: 'USDT',
      amount: 10n * USDT,
      signer: { kind: 'hot', merchantIndex: expect.any(Number) },
    });
    await payeeTransfer(id as string, 'completed');
    const res = await get(id as string);
    expect(res.body).toMatchObject({
      status: 'completed',
      amount: '10',
      trigger: 'schedule',
      network_fee: '6.7735',
      sweep_cost: '0',
      total_network_cost: '6.7735',
      sweeps: [],
    });
  });

  it('threshold: a balance reaching min_settlement_amount settles at once; max caps it and the rest settles next', async () => {
    clock.set(Date.UTC(2026, 2, 11, 9, 0, 0));
    const payee = gw.addresses[1] as string;
    await credit(payee, 250n * USDT);
    const moved: bigint[] = [];
    for (let round = 0; round < 5; round++) {
      const started = await worker.runDue();
      if (started.length === 0) break;
      expect(started).toHaveLength(1);
      const id = started[0] as string;
      // one open settlement per balance: nothing more starts while it runs
      expect(await worker.runDue()).toEqual([]);
      await worker.advance(id);
      await payeeTransfer(id, 'completed');
      const row = await gw.db.db.selectFrom('settlements').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      moved.push(BigInt(row.amount));
      clock.advance(1000);
    }
    // 100 and 100 by threshold; the 50 left is exactly the threshold too
    expect(moved).toEqual([100n * USDT, 100n * USDT, 50n * USDT]);
    expect(await balance(payee)).toBe(0n);
  });

  it('a remainder below the threshold waits for the schedule', async () => {
    clock.set(Date.UTC(2026, 2, 12, 9, 0, 0));
    const payee = gw.addresses[2] as string;
    await credit(payee, 130n * USDT);
    const [first] = await worker.runDue();
    await worker.advance(first as string);
    await payeeTransfer(first as string, 'completed');
    expect(await balance(payee)).toBe(30n * USDT);
    clock.set(Date.UTC(2026, 2, 12, 22, 0, 0));
    expect(await worker.runDue()).toEqual([]);
    clock.set(Date.UTC(2026, 2, 12, 23, 0, 0));
    const [second] = await worker.runDue();
    const row = await gw.db.db
      .selectFrom('settlements')
      .selectAll()
      .where('id', '=', second as string)
      .executeTakeFirstOrThrow();
    expect([BigInt(row.amount), row.trigger]).toEqual([30n * USDT, 'schedule']);
    await worker.advance(second as string);
    await payeeTransfer(second as string, 'completed');
  });

  it("a merchant's own frequency overrides the configured one", async () => {
    const other = await gw.createMerchant();
    await gw.db.db.updateTable('merchants').set({ settlement_frequency: 'instant' }).where('id', '=', other.merchantId).execute();
    const payee = gw.addresses[3] as string;
    await credit(payee, 1n * USDT, other.merchantId);
    const started = await worker.runDue();
    expect(started).toHaveLength(1);
    const info = await gw.call<Record<string, unknown>>('GET', '/api/v1/payments/settlement/info', { key: other.adminKey });
    expect(info.body).toMatchObject({ frequency: 'instant', next_settlement_at: null, pending_amount: { USDT: '0', TRX: '0' } });
    // another merchant's settlement is not found
    expect((await get(started[0] as string)).status).toBe(404);
    expect((await get(started[0] as string, other.adminKey)).status).toBe(200);
    await worker.advance(started[0] as string);
    await payeeTransfer(started[0] as string, 'completed');
  });

  it('a failed payee transfer fails the settlement and gives the balance back; retried after failed_retry_minutes', async () => {
    clock.set(Date.UTC(2026, 2, 13, 9, 0, 0));
    const payee = gw.addresses[4] as string;
    await credit(payee, 60n * USDT);
    const [id] = await worker.runDue();
    await worker.advance(id as string);
    await payeeTransfer(id as string, 'failed');
    const res = await get(id as string);
    expect(res.body).toMatchObject({ status: 'failed', failure_reason: 'recipient_blacklisted' });
    expect(await balance(payee)).toBe(60n * USDT);
    const kinds = await gw.db.db
      .selectFrom('ledger_entries')
      .select(['kind', 'amount'])
      .where('reference_id', '=', id as string)
      .execute();
    expect(kinds.map((k) => [k.kind, BigInt(k.amount)]).sort()).toEqual([
      ['settlement', -60n * USDT],
      ['settlement_reversal', 60n * USDT],
    ]);
    // a second failure report changes nothing
    await payeeTransfer(id as string, 'failed');
    expect(await balance(payee)).toBe(60n * USDT);
    // the threshold is met, but a failed balance waits an hour
    clock.advance(59 * 60_000);
    expect(await worker.runDue()).toEqual([]);
    clock.advance(60_000);
    const [retry] = await worker.runDue();
    expect(retry).toBeDefined();
    await worker.advance(retry as string);
    await payeeTransfer(retry as string, 'completed');
    expect(await balance(payee)).toBe(0n);
  });

  it('lists settlements newest first with cursor pagination and filters; payments:read is enough, others are refused', async () => {
    const all = await gw.call<{ object: string; data: SettlementJson[]; has_more: boolean; next_cursor: string | null }>(
      'GET',
      '/api/v1/payments/settlements?limit=100',
      { key: gw.adminKey },
    );
    expect(all.status).toBe(200);
    const ids = all.body.data.map((s) => s.settlement_id);
    expect(ids.length).toBeGreaterThanOrEqual(7);
    const rows = await gw.db.db.selectFrom('settlements').select(['id', 'created_at']).where('merchant_id', '=', gw.merchantId).execute();
    const expected = rows.sort((a, b) => Number(b.created_at) - Number(a.created_at) || (b.id < a.id ? -1 : 1)).map((r) => r.id);
    expect(ids).toEqual(expected);
    expect(all.body.data[0]).not.toHaveProperty('sweeps');
    expect(all.body.data[0]?.sweeps_summary).toMatchObject({ count: 0 });

    const pages: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const url: string = `/api/v1/payments/settlements?limit=3${cursor ? `&starting_after=${cursor}` : ''}`;
      const page = await gw.call<{ data: SettlementJson[]; has_more: boolean; next_cursor: string | null }>('GET', url, {
        key: await gw.key(['payments:read']),
      });
      expect(page.status).toBe(200);
      pages.push(...page.body.data.map((s) => s.settlement_id));
      if (!page.body.has_more) break;
      cursor = page.body.next_cursor;
    }
    expect(pages).toEqual(ids);

    const failed = await gw.call<{ data: SettlementJson[] }>('GET', '/api/v1/payments/settlements?status=failed', { key: gw.adminKey });
    expect(failed.body.data.map((s) => s.status)).toEqual(['failed']);
    expect((await gw.call('GET', '/api/v1/payments/settlements?starting_after=stl_0000000000000000', { key: gw.adminKey })).status).toBe(
      422,
    );
    expect((await gw.call('GET', '/api/v1/payments/settlements?bogus=1', { key: gw.adminKey })).status).toBe(422);
    expect((await get('stl_0000000000000000')).status).toBe(404);
    expect((await gw.call('GET', '/api/v1/payments/settlements', { key: await gw.key(['webhooks:manage']) })).status).toBe(403);
    expect((await gw.call('GET', '/api/v1/payments/settlements')).status).toBe(401);
  });

  it('shows the ledger balance as pending and the last settlement on /settlement/info', async () => {
    const payee = gw.addresses[5] as string;
    await credit(payee, 12_500_000n);
    const res = await gw.call<Record<string, unknown>>('GET', '/api/v1/payments/settlement/info', { key: gw.adminKey });
    const last = await gw.db.db
      .selectFrom('settlements')
      .selectAll()
      .where('merchant_id', '=', gw.merchantId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(res.body).toMatchObject({
      frequency: 'daily',
      next_settlement_at: toIso(Date.UTC(2026, 2, 13, 23, 0, 0)),
      pending_amount: { USDT: '12.5', TRX: '0' },
      threshold: '50',
      max_settlement_amount: '100',
      last_settlement: { settlement_id: last.id, status: last.status },
    });
  });

  it('archives finished settlements older than retention_period_days: kept, out of the default list', async () => {
    const before = await gw.call<{ data: SettlementJson[] }>('GET', '/api/v1/payments/settlements?limit=100', { key: gw.adminKey });
    clock.advance(366 * 86_400_000);
    const archived = await worker.archive();
    expect(archived).toBeGreaterThanOrEqual(before.body.data.length);
    expect(await worker.archive()).toBe(0);
    const after = await gw.call<{ data: SettlementJson[] }>('GET', '/api/v1/payments/settlements?limit=100', { key: gw.adminKey });
    expect(after.body.data).toEqual([]);
    const withArchived = await gw.call<{ data: SettlementJson[] }>('GET', '/api/v1/payments/settlements?limit=100&include_archived=true', {
      key: gw.adminKey,
    });
    expect(withArchived.body.data.map((s) => s.settlement_id)).toEqual(before.body.data.map((s) => s.settlement_id));
    expect(withArchived.body.data.every((s) => s.archived)).toBe(true);
    expect((await get(before.body.data[0]?.settlement_id as string)).body.archived).toBe(true);
  });
});
