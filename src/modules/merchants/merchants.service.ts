/** Use cases on merchants: create one (with its hot-wallet index), read them, and make sure the default one exists. */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Clock, systemClock } from '../../shared/clock.js';
import { notFound, validationError } from '../../shared/errors.js';
import { type IdGenerator, newId } from '../../shared/ids.js';
import { type AuditContext, type AuditRecorder, AuditTrail } from '../audit/audit-trail.js';
import {
  type CreateMerchantInput,
  DEFAULT_MERCHANT_HD_INDEX,
  DEFAULT_MERCHANT_NAME,
  type Merchant,
  toMerchantView,
  validateMerchantInput,
} from './merchant.js';
import type { MerchantsRepository } from './merchants.repository.js';

export interface MerchantsServiceDeps {
  repository: MerchantsRepository;
  clock?: Clock;
  ids?: IdGenerator;
  /** default: an AuditTrail on the same clock */
  audit?: AuditRecorder;
}

/** Who acts when a caller does not say: code of the gateway itself. */
export const INTERNAL_ACTOR: AuditContext = { actor: 'system:internal', requestId: null };

export class MerchantsService {
  private readonly repository: MerchantsRepository;
  private readonly clock: Clock;
  private readonly ids: IdGenerator;
  private readonly audit: AuditRecorder;

  constructor(deps: MerchantsServiceDeps) {
    this.repository = deps.repository;
    this.clock = deps.clock ?? systemClock;
    this.ids = deps.ids ?? newId;
    this.audit = deps.audit ?? new AuditTrail(this.clock);
  }

  /** A new active merchant with the next free hot-wallet index. Throws `validation_failed` for a bad name or frequency. */
  async createMerchant(input: CreateMerchantInput, context: AuditContext = INTERNAL_ACTOR): Promise<Merchant> {
    const checked = validateMerchantInput(input);
    if (!checked.ok) throw validationError(checked.error);
    return this.repository.insertWithNextIndex(
      {
        id: this.ids('mer'),
        name: checked.value.name,
        status: 'active',
        settlementFrequency: checked.value.settlementFrequency,
        now: this.clock.now(),
      },
      (trx, merchant) => this.recordCreated(trx, merchant, context),
    );
  }

  /** Throws `not_found` for an unknown id. */
  async getMerchant(id: string): Promise<Merchant> {
    const merchant = await this.findMerchant(id);
    if (!merchant) throw notFound('merchant', id);
    return merchant;
  }

  async findMerchant(id: string): Promise<Merchant | null> {
    return this.repository.findById(id);
  }

  async listMerchants(): Promise<Merchant[]> {
    return this.repository.list();
  }

  /**
   * The install's default merchant (hot-wallet index 0), created on first call. Idempotent also across
   * processes starting at once: the unique hot-wallet index lets exactly one insert win.
   */
  async ensureDefaultMerchant(context: AuditContext = INTERNAL_ACTOR): Promise<{ merchant: Merchant; created: boolean }> {
    const existing = await this.repository.findByHdIndex(DEFAULT_MERCHANT_HD_INDEX);
    if (existing) return { merchant: existing, created: false };
    const created = await this.repository.insertDefaultIfAbsent(
      {
        id: this.ids('mer'),
        name: DEFAULT_MERCHANT_NAME,
        status: 'active',
        settlementFrequency: null,
        now: this.clock.now(),
      },
      (trx, merchant) => this.recordCreated(trx, merchant, context),
    );
    const merchant = await this.repository.findByHdIndex(DEFAULT_MERCHANT_HD_INDEX);
    if (!merchant) throw new Error('the default merchant vanished right after it was created');
    return { merchant, created };
  }

  private recordCreated(trx: Transaction<DB>, merchant: Merchant, context: AuditContext): Promise<void> {
    return this.audit.record(trx, [
      {
        merchantId: merchant.id,
        actor: context.actor,
        action: 'merchant.created',
        entityType: 'merchant',
        entityId: merchant.id,
        requestId: context.requestId,
        after: toMerchantView(merchant),
      },
    ]);
  }
}
