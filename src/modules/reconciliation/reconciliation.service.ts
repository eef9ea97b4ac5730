/**
 * Reconciliation use cases (SPEC §3.9): check a payment against the chain on request or in the
 * background, credit a transfer the scanner missed (through the collections recorder, at most once per
 * transaction log), mark a mismatching payment `disputed`, and compare what the gateway's records say
 * every managed address holds with its on-chain balance.
 */

import type { Kysely } from 'kysely';
import type { GatewayConfig } from '../../config/load.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { AppError, notFound, validationError } from '../../shared/errors.js';
import { type IdGenerator, isId } from '../../shared/ids.js';
import { err, ok, type Result } from '../../shared/result.js';
import type { AssetRegistry } from '../assets/asset-registry.js';
import type { AuditContext, AuditRecorder } from '../audit/audit-trail.js';
import type { SendsRepository } from '../chain/sends.repository.js';
import type { RecordResult, TransferRecorder } from '../collections/transfer-recorder.js';
import type { TransfersRepository } from '../collections/transfers.repository.js';
import type { DisputeHolds } from '../disputes/dispute-holds.js';
import { type ClaimedAnswer, claimedValue } from '../idempotency/claimed-answer.js';
import type { Payment } from '../payments/payment.js';
import type { PaymentsRepository } from '../payments/payments.repository.js';
import type { Actor, MerchantDirectory, PaymentsService } from '../payments/payments.service.js';
import type { WalletAddresses } from '../wallets/wallet-addresses.js';
import { BALANCE_PAGE_SIZE, type BalanceRecords, checkBalances } from './balance-check.js';
import { type ReconChain, readTip, readTransaction, type Tip, type TxEvidence } from './chain-evidence.js';
import {
  checkRecorded,
  checkTransaction,
  type Discrepancy,
  decideOutcome,
  expectationFor,
  type PaymentOutcome,
  type RecordedTransfer,
  statusOfOutcome,
} from './reconciliation.js';
import type { ReconciliationFilters, ReconciliationRecord, ReconciliationsRepository } from './reconciliations.repository.js';

export const RECONCILE_JOB = 'reconciliation.run';
const BACKGROUND_ACTOR = 'system:reconciliation';
/** payments re-verified per background run at most */
const BACKGROUND_BATCH = 50;
/** transactions checked per reconciliation at most */
const MAX_TRANSACTIONS = 20;
const TX_ID = /^[0-9a-fA-F]{64}$/;

export interface BalanceRunOptions {
  /** addresses per page (default: the service's, else BALANCE_PAGE_SIZE) */
  pageSize?: number;
  /** called after each page: the background job extends its lease there */
  onPage?: () => Promise<void>;
}

export interface ReconcileInput {
  payment_id: string;
  external_transaction_id?: string | null | undefined;
  notes?: string | null | undefined;
}

export interface ReconciliationServiceDeps {
  db: Kysely<DB>;
  config: GatewayConfig;
  clock: Clock;
  ids: IdGenerator;
  payments: PaymentsRepository;
  lifecycle: Pick<PaymentsService, 'advancePayment' | 'advancePaymentIn'>;
  /** takes a disputed payment's credit out of the settleable balance */
  holds: DisputeHolds;
  records: ReconciliationsRepository;
  /** the payment's recorded transfers (collections' table) */
  transfers: Pick<TransfersRepository, 'recordedFor'> & BalanceRecords['transfers'];
  /** the payment's payout sends (the chain module's table) */
  sends: Pick<SendsRepository, 'txIdsOf'> & BalanceRecords['sends'];
  /** sweeps (the settlement module's table), for the balance check */
  settlements: BalanceRecords['settlements'];
  /** what merchants owe payees (the ledger's table), for the balance check */
  ledger: BalanceRecords['ledger'];
  audit: AuditRecorder;
  merchants: MerchantDirectory;
  wallets: WalletAddresses;
  /** the node and the configured assets on it; null without a chain (requests answer 503) */
  chain: { client: ReconChain; assets: AssetRegistry } | null;
  /** the collections recorder that credits missed transfers; null until collections are wired */
  recorder: TransferRecorder | null;
  /** node calls in flight at once during the balance comparison */
  concurrency?: number;
  /** addresses read per page of the balance comparison */
  pageSize?: number;
}

