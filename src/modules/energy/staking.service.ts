/**
 * Staking is the operator's act (issue 19): stake TRX of a merchant's hot wallet for energy or bandwidth,
 * unstake it, and withdraw what has passed the unfreeze delay. Each request is checked against the chain
 * (java-tron's own rules: at least 1 TRX, not more than the balance, not more than is staked, at most 32
 * pending unstakes), then queued as one chain send in a transaction that also writes the audit record; the
 * sender signs and broadcasts it like any transfer, and its outcome is audited too. The send's owner id
 * (`stk_…`) is the operation's id.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ClaimedAnswer } from '../../http/ports.js';
import type { Clock } from '../../shared/clock.js';
import { toIso } from '../../shared/clock.js';
import { AppError, fieldError } from '../../shared/errors.js';
import type { IdGenerator } from '../../shared/ids.js';
import { formatAmount, parseAmount } from '../../shared/money.js';
import { err, ok, type Result } from '../../shared/result.js';
import { type AccountInfo, stakedSun } from '../../tron/node-json.js';
import type { ResourceCode } from '../../tron/resource-contracts.js';
import type { AuditRecorder } from '../audit/audit-trail.js';
import type { SendFailureReason, SendHandler, SendQueue, SendRecord, SendTransaction } from '../chain/send-contract.js';
import { claimed } from '../idempotency/claimed-answer.js';
import type { MerchantDirectory } from '../payments/payments.service.js';

/** java-tron: FreezeBalanceV2 needs at least 1 TRX; an account has at most 32 unstakes pending. */
export const MIN_STAKE_SUN = 1_000_000n;
export const MAX_PENDING_UNSTAKES = 32;
const TRX_DECIMALS = 6;
/** the operator's acts go before payouts of normal priority */
const SEND_PRIORITY = 0;
const SEND_MAX_RETRIES = 5;

export type StakingAction = 'stake' | 'unstake' | 'withdraw_unstaked';
export const STAKING_ACTIONS: readonly StakingAction[] = ['stake', 'unstake', 'withdraw_unstaked'];

/** What staking reads from the chain: the hot wallet's account (balance, frozenV2, unfrozenV2). */
export interface StakingChain {
  account(address: string): Promise<AccountInfo>;
}

export interface StakingCaller {
  merchantId: string;
  /** `key_…`, `cli:…` */
  actor: string;
  requestId: string | null;
}

export interface StakeInput {
  trx?: unknown;
  resource?: unknown;
}

export interface StakingOperation {
  id: string;
  action: StakingAction;
  merchantId: string;
  hotWallet: string;
  resource: ResourceCode | null;
  /** sun staked or unstaked; for a withdrawal, what was withdrawable when it was asked for */
  amount: bigint;
  send: SendRecord;
}

export interface StakingServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  ids: IdGenerator;
  audit: AuditRecorder;
  sends: SendQueue;
  merchants: MerchantDirectory;
  hotWalletAddress(merchantIndex: number): string;
  /** null when no node is configured: every request answers chain_unavailable */
  chain: StakingChain | null;
  /** called after a send was queued (wakes the sender) */
  onQueued?: () => void;
}

export class StakingService {
  constructor(private readonly deps: StakingServiceDeps) {}

  async stake(
    caller: StakingCaller,
    input: StakeInput,
    answer?: ClaimedAnswer<StakingOperation>,
  ): Promise<Result<StakingOperation, AppError>> {
    const resource = parseResource(input.resource);
    if (!resource.ok) return resource;
    const amount = parseTrx(input.trx);
    if (!amount.ok) return amount;
    return this.run(caller, 'stake', answer, async (account) => {
      if (amount.value > account.balance) {
        return err(fieldError('trx', `is more than the hot wallet's balance of ${trxText(account.balance)} TRX`));
      }
      return ok({ amount: amount.value, resource: resource.value });
    });
  }

  async unstake(
    caller: StakingCaller,
    input: StakeInput,
    answer?: ClaimedAnswer<StakingOperation>,
  ): Promise<Result<StakingOperation, AppError>> {
    const resource = parseResource(input.resource);
    if (!resource.ok) return resource;
    const amount = parseTrx(input.trx);
    if (!amount.ok) return amount;
    return this.run(caller, 'unstake', answer, async (account) => {
      const staked = stakedSun(account, resource.value);
      if (amount.value > staked) {
        return err(
          fieldError(
            'trx',
            `is more than the ${trxText(staked)} TRX staked for ${resource.value} (and not delegated out) by the hot wallet`,
          ),
        );
      }
      if (account.unfrozenV2.length >= MAX_PENDING_UNSTAKES) {
        return err(fieldError('trx', `cannot be unstaked now: ${MAX_PENDING_UNSTAKES} unstakes are pending, the most the chain allows`));
      }
      return ok({ amount: amount.value, resource: resource.value });
    });
  }

