/**
 * Sweeps on delegated energy (issue 19) over a real database, with the chain's part played by a driver
 * that takes each queued send through broadcast, block and solidification the way the sender and the
 * tracker report them (each step's owner handler inside the transaction that records the step). Under
 * `stake` a sweep activates its deposit address, borrows just the energy it needs, sweeps and gives the
 * energy back; killing the process at any step and starting afresh ends with exactly one activation, one
 * delegation, one sweep and one reclaim. Under `burn`, or with too little stake to lend, the sweep is
 * fuelled and burns as before.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../src/app/gateway-core.js';
import { verifyAuditChain } from '../src/modules/audit/audit-verify.js';
import type { SendEvent } from '../src/modules/chain/send-contract.js';
import { ChainSendQueue } from '../src/modules/chain/send-queue.js';
import { toSendRecord } from '../src/modules/chain/send-records.js';
import { TransfersRepository } from '../src/modules/collections/transfers.repository.js';
import type { EnergyStrategy } from '../src/modules/energy/energy-strategy.js';
import { Outbox } from '../src/modules/outbox/outbox.js';
import { RECLAIM_ATTEMPTS } from '../src/modules/settlement/delegated-sweeps.js';
import { SettlementWorker } from '../src/modules/settlement/settlement.worker.js';
import { SettlementsRepository } from '../src/modules/settlement/settlements.repository.js';
import type { SweepEnergyChain } from '../src/modules/settlement/sweep-energy.js';
import { HdSigner } from '../src/modules/wallets/signer.js';
import { fixedClock } from '../src/shared/clock.js';
import { newId } from '../src/shared/ids.js';
import { ENGINES } from './db-harness.js';
import { startTestGateway, TEST_MNEMONIC, type TestGateway } from './gateway-harness.js';

const USDT = 1_000_000n;
const TRX = 1_000_000n;
const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
/** mainnet's order of magnitude: 180e9 energy a day shared by 19e9 staked TRX (≈ 9.47 energy per TRX) */
const TOTALS = { limit: 180_000_000_000n, weight: 19_000_000_000n };
const SWEEP_ENERGY = 64_895n;

/** The chain reads that plan a delegated sweep; `lendable` is the hot wallet's delegatable stake. */
class FakeEnergyChain implements SweepEnergyChain {
  lendable = 1_000_000n * TRX;
  readonly existing = new Set<string>();
  async accountExists(address: string): Promise<boolean> {
    return this.existing.has(address);
  }
  async transferEnergy(): Promise<bigint> {
    return SWEEP_ENERGY;
  }
  async energyTotals(): Promise<{ limit: bigint; weight: bigint }> {
    return TOTALS;
  }
  async delegatableSun(): Promise<bigint> {
    return this.lendable;
  }
}

const NEXT: Record<string, 'broadcast' | 'confirmed' | 'completed'> = {
  queued: 'broadcast',
  broadcast: 'confirmed',
  confirmed: 'completed',
};