export class ReconciliationService {
  constructor(private readonly deps: ReconciliationServiceDeps) {}

  /**
   * `POST /reconcile`: checks the payment against the chain and stores the result. With `answer`, the
   * Idempotency-Key is claimed and answered in the transaction that stores the result (ADR 0033).
   */
  async reconcile(
    actor: Actor,
    input: ReconcileInput,
    answer?: ClaimedAnswer<ReconciliationRecord>,
  ): Promise<Result<ReconciliationRecord, AppError>> {
    const external = input.external_transaction_id ?? null;
    if (external !== null && !TX_ID.test(external)) {
      return err(validationError([{ path: 'external_transaction_id', message: 'must be a transaction id: 64 hex digits' }]));
    }
    if (!isId('pay', input.payment_id)) return err(notFound('payment', input.payment_id));
    const payment = await this.deps.payments.find(this.deps.db, actor.merchantId, input.payment_id);
    if (!payment) return err(notFound('payment', input.payment_id));
    if (!this.deps.chain)
      return err(new AppError('chain_unavailable', 'reconciliation needs the TRON node, which this gateway runs without'));
    const record = await this.reconcilePayment(payment, {
      external: external?.toLowerCase() ?? null,
      notes: input.notes ?? null,
      trigger: 'api',
      context: { actor: actor.actor, requestId: actor.requestId ?? null },
      answer,
    });
    return ok(record);
  }

  async list(
    actor: Actor,
    filters: ReconciliationFilters,
    limit: number,
    startingAfter?: string,
  ): Promise<Result<{ records: ReconciliationRecord[]; hasMore: boolean }, AppError>> {
    let after: ReconciliationRecord | undefined;
    if (startingAfter !== undefined) {
      const cursor = isId('recon', startingAfter) ? await this.deps.records.find(this.deps.db, actor.merchantId, startingAfter) : null;
      if (!cursor) return err(validationError([{ path: 'query.starting_after', message: `reconciliation ${startingAfter} not found` }]));
      after = cursor;
    }
    return ok(await this.deps.records.list(this.deps.db, actor.merchantId, filters, limit, after));
  }

  /**
   * One background run: re-verifies completed payments of the lookback window not verified since they
   * completed, then compares balances. Results that only say "not yet" are not stored.
   */
  async runBackground(options: BalanceRunOptions = {}): Promise<{ verified: number; balances: ReconciliationRecord | null }> {
    if (!this.deps.chain) return { verified: 0, balances: null };
    const since = this.deps.clock.now() - this.deps.config.raw.reconciliation.lookback_hours * 3_600_000;
    const due = await this.deps.records.unverifiedCompleted(this.deps.db, since, BACKGROUND_BATCH);
    let verified = 0;
    for (const { id } of due) {
      const payment = await this.deps.payments.findById(this.deps.db, id);
      if (!payment) continue;
      const record = await this.reconcilePayment(payment, {
        external: null,
        notes: null,
        trigger: 'background',
        context: { actor: BACKGROUND_ACTOR, requestId: null },
      });
      if (record.outcome === 'verified' || record.outcome === 'credited') verified += 1;
    }
    const balances = await this.compareBalances(options);
    return { verified, balances };
  }

