/**
 * A unit written on its own (after its group crossed a limit or failed) takes its locks in the order
 * a group does: address activity counters, then the merchant's counters, then the audit head. With the
 * merchant's counters first, it could deadlock with another process's group. And when PostgreSQL aborts
 * a write to break a deadlock, the write is run again rather than answered with an error.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { UsageRepository } from '../src/modules/limits/usage.repository.js';
import { ENGINES } from './db-harness.js';
import { type PaymentJson, startTestGateway, type TestGateway, testAddresses } from './gateway-harness.js';

const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });

describe('postgres: a unit written on its own locks counters in the group order', () => {
  const log: string[] = [];
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway('postgres', { onQuery: (sql) => log.push(sql) });
  });
  afterAll(async () => {
    await gw?.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('upserts the address counters before it locks the merchant counters', async () => {
    // the group's conditional increment reports a crossed limit once: the unit is then written on its own
    vi.spyOn(UsageRepository.prototype, 'consumeInto').mockReturnValueOnce(() => false);
    log.length = 0;
    const res = await gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { payee_address: testAddresses(1, 610)[0], amount: '3' },
    });
    expect(res.status, res.text).toBe(201);
    const addressCounters = log.map((sql, i) => (sql.includes('unnest(') && sql.includes('rate_windows') ? i : -1)).filter((i) => i >= 0);
    const merchantLocks = log
      .map((sql, i) => (sql.includes('from "rate_windows"') && sql.includes('for update') ? i : -1))
      .filter((i) => i >= 0);
    // the group's attempt (rolled back), then the unit's own
    expect(addressCounters).toHaveLength(2);
    expect(merchantLocks).toHaveLength(1);
    expect(addressCounters[1]).toBeLessThan(merchantLocks[0] as number);
  });
});

describe.each(ENGINES)('a write aborted to break a deadlock (%s)', (engine) => {
  let gw: TestGateway;
  let n = 0;
  beforeAll(async () => {
    gw = await startTestGateway(engine);
  });
  afterAll(async () => {
    await gw?.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const create = (amount: string) =>
    gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { payee_address: testAddresses(1, 620 + n++)[0], amount, reference_id: `deadlock-${amount}` },
    });
  const stored = async (reference: string) => {
    const ids = (await gw.db.db.selectFrom('payments').select('id').where('reference_id', '=', reference).execute()).map((r) => r.id);
    if (ids.length === 0) return { payments: 0, events: 0 };
    const events = await gw.db.db.selectFrom('outbox').select('id').where('aggregate_id', 'in', ids).execute();
    return { payments: ids.length, events: events.length };
  };

  it('is written again and answered once: one payment, one event', async () => {
    const original = UsageRepository.prototype.countAddressActivityInto;
    const spy = vi.spyOn(UsageRepository.prototype, 'countAddressActivityInto');
    spy.mockImplementationOnce(() => {
      throw deadlock();
    });
    spy.mockImplementation(function (this: UsageRepository, ...args) {
      return original.apply(this, args);
    });
    const res = await create('4');
    expect(res.status, res.text).toBe(201);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(await stored('deadlock-4')).toEqual({ payments: 1, events: 1 });
  });

  it('gives up after three aborted attempts with a 500, storing nothing, and the next create succeeds', async () => {
    const spy = vi.spyOn(UsageRepository.prototype, 'countAddressActivityInto').mockImplementation(() => {
      throw deadlock();
    });
    const res = await create('5');
    expect(res.status).toBe(500);
    expect(spy).toHaveBeenCalledTimes(3);
    expect(await stored('deadlock-5')).toEqual({ payments: 0, events: 0 });
    spy.mockRestore();
    expect((await create('6')).status).toBe(201);
  });
});
