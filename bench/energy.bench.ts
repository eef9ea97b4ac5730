/**
 * What collecting and paying out costs on chain (issue 19, "Measured"): a gateway over the in-process
 * devnet (manual blocks, workers driven step by step) collects and sweeps N USDT invoices and sends P
 * payouts under `burn`, then under `stake` (the operator stakes through POST /api/v1/wallet/stake first),
 * then a second round of N invoices on reused deposit addresses (stake + reuse: the gateway's clock and
 * the devnet's blocks move past a short quiet period), and last N unique-amount direct_transfer invoices.
 *
 * Chain truth: the receipt `fee` (gettransactioninfobyid) of every transaction the gateway sent in a phase,
 * found through its sends (chain_sends) and cross-checked against the devnet's blocks: every transaction
 * owned by the hot wallet or a deposit address in the phase's blocks must be one of the gateway's sends.
 * Recorded: the sends' `trx_burned`. The two must be equal (a mismatch is a missed target).
 * Sweep throughput: sweeps per 3 s block interval of wall time spent driving the sweeps (scanner, sender,
 * tracker and the in-process devnet all on this thread, so it is a floor).
 * ENERGY_BENCH_INVOICES (default 1000), ENERGY_BENCH_PAYOUTS (default 1000); SQLite.
 */
import { performance } from 'node:perf_hooks';
import { COLLECTION_SEND_PURPOSES } from '../src/modules/chain/send-contract.js';
import { bytesToBase58Address } from '../src/tron/address.js';
import { newWallet, signedUsdtTransfer } from '../test/devnet-harness.js';
import { type PaymentJson, testAddresses } from '../test/gateway-harness.js';
import { type MoneyGateway, startMoneyGateway } from '../test/money-harness.js';
import { type BenchResult, result } from './harness.js';

const INVOICES = Number(process.env.ENERGY_BENCH_INVOICES ?? 1000);
const PAYOUTS = Number(process.env.ENERGY_BENCH_PAYOUTS ?? 1000);
const BLOCK_INTERVAL_S = 3;
const DAY_MS = 86_400_000;
const SUN = 1_000_000;
/** What a sweep (≈65k) and a payout to a new holder (≈130k) use, with room: the stake is sized from it. */
const ENERGY_PER_INVOICE_AND_PAYOUT = 220_000;
/** energy per staked TRX on the devnet: 180e9 a day shared by ~13.37e9 TRX staked network-wide */
const ENERGY_PER_TRX = 13;
/** Sends that serve collecting an invoice; the settlement's transfer to the merchant is reported apart. */
const COLLECTION_PURPOSES = new Set<string>(COLLECTION_SEND_PURPOSES);

type Strategy = 'burn' | 'stake';
/** bandwidth per staked TRX on the devnet: 43.2e9 bytes a day shared by ~84.7e9 TRX staked network-wide */
const BANDWIDTH_PER_TRX = 0.5;
/** A fresh invoice's activation, delegation and reclaim (≈280 bytes each, both rounds) and a payout (≈345), with room. */
const BANDWIDTH_PER_INVOICE = 1_000;
const BANDWIDTH_PER_PAYOUT = 400;

/** One column of the bench: the gateway's strategy, and whether the operator also staked for bandwidth. */
interface Mode {
  label: string;
  strategy: Strategy;
  stakeBandwidth: boolean;
}
const MODES: readonly Mode[] = [
  { label: 'burn', strategy: 'burn', stakeBandwidth: false },
  { label: 'stake', strategy: 'stake', stakeBandwidth: false },
  { label: 'stake + bandwidth', strategy: 'stake', stakeBandwidth: true },
];

interface PhaseCost {
  /** receipts' fee, sun, of every gateway transaction in the phase */
  chainSun: bigint;
  /** the sends' recorded trx_burned, sun */
  recordedSun: bigint;
  /** of those, the collection sends only (per-invoice figure) */
  chainCollectSun: bigint;
  recordedCollectSun: bigint;
  /** gateway-owned transactions in the phase's blocks that no send accounts for */
  unaccounted: number;
  sends: number;
  /** sends that failed for good, by purpose and reason (a failed sweep leaves the USDT on its deposit address) */
  failed: Record<string, number>;
  byPurpose: Record<string, number>;
}

interface Round {
  cost: PhaseCost;
  sweeps: number;
  sweepsPerInterval: number;
  reused: number;
  depositAddresses: string[];
}

const trx = (sun: bigint): number => Number(sun) / SUN;