  /**
   * Compares the on-chain balances of every managed address that holds or may hold funds with the
   * records, page by page, and stores one `balances` result for the whole run.
   */
  async compareBalances(options: BalanceRunOptions = {}): Promise<ReconciliationRecord | null> {
    const chain = this.deps.chain;
    if (!chain) return null;
    const report = await checkBalances({
      db: this.deps.db,
      records: {
        payments: this.deps.payments,
        transfers: this.deps.transfers,
        settlements: this.deps.settlements,
        sends: this.deps.sends,
        ledger: this.deps.ledger,
      },
      client: chain.client,
      assets: chain.assets,
      wallets: this.deps.wallets,
      concurrency: this.deps.concurrency ?? 4,
      pageSize: options.pageSize ?? this.deps.pageSize ?? BALANCE_PAGE_SIZE,
      ...(options.onPage ? { onPage: options.onPage } : {}),
    });
    const outcome = report.discrepancies.length > 0 ? 'differences' : 'balanced';
    const record: ReconciliationRecord = {
      id: this.deps.ids('recon'),
      merchantId: null,
      paymentId: null,
      kind: 'balances',
      trigger: 'background',
      status: statusOfOutcome(outcome),
      outcome,
      externalTransactionId: null,
      notes: null,
      checks: report.checks,
      discrepancies: report.discrepancies,
      actor: BACKGROUND_ACTOR,
      createdAt: this.deps.clock.now(),
    };
    await this.deps.db.transaction().execute(async (trx) => {
      await this.deps.records.insert(trx, record);
      if (record.outcome === 'differences') {
        await this.deps.audit.record(trx, [
          {
            merchantId: null,
            actor: BACKGROUND_ACTOR,
            action: 'reconciliation.balance_differences',
            entityType: 'reconciliation',
            entityId: record.id,
            requestId: null,
            after: { discrepancies: record.discrepancies },
          },
        ]);
      }
    });
    return record;
  }

  /**
   * The last balance comparison as one merchant may see it (`/status` with its admin key): only that
   * merchant's addresses count, and only their differences are shown; `outcome` is this merchant's. A run
   * covers every merchant, so the rest of it is other merchants' business.
   */
  async lastBalances(merchantId: string): Promise<Record<string, unknown> | null> {
    const last = await this.deps.records.latestBalances(this.deps.db);
    if (!last) return null;
    const counts = last.checks.compared_by_merchant as Record<string, number> | undefined;
    let compared: number;
    let differences: Discrepancy[];
    if (counts) {
      compared = counts[merchantId] ?? 0;
      differences = last.discrepancies.filter((d) => d.merchant_id === merchantId);
    } else {
      // a result stored before paging listed every address it compared, each with its merchant
      const rows = (last.checks.addresses as Array<{ address?: unknown; merchant_id?: unknown }> | undefined) ?? [];
      const own = new Set(rows.filter((row) => row.merchant_id === merchantId).map((row) => row.address));
      compared = own.size;
      differences = last.discrepancies.filter((d) => d.address !== undefined && own.has(d.address));
    }
    return {
      reconciliation_id: last.id,
      status: last.status,
      outcome: differences.length > 0 ? 'differences' : 'balanced',
      created_at: new Date(last.createdAt).toISOString(),
      addresses_checked: compared,
      differences,
    };
  }

  // ------------------------------------------------------------------ one payment