  async withdrawUnstaked(caller: StakingCaller, answer?: ClaimedAnswer<StakingOperation>): Promise<Result<StakingOperation, AppError>> {
    return this.run(caller, 'withdraw_unstaked', answer, async (account) => {
      const now = BigInt(this.deps.clock.now());
      const due = account.unfrozenV2.filter((u) => u.unfreezeExpireTime <= now).reduce((sum, u) => sum + u.unfreezeAmount, 0n);
      if (due === 0n) {
        const next = account.unfrozenV2.reduce<bigint | null>(
          (min, u) => (min === null || u.unfreezeExpireTime < min ? u.unfreezeExpireTime : min),
          null,
        );
        const when = next === null ? 'nothing is being unstaked' : `the next unstake is withdrawable at ${toIso(Number(next))}`;
        return err(new AppError('conflict', `there is no unstaked TRX past the unfreeze delay to withdraw: ${when}`));
      }
      return ok({ amount: due, resource: null });
    });
  }

  /**
   * Checks against the hot wallet's account, then queues the send and the audit record in one transaction,
   * which also claims the request's Idempotency-Key (ADR 0033): a duplicate, in any process, gets this answer.
   */
  private async run(
    caller: StakingCaller,
    action: StakingAction,
    answer: ClaimedAnswer<StakingOperation> | undefined,
    check: (account: AccountInfo) => Promise<Result<{ amount: bigint; resource: ResourceCode | null }, AppError>>,
  ): Promise<Result<StakingOperation, AppError>> {
    const index = await this.deps.merchants.hotWalletIndex(caller.merchantId);
    if (index === null) return err(new AppError('not_found', `merchant ${caller.merchantId} not found`));
    const chain = this.deps.chain;
    if (!chain) return err(new AppError('chain_unavailable', 'staking needs a TRON node (network.rpc_urls)'));
    const hotWallet = this.deps.hotWalletAddress(index);
    let account: AccountInfo;
    try {
      account = await chain.account(hotWallet);
    } catch {
      return err(new AppError('chain_unavailable', 'the TRON node did not answer; the hot wallet cannot be checked right now'));
    }
    const checked = await check(account);
    if (!checked.ok) return checked;
    const { amount, resource } = checked.value;
    const id = this.deps.ids('stk');
    const result = await this.deps.db.transaction().execute((trx) =>
      claimed(trx, answer, this.deps.clock.now(), async () => {
        const queued = await this.deps.sends.enqueue(trx, {
          purpose: action,
          ownerId: id,
          merchantId: caller.merchantId,
          signer: { kind: 'hot', merchantIndex: index },
          toAddress: hotWallet,
          asset: 'TRX',
          // a withdrawal takes everything due: its contract carries no amount
          amount: action === 'withdraw_unstaked' ? 0n : amount,
          ...(resource ? { resource } : {}),
          priority: SEND_PRIORITY,
          maxRetries: SEND_MAX_RETRIES,
        });
        await this.deps.audit.record(trx, [
          {
            merchantId: caller.merchantId,
            actor: caller.actor,
            action: `wallet.${action}_requested`,
            entityType: 'staking_operation',
            entityId: id,
            requestId: caller.requestId,
            after: { hot_wallet: hotWallet, resource, trx: trxText(amount), send_id: queued.id },
          },
        ]);
        return ok({ id, action, merchantId: caller.merchantId, hotWallet, resource, amount, send: queued });
      }),
    );
    if (result.ok) this.deps.onQueued?.();
    return result;
  }

  /** The sender's steps of staking sends, audited: in a block, final, or failed for good. */
  sendHandler(): SendHandler {
    const audit = (verb: string, reason?: SendFailureReason, detail?: string) => async (trx: SendTransaction, send: SendRecord) => {
      await this.deps.audit.record(trx, [
        {
          merchantId: send.merchantId,
          actor: 'system:sender',
          action: `wallet.${send.purpose}_${verb}`,
          entityType: 'staking_operation',
          entityId: send.ownerId,
          requestId: null,
          after: {
            send_id: send.id,
            transaction_id: send.txId,
            resource: send.resource,
            trx: trxText(send.amount),
            network_fee: send.networkFee === null ? null : trxText(send.networkFee),
            ...(reason ? { failure_reason: reason, detail } : {}),
          },
        },
      ]);
    };
    return {
      onCompleted: (trx, send) => audit('completed')(trx, send),
      onFailed: (trx, send, reason, detail) => audit('failed', reason, detail)(trx, send),
    };
  }
}

/** The API and CLI view of a queued operation. */
export function toStakingOperationView(op: StakingOperation) {
  return {
    object: 'staking_operation' as const,
    operation_id: op.id,
    action: op.action,
    hot_wallet: op.hotWallet,
    resource: op.resource,
    trx: trxText(op.amount),
    status: op.send.status,
    send_id: op.send.id,
    created_at: toIso(op.send.createdAt),
  };
}

function parseTrx(input: unknown): Result<bigint, AppError> {
  const parsed = parseAmount(input, TRX_DECIMALS);
  if (!parsed.ok) return err(fieldError('trx', parsed.message));
  if (parsed.value < MIN_STAKE_SUN) return err(fieldError('trx', 'must be at least 1 TRX'));
  return ok(parsed.value);
}

function parseResource(input: unknown): Result<ResourceCode, AppError> {
  if (input === undefined || input === null) return ok('ENERGY');
  if (input === 'ENERGY' || input === 'BANDWIDTH') return ok(input);
  return err(fieldError('resource', 'must be ENERGY or BANDWIDTH'));
}

function trxText(sun: bigint): string {
  return formatAmount(sun, TRX_DECIMALS);
}