describe.each(ENGINES)('sweeps on delegated energy (%s)', (engine) => {
  let gw: TestGateway;
  const clock = fixedClock(T0);
  const energyChain = new FakeEnergyChain();
  let strategy: EnergyStrategy = 'stake';
  const signer = HdSigner.fromMnemonic(TEST_MNEMONIC, '', { deposit: 0, hotWallet: 1 });
  let depositIndex = 500;

  /** A process: its own queue and worker over the shared database (a restart builds a new one). */
  const startProcess = () => {
    const queue = new ChainSendQueue({
      signer,
      clock,
      ids: newId,
      feeLimit: { isContractCall: (a) => a !== 'TRX', energy: 65_000n, maxSun: 100n * TRX, energyPriceSun: () => 100n },
    });
    const worker = new SettlementWorker({
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
      sends: queue,
      chain: gw.chain,
      hotWalletAddress: (i) => gw.wallets.hotWalletAddress(i),
      energy: {
        strategy: { strategyFor: async () => strategy },
        marginPercent: 20,
        chain: energyChain,
        contractOf: () => 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
      },
    });
    worker.register(queue);
    return { queue, worker };
  };

  /**
   * Takes every open send one step on (queued → broadcast → confirmed → completed) until none is left, each
   * step and its handler in one transaction. `kill` makes the handler's transaction of that step die once
   * (rolled back, as if the process died before committing) and returns false: the caller restarts.
   */
  const drive = async (queue: ChainSendQueue, kill?: { purpose: string; kind: string }): Promise<boolean> => {
    for (let round = 0; round < 50; round++) {
      const open = await gw.db.db
        .selectFrom('chain_sends')
        .selectAll()
        .where('status', 'in', Object.keys(NEXT))
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      if (open.length === 0) return true;
      for (const row of open) {
        const kind = NEXT[row.status] as 'broadcast' | 'confirmed' | 'completed';
        const died = await gw.db.db
          .transaction()
          .execute(async (trx) => {
            const stored = await trx
              .updateTable('chain_sends')
              .set({
                status: kind,
                tx_id: row.tx_id ?? randomBytes(32).toString('hex'),
                block_number: kind === 'broadcast' ? null : 1000,
                // a delegated sweep burns nothing; an activation costs the 1 TRX account-creation fee
                network_fee:
                  kind === 'broadcast' ? null : row.purpose === 'activation' ? Number(TRX) : row.purpose === 'sweep_fuel' ? 345_000 : 0,
                energy_used: kind === 'broadcast' ? null : row.purpose === 'sweep' ? Number(SWEEP_ENERGY) : 0,
              })
              .where('id', '=', row.id)
              .where('status', '=', row.status)
              .returningAll()
              .executeTakeFirstOrThrow();
            const events: SendEvent[] = [{ kind, send: toSendRecord(stored) }];
            await queue.report(trx, events);
            if (kill && kill.purpose === row.purpose && kill.kind === kind) throw new Error('killed');
            return false;
          })
          .catch((error: unknown) => {
            if (error instanceof Error && error.message === 'killed') return true;
            throw error;
          });
        if (died) return false;
      }
    }
    throw new Error('the sends did not settle');
  };

  /** A settlement with one pending token sweep of a fresh deposit address. */
  const settlementWithSweep = async (worker: SettlementWorker) => {
    const payee = gw.addresses[depositIndex % gw.addresses.length] as string;
    const key = { merchantId: gw.merchantId, payeeAddress: `${payee}`, currency: 'USDT' as const };
    await gw.db.db.deleteFrom('merchant_balances').where('payee_address', '=', payee).execute();
    await gw.core.ledger.post(gw.db.db, { ...key, kind: 'collection', referenceId: newId('pay'), amount: 40n * USDT });
    const id = (await worker.start(key, 'manual')) as string;
    expect(id).toBeTruthy();
    const index = depositIndex++;
    const sweepId = newId('swp');
    await gw.db.db
      .insertInto('sweeps')
      .values({
        id: sweepId,
        merchant_id: gw.merchantId,
        settlement_id: id,
        deposit_address: gw.wallets.depositAddress(index),
        deposit_index: index,
        asset: 'USDT',
        amount: 40n * USDT,
        status: 'pending',
        fuel_amount: null,
        network_fee: null,
        failure_reason: null,
        created_at: clock.now(),
        updated_at: clock.now(),
        completed_at: null,
      })
      .execute();
    return { id, sweepId, depositAddress: gw.wallets.depositAddress(index) };
  };

  const sendsOf = async (ownerIds: string[]) =>
    gw.db.db.selectFrom('chain_sends').selectAll().where('owner_id', 'in', ownerIds).orderBy('created_at').orderBy('id').execute();
  const delegationOf = (sweepId: string) =>
    gw.db.db.selectFrom('energy_delegations').selectAll().where('sweep_id', '=', sweepId).executeTakeFirst();
  /** The audit records of these entities in chain order, parsed, as [action, entity id] plus before/after. */
  const auditOf = async (entityIds: string[]) => {
    const rows = await gw.db.db.selectFrom('audit_log').selectAll().where('entity_id', 'in', entityIds).orderBy('seq').execute();
    return rows.map((r) => ({
      action: r.action,
      entityId: r.entity_id,
      actor: r.actor,
      before: r.before === null ? null : (JSON.parse(r.before) as Record<string, unknown>),
      after: JSON.parse(r.after ?? 'null') as Record<string, unknown>,
    }));
  };

  beforeAll(async () => {
    gw = await startTestGateway(engine, { clock });
  });
  afterAll(async () => gw?.close());

  it('activates, delegates just the energy needed, sweeps, reclaims, then pays the payee', async () => {
    strategy = 'stake';
    const { queue, worker } = startProcess();
    const { id, sweepId, depositAddress } = await settlementWithSweep(worker);
    await worker.advance(id);
    expect(await drive(queue)).toBe(true);

    const delegation = await delegationOf(sweepId);
    // 64,895 energy + 20 % = 77,874; at 180e9 / 19e9 energy per TRX that is 8,220.03: 8,221 whole TRX
    expect(delegation).toMatchObject({ status: 'reclaimed', receiver_address: depositAddress, hot_address: gw.hotWalletAddress });
    expect(BigInt(delegation?.energy ?? 0)).toBe(77_874n);
    expect(BigInt(delegation?.sun ?? 0)).toBe(8_221n * TRX);
    expect((8_221n * TOTALS.limit) / TOTALS.weight).toBeGreaterThanOrEqual(77_874n);
    const sends = await sendsOf([delegation?.id as string, sweepId]);
    expect(sends.map((s) => s.purpose)).toEqual(['activation', 'delegate', 'sweep', 'reclaim']);
    for (const s of sends) expect(s.status).toBe('completed');
    const [activation, delegate, sweep, reclaim] = sends;
    expect(activation).toMatchObject({ from_address: gw.hotWalletAddress, to_address: depositAddress, resource: null });
    expect(delegate).toMatchObject({ from_address: gw.hotWalletAddress, to_address: depositAddress, resource: 'ENERGY' });
    expect(BigInt(delegate?.amount ?? 0)).toBe(8_221n * TRX);
    expect(sweep).toMatchObject({ from_address: depositAddress, to_address: gw.hotWalletAddress, asset: 'USDT' });
    expect(reclaim).toMatchObject({ from_address: gw.hotWalletAddress, to_address: depositAddress, resource: 'ENERGY' });
    expect(BigInt(reclaim?.amount ?? 0)).toBe(8_221n * TRX);
    expect(delegation).toMatchObject({
      activation_send_id: activation?.id,
      delegate_send_id: delegate?.id,
      sweep_send_id: sweep?.id,
      reclaim_send_id: reclaim?.id,
    });

    const row = await gw.db.db.selectFrom('sweeps').selectAll().where('id', '=', sweepId).executeTakeFirstOrThrow();
    // no fuel; the cost is the activation fee only
    expect(row).toMatchObject({ status: 'completed', fuel_amount: null });
    expect(BigInt(row.network_fee ?? -1)).toBe(TRX);
    const payee = await sendsOf([id]);
    expect(payee.map((s) => [s.purpose, s.status])).toEqual([['settlement', 'completed']]);

    // every step that moved stake or tokens is audited once, by the settlement worker, with its transaction
    const audit = await auditOf([sweepId, delegation?.id as string]);
    expect(audit.map((a) => [a.action, a.entityId])).toEqual([
      ['sweep.started', sweepId],
      ['account.activated', delegation?.id],
      ['energy.delegated', delegation?.id],
      ['sweep.completed', sweepId],
      ['energy.reclaimed', delegation?.id],
    ]);
    for (const a of audit) expect(a.actor).toBe('system:settlement');
    const [started, activated, delegated, completed, reclaimed] = audit;
    expect(started?.before).toMatchObject({ status: 'pending', amount: '40', deposit_address: depositAddress });
    expect(started?.after).toMatchObject({ status: 'delegating', settlement_id: id });
    expect(activated).toMatchObject({
      before: { status: 'activating' },
      after: { status: 'delegating', send_id: activation?.id, transaction_id: activation?.tx_id, send_network_fee: '1' },
    });
    expect(delegated).toMatchObject({
      before: { status: 'delegating' },
      after: { status: 'sweeping', energy: '77874', staked_trx: '8221', send_id: delegate?.id, send_amount: '8221' },
    });
    expect(completed).toMatchObject({
      before: { status: 'sweeping' },
      after: { status: 'completed', amount: '40', network_fee: '1', send_id: sweep?.id, transaction_id: sweep?.tx_id },
    });
    expect(reclaimed).toMatchObject({ before: { status: 'reclaiming' }, after: { status: 'reclaimed', send_id: reclaim?.id } });
    expect(await verifyAuditChain(gw.db.db)).toMatchObject({ ok: true });
  });

  it('an address that already exists is not activated again', async () => {
    const { queue, worker } = startProcess();
    const { id, sweepId, depositAddress } = await settlementWithSweep(worker);
    energyChain.existing.add(depositAddress);
    await worker.advance(id);
    expect(await drive(queue)).toBe(true);
    const delegation = await delegationOf(sweepId);
    expect(delegation).toMatchObject({ status: 'reclaimed', activation_send_id: null });
    expect(Number(delegation?.needs_activation)).toBe(0);
    expect((await sendsOf([delegation?.id as string, sweepId])).map((s) => s.purpose)).toEqual(['delegate', 'sweep', 'reclaim']);
  });

  /** The open send of this purpose fails for good (the sender's or the tracker's report), with its owner's handler. */
  const failOpen = async (queue: ChainSendQueue, purpose: string) => {
    await gw.db.db.transaction().execute(async (trx) => {
      const stored = await trx
        .updateTable('chain_sends')
        .set({ status: 'failed', failure_reason: 'rejected_by_node' })
        .where('purpose', '=', purpose)
        .where('status', '=', 'queued')
        .returningAll()
        .executeTakeFirstOrThrow();
      await queue.report(trx, [{ kind: 'failed', send: toSendRecord(stored), reason: 'rejected_by_node', detail: 'node refused' }]);
    });
  };

  it('a failed reclaim is tried again later, until the energy is back or the attempts run out', async () => {
    strategy = 'stake';
    const { queue, worker } = startProcess();
    const { id, sweepId } = await settlementWithSweep(worker);
    await worker.advance(id);
    // drive up to the reclaim: activation, delegation and sweep land, the reclaim is queued
    const kill = { purpose: 'reclaim', kind: 'broadcast' };
    expect(await drive(queue, kill)).toBe(false);
    await failOpen(queue, 'reclaim');
    const delegation = (await delegationOf(sweepId)) as NonNullable<Awaited<ReturnType<typeof delegationOf>>>;
    expect(delegation).toMatchObject({ status: 'reclaiming', failure_reason: 'reclaim_rejected_by_node; retrying' });
    const retry = (await sendsOf([delegation.id])).filter((s) => s.purpose === 'reclaim');
    expect(retry.map((s) => [Number(s.sequence), s.status])).toEqual([
      [1, 'failed'],
      [2, 'queued'],
    ]);
    expect(Number(retry[1]?.next_attempt_at)).toBe(clock.now() + 60_000);
    expect(await drive(queue)).toBe(true);
    expect(await delegationOf(sweepId)).toMatchObject({ status: 'reclaimed', reclaim_send_id: retry[1]?.id, failure_reason: null });

    // another sweep whose reclaim keeps failing: after RECLAIM_ATTEMPTS the energy is left lent, marked failed
    const second = await settlementWithSweep(worker);
    await worker.advance(second.id);
    expect(await drive(queue, kill)).toBe(false);
    for (let attempt = 1; attempt <= RECLAIM_ATTEMPTS; attempt++) await failOpen(queue, 'reclaim');
    const lent = await delegationOf(second.sweepId);
    expect(lent).toMatchObject({ status: 'failed', failure_reason: 'reclaim_rejected_by_node' });
    const reclaims = (await sendsOf([lent?.id as string])).filter((s) => s.purpose === 'reclaim');
    expect(reclaims.map((s) => s.status)).toEqual(Array(RECLAIM_ATTEMPTS).fill('failed'));
    // the retries are not audited; the end of them is, once
    const lentAudit = await auditOf([lent?.id as string]);
    expect(lentAudit.map((a) => a.action)).toEqual(['account.activated', 'energy.delegated', 'energy.reclaim_failed']);
    expect(lentAudit[2]?.after).toMatchObject({
      status: 'failed',
      failure_reason: 'reclaim_rejected_by_node',
      send_id: reclaims.at(-1)?.id,
    });
  });

  const KILL_POINTS = [
    { purpose: 'activation', kind: 'broadcast' },
    { purpose: 'activation', kind: 'confirmed' },
    { purpose: 'delegate', kind: 'confirmed' },
    { purpose: 'sweep', kind: 'broadcast' },
    { purpose: 'sweep', kind: 'confirmed' },
    { purpose: 'reclaim', kind: 'confirmed' },
    { purpose: 'sweep', kind: 'completed' },
  ];

  it.each(KILL_POINTS)('killed at $purpose $kind and restarted: one activation, one delegation, one sweep, one reclaim', async (kill) => {
    strategy = 'stake';
    const first = startProcess();
    const { id, sweepId } = await settlementWithSweep(first.worker);
    await first.worker.advance(id);
    expect(await drive(first.queue, kill)).toBe(false);

    // a new process: the periodic pass advances open settlements again, the sender and tracker carry on
    const second = startProcess();
    await second.worker.advance(id);
    expect(await drive(second.queue)).toBe(true);
    await second.worker.advance(id);
    expect(await drive(second.queue)).toBe(true);

    const delegation = await delegationOf(sweepId);
    expect(delegation?.status).toBe('reclaimed');
    const sends = await sendsOf([delegation?.id as string, sweepId]);
    expect(sends.map((s) => [s.purpose, Number(s.sequence), s.status])).toEqual([
      ['activation', 1, 'completed'],
      ['delegate', 1, 'completed'],
      ['sweep', 1, 'completed'],
      ['reclaim', 1, 'completed'],
    ]);
    expect(await gw.db.db.selectFrom('energy_delegations').select('id').where('sweep_id', '=', sweepId).execute()).toHaveLength(1);
    expect((await sendsOf([id])).map((s) => s.status)).toEqual(['completed']);
    // a step rolled back with its process left no audit record; its redo left exactly one
    expect((await auditOf([sweepId, delegation?.id as string])).map((a) => a.action)).toEqual([
      'sweep.started',
      'account.activated',
      'energy.delegated',
      'sweep.completed',
      'energy.reclaimed',
    ]);
    expect(await verifyAuditChain(gw.db.db)).toMatchObject({ ok: true });
  });

  it('under burn, or with too little stake to lend, the sweep is fuelled and burns as before', async () => {
    // deposit addresses hold no TRX of their own: the burn path sends fuel
    gw.chain.trx = 0n;
    const cases: Array<{ strategy: EnergyStrategy; lendable: bigint }> = [
      { strategy: 'burn', lendable: 1_000_000n * TRX },
      // one TRX short of the 8,221 the sweep needs
      { strategy: 'stake', lendable: 8_220n * TRX },
    ];
    try {
      for (const c of cases) {
        strategy = c.strategy;
        energyChain.lendable = c.lendable;
        const { queue, worker } = startProcess();
        const { id, sweepId } = await settlementWithSweep(worker);
        await worker.advance(id);
        expect(await drive(queue)).toBe(true);
        expect(await delegationOf(sweepId)).toBeUndefined();
        const sends = await sendsOf([sweepId]);
        expect(sends.map((s) => s.purpose)).toEqual(['sweep_fuel', 'sweep']);
        const audit = await auditOf([sweepId]);
        expect(audit.map((a) => a.action)).toEqual(['sweep.started', 'sweep_fuel.sent', 'sweep.completed']);
        const [started, fuelled, completed] = audit;
        expect(started).toMatchObject({ before: { status: 'pending', fuel_amount: null }, after: { status: 'fueling' } });
        expect(started?.after.fuel_amount).toBe(fuelled?.after.send_amount);
        expect(fuelled).toMatchObject({
          before: { status: 'fueling' },
          after: { status: 'sweeping', send_id: sends[0]?.id, send_purpose: 'sweep_fuel', network_fee: '0.345' },
        });
        expect(completed).toMatchObject({ after: { status: 'completed', send_id: sends[1]?.id, send_purpose: 'sweep' } });
      }
      expect(await verifyAuditChain(gw.db.db)).toMatchObject({ ok: true });
    } finally {
      strategy = 'stake';
      energyChain.lendable = 1_000_000n * TRX;
      gw.chain.trx = 1_234_500_000n;
    }
  });

  it('a delegation the node refuses fails the sweep (its address stays unswept); nothing is reclaimed; the payee is still paid', async () => {
    const { queue, worker } = startProcess();
    const { id, sweepId, depositAddress } = await settlementWithSweep(worker);
    energyChain.existing.add(depositAddress);
    await worker.advance(id);
    const delegation = await delegationOf(sweepId);
    const [send] = await sendsOf([delegation?.id as string]);
    await gw.db.db.transaction().execute(async (trx) => {
      const failed = await trx
        .updateTable('chain_sends')
        .set({ status: 'failed', failure_reason: 'rejected_by_node' })
        .where('id', '=', send?.id as string)
        .returningAll()
        .executeTakeFirstOrThrow();
      await queue.report(trx, [
        { kind: 'failed', send: toSendRecord(failed), reason: 'rejected_by_node', detail: 'delegateBalance must be less than available' },
      ]);
    });
    expect(await drive(queue)).toBe(true);
    expect(await delegationOf(sweepId)).toMatchObject({ status: 'failed', failure_reason: 'delegate_rejected_by_node' });
    expect(await gw.db.db.selectFrom('sweeps').select(['status', 'failure_reason']).where('id', '=', sweepId).executeTakeFirst()).toEqual({
      status: 'failed',
      failure_reason: 'delegate_rejected_by_node',
    });
    expect((await sendsOf([delegation?.id as string, sweepId])).map((s) => s.purpose)).toEqual(['delegate']);
    expect((await sendsOf([id])).map((s) => s.purpose)).toEqual(['settlement']);
    const audit = await auditOf([sweepId, delegation?.id as string]);
    expect(audit.map((a) => [a.action, a.entityId])).toEqual([
      ['sweep.started', sweepId],
      ['energy.delegation_failed', delegation?.id],
      ['sweep.failed', sweepId],
    ]);
    expect(audit[2]?.after).toMatchObject({ status: 'failed', failure_reason: 'delegate_rejected_by_node' });
  });
});