  private async reconcilePayment(
    payment: Payment,
    options: {
      external: string | null;
      notes: string | null;
      trigger: 'api' | 'background';
      context: AuditContext;
      answer?: ClaimedAnswer<ReconciliationRecord> | undefined;
    },
  ): Promise<ReconciliationRecord> {
    const chain = this.deps.chain as NonNullable<ReconciliationServiceDeps['chain']>;
    const discrepancies: Discrepancy[] = [];
    const checks: Record<string, unknown> = {};
    let error = false;
    let credited = false;
    let confirmed = true;
    const recorded = await this.recordedTransfers(payment.id);
    const txIds = options.external ? [options.external] : await this.ownTransactionIds(payment, recorded);
    checks.transaction_ids = txIds;
    const hotIndex = await this.deps.merchants.hotWalletIndex(payment.merchantId);
    const expected = expectationFor(payment, hotIndex === null ? null : this.deps.wallets.hotWalletAddress(hotIndex));
    const money = (asset: string, units: bigint) => this.deps.config.assets.format(asset, units);
    checks.expected = {
      asset: expected.asset,
      to: expected.to,
      from: expected.from,
      amount: expected.amount === null ? null : money(expected.asset, expected.amount),
    };
    const required = this.deps.config.priorities[payment.priority].confirmations;
    checks.required_confirmations = required;

    if (txIds.length === 0) {
      error = true;
      discrepancies.push({
        code: 'no_transaction',
        message: `payment ${payment.id} has no transaction to verify; pass external_transaction_id`,
      });
    } else {
      let tip: Tip | null = null;
      const evidence: TxEvidence[] = [];
      try {
        tip = await readTip(chain.client);
        for (const txId of txIds) evidence.push(await readTransaction(chain.client, chain.assets, txId));
      } catch (cause) {
        error = true;
        discrepancies.push({ code: 'chain_unavailable', message: `the TRON node could not be read: ${messageOf(cause)}` });
      }
      if (tip && !error) {
        checks.head_block = tip.head;
        checks.solid_block = tip.solid;
        const perTx: Array<Record<string, unknown>> = [];
        const allOnChain = evidence.flatMap((e) => e.transfers);
        let solidified = true;
        for (const e of evidence) {
          const confirmations = e.blockNumber === null ? 0 : Math.max(0, tip.head - e.blockNumber + 1);
          const isSolid = e.blockNumber !== null && e.blockNumber <= tip.solid;
          solidified &&= isSolid;
          const result = checkTransaction(e, expected, money);
          const ownUnseen = !options.external && !e.found && (payment.status === 'processing' || payment.status === 'pending');
          // a payout just broadcast is not in a block yet: that is "not yet", not a mismatch
          if (ownUnseen) confirmed = false;
          else if (!e.found && options.external) {
            error = true;
            discrepancies.push(...result.discrepancies);
          } else discrepancies.push(...result.discrepancies);
          if (e.found && confirmations < required) confirmed = false;
          perTx.push({
            transaction_id: e.txId,
            found: e.found,
            success: e.success,
            result: e.result,
            block_number: e.blockNumber,
            confirmations,
            solidified: isSolid,
            transfers: e.transfers.map((t) => ({
              log_index: t.logIndex,
              asset: t.asset,
              from: t.from,
              to: t.to,
              amount: money(t.asset, t.amount),
            })),
          });
        }
        checks.transactions = perTx;
        checks.solidified = solidified;
        // every transfer the gateway counted for this payment must be on chain as recorded
        for (const r of recorded) {
          if (!txIds.includes(r.txId)) continue;
          const problem = checkRecorded(r, allOnChain, money);
          if (problem) discrepancies.push(problem);
        }
        if (!options.external && discrepancies.length === 0 && payment.method !== 'route' && confirmed) {
          const onChainTotal = recorded.reduce((sum, r) => sum + r.amount, 0n);
          if (recorded.length > 0 && onChainTotal !== payment.amountReceived) {
            discrepancies.push({
              code: 'amount_received_mismatch',
              message: `the payment's transfers add up to ${money(payment.currency, onChainTotal)} ${payment.currency}; the payment says ${money(payment.currency, payment.amountReceived)} was received`,
              expected: money(payment.currency, onChainTotal),
              actual: money(payment.currency, payment.amountReceived),
            });
          }
        }
        // transfers of a collection the gateway never recorded: the scanner missed them
        if (discrepancies.length === 0 && !error && confirmed && payment.method !== 'route') {
          const known = new Set(recorded.map((r) => `${r.txId}#${r.logIndex}`));
          const matching = evidence.flatMap((e) => checkTransaction(e, expected, money).matching);
          const missed = matching.filter((t) => !known.has(`${t.txId}#${t.logIndex}`));
          if (missed.length > 0) {
            const outcome = await this.creditMissed(missed, tip, payment.id);
            checks.credit = outcome.results;
            if (outcome.error) {
              error = true;
              discrepancies.push(outcome.error);
            }
            credited = outcome.results.some((r) => r.outcome === 'credited' && r.paymentId === payment.id);
          }
        }
      }
    }

    const outcome: PaymentOutcome = decideOutcome({ discrepancies: discrepancies.length, confirmed, credited, error });
    const status = statusOfOutcome(outcome);
    const record: ReconciliationRecord = {
      id: this.deps.ids('recon'),
      merchantId: payment.merchantId,
      paymentId: payment.id,
      kind: 'payment',
      trigger: options.trigger,
      status,
      outcome,
      externalTransactionId: options.external,
      notes: options.notes,
      checks,
      discrepancies,
      actor: options.context.actor,
      createdAt: this.deps.clock.now(),
    };
    // pending answers of the background job say nothing new; every other result is kept
    if (options.trigger === 'background' && outcome === 'pending') return record;
    const disputable =
      outcome === 'disputed' && (payment.status === 'processing' || payment.status === 'confirmed' || payment.status === 'completed');
    if (outcome === 'disputed' && !disputable) {
      checks.payment_disputed = false;
      checks.payment_status = payment.status;
    }
    // The run's only writes of its own, and the request's Idempotency-Key, in one last transaction: the
    // step to disputed with the hold of its credit (a disputed credit is never settleable), the result and
    // its audit record. What came before only read the chain, or credited missed transfers through the
    // recorder, at most once per transfer log, so a duplicate that loses the claim here changed nothing.
    return this.deps.db.transaction().execute((trx) =>
      claimedValue(trx, options.answer, this.deps.clock.now(), async () => {
        if (disputable) {
          const step = await this.deps.lifecycle.advancePaymentIn(
            trx,
            payment.id,
            { to: 'disputed', reason: `reconciliation ${record.id}: ${discrepancies.map((d) => d.code).join(', ')}` },
            options.context,
          );
          if (step.ok) await this.deps.holds.hold(trx, step.value, this.deps.clock.now());
          checks.payment_disputed = step.ok;
        }
        await this.deps.records.insert(trx, record);
        await this.deps.audit.record(trx, [
          {
            merchantId: payment.merchantId,
            actor: options.context.actor,
            action: 'payment.reconciled',
            entityType: 'reconciliation',
            entityId: record.id,
            requestId: options.context.requestId,
            after: { payment_id: payment.id, status, outcome, discrepancies },
          },
        ]);
        return record;
      }),
    );
  }

