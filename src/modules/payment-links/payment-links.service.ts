/**
 * Payment links (issue 21): a merchant's shareable page that creates a `payment_gateway` collection per
 * visit and sends the visitor to its checkout. Create, list, read, deactivate, and the payments made
 * through a link; the visit itself (public, no key) claims one use and creates the payment.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { GatewayConfig } from '../../config/load.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { type AppError, ERROR_CATALOGUE, type FieldError, notFound, validationError } from '../../shared/errors.js';
import { type IdGenerator, isId } from '../../shared/ids.js';
import { err, ok, type Result } from '../../shared/result.js';
import { checkBase58Address } from '../../tron/address.js';
import type { AuditRecorder } from '../audit/audit-trail.js';
import { checkReturnUrl, LINK_TOKEN, paymentLinkUrl } from '../checkout/checkout-rules.js';
import { type ClaimedAnswer, claimed } from '../idempotency/claimed-answer.js';
import type { Payment } from '../payments/payment.js';
import { MAX_DESCRIPTION_LENGTH } from '../payments/payment-draft.js';
import type { Actor, PaymentsService } from '../payments/payments.service.js';
import { type LinkRefusal, linkRefusal, type PaymentLink, REFUSAL_MESSAGES } from './payment-link-rules.js';
import type { PaymentLinksRepository } from './payment-links.repository.js';

export interface CreateLinkInput {
  currency: string;
  payee_address: string;
  amount?: string | number | null;
  description: string;
  success_url?: string | null;
  expires_at?: string | null;
  max_uses?: number | null;
}

export interface PaymentLinksDeps {
  db: Kysely<DB>;
  config: GatewayConfig;
  clock: Clock;
  ids: IdGenerator;
  repository: PaymentLinksRepository;
  payments: Pick<PaymentsService, 'createForLink' | 'listLinkPayments'>;
  audit: AuditRecorder;
}

/** What a visit answers: the checkout to go to, or why the link takes no payment. */
export type VisitOutcome =
  | { kind: 'created'; paymentId: string; checkoutUrl: string }
  | { kind: 'refused'; reason: LinkRefusal; message: string }
  | { kind: 'invalid'; errors: FieldError[] };

export class PaymentLinksService {
  constructor(private readonly deps: PaymentLinksDeps) {}

  /** The link's public URL. */
  urlOf(link: PaymentLink): string {
    return paymentLinkUrl(this.deps.config.raw.server.public_url, link.token);
  }

  /** With `answer`, the Idempotency-Key is claimed and answered in the link's own transaction (ADR 0033). */
  async create(actor: Actor, input: CreateLinkInput, answer?: ClaimedAnswer<PaymentLink>): Promise<Result<PaymentLink, AppError>> {
    const { config, clock } = this.deps;
    const now = clock.now();
    const errors: FieldError[] = [];
    const asset = config.assets.find(input.currency);
    if (!asset) errors.push({ path: 'currency', message: `must be one of: ${config.assets.symbols.join(', ')}` });
    let amount: bigint | null = null;
    if (asset && input.amount !== undefined && input.amount !== null) {
      const parsed = config.assets.parse(asset.symbol, input.amount);
      if (!parsed.ok) errors.push({ path: 'amount', message: parsed.message });
      else if (parsed.value < asset.limits.minAmount)
        errors.push({ path: 'amount', message: `must be at least ${config.assets.format(asset.symbol, asset.limits.minAmount)}` });
      else if (parsed.value > asset.limits.maxSinglePayment)
        errors.push({ path: 'amount', message: `must be at most ${config.assets.format(asset.symbol, asset.limits.maxSinglePayment)}` });
      else amount = parsed.value;
    }
    const payee = checkBase58Address(input.payee_address);
    if (!payee.ok) errors.push({ path: 'payee_address', message: `is not a valid TRON address: ${payee.message}` });
    const description = input.description.trim();
    if (description.length === 0) errors.push({ path: 'description', message: 'must not be empty' });
    else if ([...description].length > MAX_DESCRIPTION_LENGTH)
      errors.push({ path: 'description', message: `must be at most ${MAX_DESCRIPTION_LENGTH} characters` });
    const successUrl = checkReturnUrl(input.success_url, 'success_url', config.raw.network.name === 'devnet', errors);
    let expiresAt: number | null = null;
    if (input.expires_at !== undefined && input.expires_at !== null) {
      const parsed = Date.parse(input.expires_at);
      if (Number.isNaN(parsed)) errors.push({ path: 'expires_at', message: 'must be an ISO-8601 date-time' });
      else if (parsed <= now) errors.push({ path: 'expires_at', message: 'must be in the future' });
      else expiresAt = parsed;
    }
    const maxUses = input.max_uses ?? null;
    if (errors.length > 0 || !asset || !payee.ok) return err(validationError(errors));

    const link: PaymentLink = {
      id: this.deps.ids('plink'),
      merchantId: actor.merchantId,
      token: randomBytes(18).toString('base64url'),
      currency: asset.symbol,
      payeeAddress: payee.base58,
      amount,
      description,
      successUrl,
      expiresAt,
      maxUses,
      uses: 0,
      active: true,
      createdAt: now,
      updatedAt: now,
    };
    return this.deps.db.transaction().execute((trx) =>
      claimed(trx, answer, now, async () => {
        await this.deps.repository.insert(trx, link);
        await this.deps.audit.record(trx, [
          {
            merchantId: actor.merchantId,
            actor: actor.actor,
            action: 'payment_link.created',
            entityType: 'payment_link',
            entityId: link.id,
            requestId: actor.requestId ?? null,
            after: this.auditView(link),
          },
        ]);
        return ok(link);
      }),
    );
  }

