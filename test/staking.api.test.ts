/**
 * Staking from the gateway (issue 19): `POST /api/v1/wallet/stake`, `/unstake` and `/withdraw-unstaked`
 * are the operator's (admin scope); each checks the hot wallet's account on the node as java-tron would
 * (at least 1 TRX, not more than the balance or than is staked, 32 pending unstakes at most, something
 * past the unfreeze delay to withdraw), names the field it refuses, queues exactly one chain send and
 * records the request and its outcome in the audit log. Idempotency-Key replays the first answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/shared/clock.js';
import { ENGINES } from './db-harness.js';
import { startTestGateway, type TestGateway } from './gateway-harness.js';

const TRX = 1_000_000n;
const T0 = Date.UTC(2026, 11, 7, 8, 0, 0);

interface OperationJson {
  object: string;
  operation_id: string;
  action: string;
  hot_wallet: string;
  resource: string | null;
  trx: string;
  status: string;
  send_id: string;
}
interface ProblemJson {
  code: string;
  detail: string;
  errors?: Array<{ path: string; message: string }>;
}

describe.each(ENGINES)('staking API (%s)', (engine) => {
  let gw: TestGateway;
  const clock = fixedClock(T0);
  beforeAll(async () => {
    gw = await startTestGateway(engine, { clock });
  });
  afterAll(async () => gw?.close());

  const post = <T>(path: string, body?: unknown, headers: Record<string, string> = {}, key = gw.adminKey) =>
    gw.call<T>('POST', `/api/v1/wallet/${path}`, { key, ...(body === undefined ? {} : { body }), headers });
  const sendsOf = (ownerId: string) => gw.db.db.selectFrom('chain_sends').selectAll().where('owner_id', '=', ownerId).execute();
  const auditOf = (entityId: string) =>
    gw.db.db.selectFrom('audit_log').select(['action', 'actor', 'after']).where('entity_id', '=', entityId).orderBy('seq').execute();

  it('stakes for energy: one send of the hot wallet, audited with its caller', async () => {
    const res = await post<OperationJson>('stake', { trx: '100.5', resource: 'ENERGY' });
    expect(res.status, res.text).toBe(202);
    expect(res.body).toMatchObject({
      object: 'staking_operation',
      action: 'stake',
      hot_wallet: gw.hotWalletAddress,
      resource: 'ENERGY',
      trx: '100.5',
      status: 'queued',
    });
    const sends = await sendsOf(res.body.operation_id);
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({
      id: res.body.send_id,
      purpose: 'stake',
      from_address: gw.hotWalletAddress,
      asset: 'TRX',
      resource: 'ENERGY',
      status: 'queued',
    });
    expect(BigInt(sends[0]?.amount ?? 0)).toBe(100_500_000n);
    const audit = await auditOf(res.body.operation_id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.action).toBe('wallet.stake_requested');
    expect(audit[0]?.actor).toMatch(/^key_/);
    expect(JSON.parse(audit[0]?.after ?? '{}')).toMatchObject({ resource: 'ENERGY', trx: '100.5', send_id: res.body.send_id });
  });

  it('defaults to ENERGY and replays the first answer for the same Idempotency-Key: one send', async () => {
    const headers = { 'idempotency-key': 'stake-once' };
    const first = await post<OperationJson>('stake', { trx: '5' }, headers);
    const again = await post<OperationJson>('stake', { trx: '5' }, headers);
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.operation_id).toBe(first.body.operation_id);
    expect(first.body.resource).toBe('ENERGY');
    expect(await sendsOf(first.body.operation_id)).toHaveLength(1);
  });

  it('claims the Idempotency-Key with the send: 10 concurrent duplicates queue one stake and all get its answer', async () => {
    const headers = { 'idempotency-key': 'stake-concurrent' };
    const answers = await Promise.all(Array.from({ length: 10 }, () => post<OperationJson>('stake', { trx: '7' }, headers)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(202));
    const ids = new Set(answers.map((a) => a.body.operation_id));
    expect(ids.size).toBe(1);
    expect(await sendsOf(answers[0]?.body.operation_id as string)).toHaveLength(1);
    expect(await auditOf(answers[0]?.body.operation_id as string)).toHaveLength(1);
  });

  it('refuses, naming the field: under 1 TRX, more than the balance, an unknown resource, no amount', async () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{ trx: '0.999999' }, 'trx', /at least 1 TRX/],
      [{ trx: '1234.500001' }, 'trx', /more than the hot wallet's balance of 1234.5 TRX/],
      [{ trx: '10', resource: 'TRON_POWER' }, 'resource', /ENERGY or BANDWIDTH/],
      [{ trx: 10 * 1e30 }, 'trx', /exponent|too large/],
      [{ resource: 'ENERGY' }, 'trx', /required/],
    ];
    const before = await gw.count('chain_sends');
    for (const [body, path, message] of cases) {
      const res = await post<ProblemJson>('stake', body);
      expect(res.status, res.text).toBe(422);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors?.[0]?.path).toBe(path);
      expect(res.body.errors?.[0]?.message).toMatch(message);
    }
    expect(await gw.count('chain_sends')).toBe(before);
  });

  it('unstakes at most what is staked for that resource, and no more than 32 pending unstakes', async () => {
    gw.chain.frozenV2 = [{ type: 'BANDWIDTH', amount: 20n * TRX }];
    const tooMuch = await post<ProblemJson>('unstake', { trx: '20.000001', resource: 'BANDWIDTH' });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.errors?.[0]).toMatchObject({
      path: 'trx',
      message: expect.stringMatching(/more than the 20 TRX staked for BANDWIDTH/),
    });
    const energy = await post<ProblemJson>('unstake', { trx: '1' });
    expect(energy.body.errors?.[0]?.message).toMatch(/more than the 0 TRX staked for ENERGY/);

    gw.chain.unfrozenV2 = Array.from({ length: 32 }, () => ({
      type: 'BANDWIDTH' as const,
      unfreezeAmount: TRX,
      unfreezeExpireTime: BigInt(T0) + 1000n,
    }));
    const full = await post<ProblemJson>('unstake', { trx: '1', resource: 'BANDWIDTH' });
    expect(full.status).toBe(422);
    expect(full.body.errors?.[0]?.message).toMatch(/32 unstakes are pending/);

    gw.chain.unfrozenV2 = [];
    const ok = await post<OperationJson>('unstake', { trx: '20', resource: 'BANDWIDTH' });
    expect(ok.status, ok.text).toBe(202);
    expect(ok.body).toMatchObject({ action: 'unstake', resource: 'BANDWIDTH', trx: '20' });
    expect((await sendsOf(ok.body.operation_id))[0]).toMatchObject({ purpose: 'unstake', resource: 'BANDWIDTH' });
  });

  it('withdraws what passed the unfreeze delay; before that it says when', async () => {
    gw.chain.unfrozenV2 = [{ type: 'ENERGY', unfreezeAmount: 3n * TRX, unfreezeExpireTime: BigInt(T0) + 86_400_000n }];
    const early = await post<ProblemJson>('withdraw-unstaked');
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/next unstake is withdrawable at 2026-12-08T08:00:00.000Z/);

    gw.chain.unfrozenV2.push({ type: 'BANDWIDTH', unfreezeAmount: 2n * TRX, unfreezeExpireTime: BigInt(T0) - 1n });
    const res = await post<OperationJson>('withdraw-unstaked');
    expect(res.status, res.text).toBe(202);
    expect(res.body).toMatchObject({ action: 'withdraw_unstaked', resource: null, trx: '2' });
    const [send] = await sendsOf(res.body.operation_id);
    expect(send).toMatchObject({ purpose: 'withdraw_unstaked', resource: null });
    expect(BigInt(send?.amount ?? -1)).toBe(0n);
    gw.chain.unfrozenV2 = [];
  });

  it('is the admin scope only, and answers 503 while the node is down', async () => {
    const key = await gw.key(['payments:write', 'payouts:write']);
    expect((await post<ProblemJson>('stake', { trx: '10' }, {}, key)).status).toBe(403);
    gw.chain.failing = true;
    try {
      const res = await post<ProblemJson>('stake', { trx: '10' });
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('chain_unavailable');
    } finally {
      gw.chain.failing = false;
    }
  });

  it('audits the outcome the sender reports', async () => {
    const res = await post<OperationJson>('stake', { trx: '7', resource: 'BANDWIDTH' });
    const [row] = await sendsOf(res.body.operation_id);
    const handler = gw.core.staking.sendHandler();
    const { toSendRecord } = await import('../src/modules/chain/send-records.js');
    const record = toSendRecord({ ...(row as NonNullable<typeof row>), status: 'completed', tx_id: 'cd'.repeat(32), network_fee: 0 });
    await gw.db.db.transaction().execute((trx) => handler.onCompleted?.(trx, record) ?? Promise.resolve());
    const failed = await post<OperationJson>('stake', { trx: '8' });
    const [failedRow] = await sendsOf(failed.body.operation_id);
    await gw.db.db
      .transaction()
      .execute(
        (trx) =>
          handler.onFailed?.(
            trx,
            toSendRecord({ ...(failedRow as NonNullable<typeof failedRow>), status: 'failed' }),
            'rejected_by_node',
            'no',
          ) ?? Promise.resolve(),
      );
    expect((await auditOf(res.body.operation_id)).map((a) => a.action)).toEqual(['wallet.stake_requested', 'wallet.stake_completed']);
    const done = JSON.parse((await auditOf(res.body.operation_id))[1]?.after ?? '{}');
    expect(done).toMatchObject({ transaction_id: 'cd'.repeat(32), resource: 'BANDWIDTH', trx: '7', network_fee: '0' });
    expect((await auditOf(failed.body.operation_id)).map((a) => a.action)).toEqual(['wallet.stake_requested', 'wallet.stake_failed']);
  });
});
