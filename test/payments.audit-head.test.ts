/**
 * The create pipeline reads the audit head with its claims and writes its records with its rows,
 * moving the head only if no other appender moved it in between (ADR 0020). When one did, the group is
 * written again with the head locked: every creation answers 201, is stored once, and the chain stays
 * intact. The race is staged by handing the pipeline a head as it would have read it before another
 * appender: with a stale hash (the seqs are free, the head's move fails) or a stale seq (the records'
 * seqs are taken).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuditTrail, type ReservedHead } from '../src/modules/audit/audit-trail.js';
import { verifyAuditChain } from '../src/modules/audit/audit-verify.js';
import { ENGINES } from './db-harness.js';
import { type PaymentJson, startTestGateway, type TestGateway, testAddresses } from './gateway-harness.js';

describe.each(ENGINES)('audit head read ahead by the create pipeline (%s)', (engine) => {
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

  const create = () =>
    gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
      key: gw.adminKey,
      body: { payee_address: testAddresses(1, 700 + n)[0], amount: `${++n}` },
    });

  const recordsOf = (paymentId: string) =>
    gw.db.db.selectFrom('audit_log').select(['seq', 'action']).where('entity_id', '=', paymentId).execute();

  const head = () => gw.db.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();

  /** Makes the pipeline's next conditional append see `stale(head)` instead of the head it read. */
  function staleHeadOnce(stale: (read: ReservedHead) => ReservedHead) {
    const original = AuditTrail.prototype.appendIfUnmovedInto;
    const spy = vi.spyOn(AuditTrail.prototype, 'appendIfUnmovedInto');
    spy.mockImplementationOnce(function (this: AuditTrail, batch, read, entries) {
      return original.call(this, batch, stale(read), entries);
    });
    return spy;
  }

  it('writes the records and moves the head in the same statement as the rows', async () => {
    const before = await head();
    const res = await create();
    expect(res.status, res.text).toBe(201);
    const records = await recordsOf(res.body.payment_id);
    expect(records).toEqual([{ seq: expect.anything(), action: 'payment.created' }]);
    expect(Number((await head()).seq)).toBe(Number(before.seq) + 1);
    expect(await verifyAuditChain(gw.db.db)).toMatchObject({ ok: true });
  });

  it('writes the group again with the head locked when the head moved (its hash changed)', async () => {
    const spy = staleHeadOnce((h) => ({ ...h, hash: 'f'.repeat(64) }));
    const before = await head();
    const res = await create();
    expect(res.status, res.text).toBe(201);
    expect(spy).toHaveBeenCalledTimes(1); // the retry locks the head instead
    expect(await recordsOf(res.body.payment_id)).toHaveLength(1);
    expect(Number((await head()).seq)).toBe(Number(before.seq) + 1);
    expect(await verifyAuditChain(gw.db.db)).toMatchObject({ ok: true });
  });

  it('writes the group again with the head locked when another appender took its seqs', async () => {
    await create(); // at least one record to collide with
    const spy = staleHeadOnce((h) => ({ ...h, lastSeq: h.lastSeq - 1 }));
    const before = await head();
    const res = await create();
    expect(res.status, res.text).toBe(201);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(await recordsOf(res.body.payment_id)).toHaveLength(1);
    const stored = await gw.db.db.selectFrom('payments').select('id').where('id', '=', res.body.payment_id).execute();
    expect(stored).toHaveLength(1);
    expect(Number((await head()).seq)).toBe(Number(before.seq) + 1);
    expect(await verifyAuditChain(gw.db.db)).toMatchObject({ ok: true });
  });
});