  private async creditMissed(
    missed: Parameters<TransferRecorder['recordTransfer']>[0][],
    tip: Tip,
    paymentId: string,
  ): Promise<{ results: RecordResult[]; error: Discrepancy | null }> {
    const recorder = this.deps.recorder;
    if (!recorder) {
      return {
        results: [],
        error: {
          code: 'cannot_credit',
          message: 'a transfer the scanner missed was found, but no transfer recorder is running to credit it',
        },
      };
    }
    const results = await recorder.recordTransfers(missed, tip, 'reconciliation');
    const foreign = results.find((r) => r.paymentId !== null && r.paymentId !== paymentId);
    return {
      results,
      error: foreign
        ? {
            code: 'transfer_of_other_payment',
            message: `transfer ${foreign.transferId} belongs to payment ${foreign.paymentId}`,
          }
        : null,
    };
  }

  private async recordedTransfers(paymentId: string): Promise<RecordedTransfer[]> {
    return this.deps.transfers.recordedFor(this.deps.db, paymentId, MAX_TRANSACTIONS);
  }

  /** The payment's own transactions: its transaction_id, the transfers credited to it, its payout sends. */
  private async ownTransactionIds(payment: Payment, recorded: readonly RecordedTransfer[]): Promise<string[]> {
    const ids = new Set<string>();
    if (payment.transactionId) ids.add(payment.transactionId.toLowerCase());
    for (const r of recorded) ids.add(r.txId.toLowerCase());
    const sent = await this.deps.sends.txIdsOf(this.deps.db, 'payout', payment.id, ['broadcast', 'confirmed', 'completed']);
    for (const txId of sent) if (txId) ids.add(txId.toLowerCase());
    return [...ids].slice(0, MAX_TRANSACTIONS);
  }
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message.slice(0, 200) : 'failed';
}