class Scenario {
  private offset = 0;
  readonly clock = { now: () => Date.now() + this.offset };
  gw!: MoneyGateway;
  private readonly payee = newWallet().base58;
  private readonly seenSends = new Set<string>();

  private readonly strategy: Strategy;

  constructor(
    private readonly mode: Mode,
    private readonly log: (line: string) => void,
  ) {
    this.strategy = mode.strategy;
  }

  async start(): Promise<void> {
    const stakeTrx = Math.ceil(((INVOICES * 2 + PAYOUTS) * ENERGY_PER_INVOICE_AND_PAYOUT) / ENERGY_PER_TRX);
    const bandwidthTrx = this.mode.stakeBandwidth
      ? Math.ceil((INVOICES * 2 * BANDWIDTH_PER_INVOICE + PAYOUTS * BANDWIDTH_PER_PAYOUT) / BANDWIDTH_PER_TRX)
      : 0;
    this.gw = await startMoneyGateway('sqlite', {
      clock: this.clock,
      config: {
        energy: { strategy: this.strategy },
        // a round creates every invoice and the payout batch within a minute: the per-merchant limit is raised
        transaction_limits: { rate_limit_per_minute: 1_000_000 },
        wallets: { deposit_address_reuse: 'after_quiet_period', quiet_period_days: 2 },
        payment_processing: { late_payment_window_days: 1, payouts: { poll_interval_ms: 100 } },
        settlement: { frequency: 'instant', min_settlement_amount: '100000', max_settlement_amount: '100000000' },
      },
      fundHotWallet: { trx: String(stakeTrx + bandwidthTrx + 100_000), usdt: String(PAYOUTS * 20 + 1000) },
    });
    this.mine(1);
    await this.core('scanner').scanOnce(); // the first pass starts the cursor at the head
    await this.sendsSince(); // the hot wallet's funding is no send of the gateway
    if (this.strategy === 'stake') {
      const res = await this.gw.call('POST', '/api/v1/wallet/stake', {
        key: this.gw.adminKey,
        body: { trx: String(stakeTrx), resource: 'ENERGY' },
      });
      if (res.status !== 202) throw new Error(`stake failed: ${res.status} ${res.text}`);
      await this.settle(() => this.openSends().then((n) => n === 0));
      const account = await this.gw.tronChain.client.getAccount(this.gw.hotWalletAddress);
      const staked = account.frozenV2.filter((f) => f.type === 'ENERGY').reduce((sum, f) => sum + f.amount, 0n);
      if (staked === 0n) throw new Error('energy (stake): the stake did not land');
      this.log(`energy (${this.mode.label}): staked ${trx(staked).toLocaleString('en-US')} TRX for energy`);
      if (this.mode.stakeBandwidth) {
        const net = await this.gw.call('POST', '/api/v1/wallet/stake', {
          key: this.gw.adminKey,
          body: { trx: String(bandwidthTrx), resource: 'BANDWIDTH' },
        });
        if (net.status !== 202) throw new Error(`bandwidth stake failed: ${net.status} ${net.text}`);
        await this.settle(() => this.openSends().then((n) => n === 0));
        this.log(`energy (${this.mode.label}): staked ${bandwidthTrx.toLocaleString('en-US')} TRX for bandwidth`);
      }
      await this.sendsSince(); // the one-off stake is not an invoice's cost
    }
  }

  core<K extends 'scanner' | 'sender' | 'tracker' | 'settlement'>(name: K): NonNullable<MoneyGateway['core'][K]> {
    const worker = this.gw.core[name];
    if (!worker) throw new Error(`no ${name}`);
    return worker as NonNullable<MoneyGateway['core'][K]>;
  }

  mine(n: number): void {
    for (let i = 0; i < n; i++) this.gw.devnet.chain.produceBlock(BigInt(this.clock.now()));
  }

  /** moves the gateway's clock and the chain's block time forward together */
  advance(ms: number): void {
    this.offset += ms;
    this.mine(1);
  }

  private async openSends(): Promise<number> {
    const row = await this.gw.db.db
      .selectFrom('chain_sends')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['queued', 'broadcast', 'confirmed'])
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** one pass of every worker and a block, until `done` or 400 passes */
  private async settle(done: () => Promise<boolean>): Promise<void> {
    for (let pass = 0; pass < 400; pass++) {
      await this.gw.core.runner.runOnce();
      await this.core('sender').runOnce();
      this.mine(1);
      await this.core('scanner').scanOnce();
      await this.core('tracker').runOnce();
      await this.gw.core.runner.runOnce();
      if (await done()) return;
    }
    throw new Error(`energy (${this.strategy}): the chain work did not settle in 400 blocks`);
  }