  async get(actor: Actor, id: string): Promise<Result<PaymentLink, AppError>> {
    const link = isId('plink', id) ? await this.deps.repository.find(this.deps.db, actor.merchantId, id) : null;
    return link ? ok(link) : err(notFound('payment link', id));
  }

  async list(actor: Actor, limit: number, startingAfter?: string): Promise<Result<{ links: PaymentLink[]; hasMore: boolean }, AppError>> {
    let after: PaymentLink | undefined;
    if (startingAfter !== undefined) {
      const cursor = isId('plink', startingAfter) ? await this.deps.repository.find(this.deps.db, actor.merchantId, startingAfter) : null;
      if (!cursor) return err(validationError([{ path: 'query.starting_after', message: `payment link ${startingAfter} not found` }]));
      after = cursor;
    }
    return ok(await this.deps.repository.list(this.deps.db, actor.merchantId, limit, after));
  }

  /** Stops the link from taking payments; payments already made through it are untouched. Idempotent. */
  /** With `answer`, the Idempotency-Key is claimed and answered in the change's own transaction (ADR 0033). */
  async deactivate(actor: Actor, id: string, answer?: ClaimedAnswer<PaymentLink>): Promise<Result<PaymentLink, AppError>> {
    const found = await this.get(actor, id);
    if (!found.ok) return found;
    const before = found.value;
    const now = this.deps.clock.now();
    const after: PaymentLink = { ...before, active: false, updatedAt: now };
    return this.deps.db.transaction().execute((trx) =>
      claimed(trx, answer, now, async () => {
        // an inactive link stays as it is; the answer is still stored with the key
        if (!before.active) return ok(before);
        await this.deps.repository.deactivate(trx, id, now);
        await this.deps.audit.record(trx, [
          {
            merchantId: actor.merchantId,
            actor: actor.actor,
            action: 'payment_link.deactivated',
            entityType: 'payment_link',
            entityId: id,
            requestId: actor.requestId ?? null,
            before: this.auditView(before),
            after: this.auditView(after),
          },
        ]);
        return ok(after);
      }),
    );
  }

  async payments(
    actor: Actor,
    id: string,
    limit: number,
    startingAfter?: string,
  ): Promise<Result<{ payments: Payment[]; hasMore: boolean }, AppError>> {
    const found = await this.get(actor, id);
    if (!found.ok) return found;
    return this.deps.payments.listLinkPayments(actor.merchantId, id, limit, startingAfter);
  }

  /** A link by its public token, whichever merchant's (the public link page). */
  async findByToken(token: string): Promise<PaymentLink | null> {
    if (!LINK_TOKEN.test(token)) return null;
    return this.deps.repository.findByToken(this.deps.db, token);
  }

  /** Why the link takes no payment now, or null. */
  refusalOf(link: PaymentLink): LinkRefusal | null {
    return linkRefusal(link, this.deps.clock.now());
  }

  /** The public URL of a link by id (a payment's "start again"), or null. */
  async urlOfId(id: string): Promise<string | null> {
    const link = await this.deps.repository.findById(this.deps.db, id);
    return link ? this.urlOf(link) : null;
  }

  /**
   * A visitor pays through the link: one use is claimed (atomically, so max_uses holds under concurrent
   * visits), then a collection is created; a refused creation gives the use back. `amount` is the
   * visitor's, used only when the link has none.
   */
  async visit(link: PaymentLink, amount: unknown, requestId: string | null): Promise<VisitOutcome> {
    const refusal = this.refusalOf(link);
    if (refusal) return { kind: 'refused', reason: refusal, message: REFUSAL_MESSAGES[refusal] };
    const chosen = link.amount === null ? amount : this.deps.config.assets.format(link.currency, link.amount);
    if (chosen === undefined || chosen === null || chosen === '') {
      return { kind: 'invalid', errors: [{ path: 'amount', message: 'is required' }] };
    }
    if (!(await this.deps.repository.claimUse(this.deps.db, link.id, this.deps.clock.now()))) {
      const now = (await this.deps.repository.findById(this.deps.db, link.id)) ?? link;
      const reason = this.refusalOf(now) ?? 'used_up';
      return { kind: 'refused', reason, message: REFUSAL_MESSAGES[reason] };
    }
    const created = await this.deps.payments.createForLink(
      { merchantId: link.merchantId, actor: `link:${link.id}`, requestId },
      {
        payee_address: link.payeeAddress,
        amount: chosen as string | number,
        currency: link.currency,
        description: link.description,
        ...(link.successUrl ? { success_url: link.successUrl } : {}),
      },
      link.id,
    );
    if (created.ok) return { kind: 'created', ...created.value };
    await this.deps.repository.releaseUse(this.deps.db, link.id);
    if (created.error.code === 'validation_failed') return { kind: 'invalid', errors: created.error.errors };
    // the merchant's limits (rate, daily and monthly totals, compliance) refuse it: the visitor can do nothing about that
    if (ERROR_CATALOGUE[created.error.code].status < 500) {
      return { kind: 'refused', reason: 'unavailable', message: REFUSAL_MESSAGES.unavailable };
    }
    throw created.error;
  }

  private auditView(link: PaymentLink) {
    return {
      id: link.id,
      currency: link.currency,
      payee_address: link.payeeAddress,
      amount: link.amount === null ? null : this.deps.config.assets.format(link.currency, link.amount),
      description: link.description,
      success_url: link.successUrl,
      expires_at: link.expiresAt,
      max_uses: link.maxUses,
      active: link.active,
    };
  }
}