  private async countStatus(ids: string[], statuses: string[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < ids.length; i += 500) {
      const row = await this.gw.db.db
        .selectFrom('payments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('id', 'in', ids.slice(i, i + 500))
        .where('status', 'in', statuses)
        .executeTakeFirstOrThrow();
      n += Number(row.n);
    }
    return n;
  }

  /** N invoices created, paid, swept and settled; the cost of this round only */
  async collectRound(previous: string[] = []): Promise<Round> {
    const headBefore = this.gw.devnet.chain.head.number;
    const payments: PaymentJson[] = [];
    for (let i = 0; i < INVOICES; i++) {
      const res = await this.gw.call<PaymentJson>('POST', '/api/v1/payments/create', {
        key: this.gw.adminKey,
        body: { payee_address: this.payee, amount: '10', currency: 'USDT', payment_method: 'payment_gateway' },
      });
      if (res.status !== 201) throw new Error(`invoice failed: ${res.status} ${res.text}`);
      payments.push(res.body);
    }
    const addresses = payments.map((p) => p.deposit_address as string);
    const before = new Set(previous);
    const reused = addresses.filter((a) => before.has(a)).length;
    for (const address of addresses) await this.gw.fund(address, { usdt: '10' });
    const ids = payments.map((p) => p.payment_id);
    for (let pass = 0; (await this.countStatus(ids, ['completed'])) < INVOICES; pass++) {
      if (pass > 60) throw new Error('invoices were not all completed');
      this.mine(1);
      await this.core('scanner').scanOnce();
      await this.gw.core.runner.runOnce();
    }
    const started = performance.now();
    const roundStart = this.clock.now();
    await this.core('settlement').runDue();
    let sweepsDoneMs = Number.NaN;
    await this.settle(async () => {
      const open = await this.gw.db.db
        .selectFrom('chain_sends')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('purpose', '=', 'sweep')
        .where('status', 'in', ['queued', 'broadcast'])
        .executeTakeFirstOrThrow();
      // every address of the round swept (or its sweep failed for good), not just no send open: the
      // settlement queues its sweeps through a job, so there is a moment with nothing open yet
      const final = await this.gw.db.db
        .selectFrom('sweeps')
        .select((eb) => eb.fn.count<number>('deposit_address').distinct().as('n'))
        .where('deposit_address', 'in', [...new Set(addresses)])
        .where('status', 'in', ['completed', 'failed'])
        .where('created_at', '>=', roundStart)
        .executeTakeFirstOrThrow();
      const allFinal = Number(final.n) >= new Set(addresses).size && Number(open.n) === 0;
      if (allFinal && Number.isNaN(sweepsDoneMs)) sweepsDoneMs = performance.now() - started;
      return allFinal && (await this.openSends()) === 0;
    });
    const cost = await this.phaseCost(headBefore, addresses);
    const sweeps = (cost.byPurpose.sweep ?? 0) - Object.entries(cost.failed).reduce((n, [k, v]) => (k.startsWith('sweep:') ? n + v : n), 0);
    const sweepsPerInterval = sweeps / (sweepsDoneMs / 1000 / BLOCK_INTERVAL_S);
    return { cost, sweeps, sweepsPerInterval, reused, depositAddresses: addresses };
  }

  /** past the quiet period: swept addresses go back to the pool, already activated */
  async reuseAddresses(): Promise<number> {
    this.advance(3 * DAY_MS);
    await this.core('scanner').scanOnce();
    return this.gw.core.depositReuse.returnQuietAddresses();
  }

  async payoutRound(): Promise<PhaseCost> {
    const headBefore = this.gw.devnet.chain.head.number;
    const payees = testAddresses(PAYOUTS, 70_000 + MODES.indexOf(this.mode) * 10_000);
    for (let i = 0; i < PAYOUTS; i += 1000) {
      const chunk = payees.slice(i, i + 1000);
      const res = await this.gw.call('POST', '/api/v1/payments/batch', {
        key: this.gw.adminKey,
        body: {
          payments: chunk.map((payee, j) => ({ payment_method: 'route', payee_address: payee, amount: String(10 + ((i + j) % 7)) })),
        },
      });
      if (res.status !== 201) throw new Error(`payout batch failed: ${res.status} ${res.text}`);
    }
    await this.settle(async () => {
      const row = await this.gw.db.db
        .selectFrom('payments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('payment_method', '=', 'route')
        .where('status', '=', 'completed')
        .executeTakeFirstOrThrow();
      return Number(row.n) >= PAYOUTS && (await this.openSends()) === 0;
    });
    return this.phaseCost(headBefore, []);
  }

  /** unique-amount direct_transfer invoices paid by customers straight to the payee: the gateway sends nothing */
  async directRound(count: number): Promise<PhaseCost> {
    const headBefore = this.gw.devnet.chain.head.number;
    const payer = newWallet();
    await this.gw.fund(payer.base58, { trx: '100000', usdt: String(count * 20) });
    this.mine(1);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const res = await this.gw.call<PaymentJson & { amount_due: string }>('POST', '/api/v1/payments/create', {
        key: this.gw.adminKey,
        // a price's unique amounts are a small range: spread the invoices over prices
        body: { payment_method: 'direct_transfer', amount: String(10 + Math.floor(i / 100)), payee_address: this.payee },
      });
      if (res.status !== 201) throw new Error(`direct invoice failed: ${res.status} ${res.text}`);
      ids.push(res.body.payment_id);
      const [whole, frac = ''] = res.body.amount_due.split('.');
      const due = BigInt(whole as string) * 1_000_000n + BigInt(frac.padEnd(6, '0'));
      this.gw.devnet.chain.submit(signedUsdtTransfer(this.gw.devnet, payer, this.payee, due));
      if (i % 200 === 199) this.mine(1);
    }
    for (let pass = 0; (await this.countStatus(ids, ['completed'])) < count; pass++) {
      if (pass > 60) throw new Error('direct transfers were not all completed');
      this.mine(1);
      await this.core('scanner').scanOnce();
      await this.gw.core.runner.runOnce();
    }
    return this.phaseCost(headBefore, []);
  }

  /** the gateway's sends created since the last call (by id) */
  private async sendsSince() {
    const rows = await this.gw.db.db
      .selectFrom('chain_sends')
      .select(['id', 'tx_id', 'purpose', 'status', 'failure_reason', 'trx_burned'])
      .execute();
    const fresh = rows.filter((r) => !this.seenSends.has(r.id));
    for (const r of fresh) this.seenSends.add(r.id);
    return fresh;
  }

  /**
   * Receipts of the phase's sends, and every transaction in blocks after `headBefore` whose owner is the hot
   * wallet or one of `depositAddresses` (plus every deposit address the sends name) checked against them.
   */
  private async phaseCost(headBefore: bigint, depositAddresses: string[]): Promise<PhaseCost> {
    const sends = await this.sendsSince();
    const client = this.gw.tronChain.client;
    const cost: PhaseCost = {
      chainSun: 0n,
      recordedSun: 0n,
      chainCollectSun: 0n,
      recordedCollectSun: 0n,
      unaccounted: 0,
      sends: sends.length,
      byPurpose: {},
      failed: {},
    };
    const sentIds = new Set<string>();
    for (const send of sends) {
      cost.byPurpose[send.purpose] = (cost.byPurpose[send.purpose] ?? 0) + 1;
      if (send.status === 'failed') {
        const key = `${send.purpose}: ${send.failure_reason ?? 'unknown'}`;
        cost.failed[key] = (cost.failed[key] ?? 0) + 1;
      }
      if (!send.tx_id || send.status === 'failed') continue;
      sentIds.add(send.tx_id);
      const info = await client.getTransactionInfoById(send.tx_id);
      if (!info) throw new Error(`no receipt for the ${send.purpose} ${send.tx_id}`);
      const recorded = BigInt(send.trx_burned ?? 0);
      cost.chainSun += info.fee;
      cost.recordedSun += recorded;
      if (COLLECTION_PURPOSES.has(send.purpose)) {
        cost.chainCollectSun += info.fee;
        cost.recordedCollectSun += recorded;
      }
    }
    const owners = new Set([this.gw.hotWalletAddress, ...depositAddresses]);
    const chain = this.gw.devnet.chain;
    for (let n = headBefore + 1n; n <= chain.head.number; n++) {
      for (const { tx } of chain.blockByNumber(n)?.txs ?? []) {
        const owner = bytesToBase58Address(tx.raw.contract.ownerAddress);
        if (owners.has(owner) && !sentIds.has(tx.txID)) {
          cost.unaccounted++;
          const info = await client.getTransactionInfoById(tx.txID);
          cost.chainSun += info?.fee ?? 0n;
          if (depositAddresses.length > 0) cost.chainCollectSun += info?.fee ?? 0n;
        }
      }
    }
    return cost;
  }
}

function costRows(label: string, what: 'invoice' | 'payout', count: number, cost: PhaseCost, target: number | null): BenchResult[] {
  const chainSun = what === 'invoice' ? cost.chainCollectSun : cost.chainSun;
  const recordedSun = what === 'invoice' ? cost.recordedCollectSun : cost.recordedSun;
  const perChain = trx(chainSun) / count;
  const perRecorded = trx(recordedSun) / count;
  const details = {
    [`${what}s`]: count,
    chain_trx_burned: trx(chainSun),
    recorded_trx_burned: trx(recordedSun),
    recorded_per_item: perRecorded,
    all_sends_chain_trx: trx(cost.chainSun),
    unaccounted_gateway_txs: cost.unaccounted,
    sends: JSON.stringify(cost.byPurpose),
    failed_sends: JSON.stringify(cost.failed),
  };
  const rows = [
    result(`${label}: TRX burned per ${what} (receipts)`, round3(perChain), 'TRX', {
      ...(target === null ? {} : { target: { op: '<=' as const, value: target } }),
      details,
    }),
    result(`${label}: TRX burned per ${what} (recorded)`, round3(perRecorded), 'TRX', { details }),
    // recorded − chain over every send of the phase, plus transactions no send accounts for: must be 0
    result(
      `${label}: ${what} recorded vs receipts, sun off`,
      Math.abs(Number(cost.recordedSun - cost.chainSun)) + cost.unaccounted,
      'sun',
      { target: { op: '<=', value: 0 }, details },
    ),
    // a send that failed for good burned nothing, so its phase looks cheaper than it is: never a pass
    result(
      `${label}: ${what} sends failed`,
      Object.values(cost.failed).reduce((a, b) => a + b, 0),
      'sends',
      {
        target: { op: '<=', value: 0 },
        details: { failed_sends: JSON.stringify(cost.failed) },
      },
    ),
  ];
  return rows;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

export async function runEnergy(log: (line: string) => void): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const mode of MODES) {
    const label = mode.label;
    const staked = mode.strategy === 'stake';
    const scenario = new Scenario(mode, log);
    const started = performance.now();
    await scenario.start();
    try {
      const first = await scenario.collectRound();
      log(
        `energy (${label}): ${INVOICES} invoices swept (${first.sweeps} sweeps, ${first.sweepsPerInterval.toFixed(0)} per ${BLOCK_INTERVAL_S} s), ` +
          `${(trx(first.cost.chainCollectSun) / INVOICES).toFixed(3)} TRX each on chain, ${(trx(first.cost.recordedCollectSun) / INVOICES).toFixed(3)} recorded`,
      );
      out.push(...costRows(`${label}, fresh addresses`, 'invoice', INVOICES, first.cost, staked ? 1.2 : null));
      out.push(
        result(`${label}: sweeps per ${BLOCK_INTERVAL_S} s block interval`, Math.round(first.sweepsPerInterval), 'sweeps', {
          target: { op: '>=', value: 100 },
          details: { sweeps: first.sweeps },
        }),
      );
      const payouts = await scenario.payoutRound();
      log(`energy (${label}): ${PAYOUTS} payouts, ${(trx(payouts.chainSun) / PAYOUTS).toFixed(3)} TRX each on chain`);
      out.push(...costRows(`${label}`, 'payout', PAYOUTS, payouts, staked ? 0.35 : null));
      if (staked) {
        const returned = await scenario.reuseAddresses();
        const second = await scenario.collectRound(first.depositAddresses);
        log(
          `energy (${label} + reuse): ${returned} addresses back in the pool, ${second.reused} of ${INVOICES} invoices on a reused address, ` +
            `${(trx(second.cost.chainCollectSun) / INVOICES).toFixed(3)} TRX each on chain`,
        );
        out.push(...costRows(`${label} + reuse, reused addresses`, 'invoice', INVOICES, second.cost, 0.2));
        out.push(
          result(`${label} + reuse: invoices on a reused address`, second.reused, 'invoices', { details: { returned_to_pool: returned } }),
        );
        if (!mode.stakeBandwidth) {
          const direct = await scenario.directRound(Math.min(INVOICES, 1000));
          out.push(...costRows('direct_transfer (unique amount)', 'invoice', Math.min(INVOICES, 1000), direct, 0));
        }
      }
      log(`energy (${label}): scenario done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    } finally {
      await scenario.gw.close();
    }
  }
  return out;
}
