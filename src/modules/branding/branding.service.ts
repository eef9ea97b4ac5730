/**
 * Merchant branding for the hosted checkout (issue 21): display name, accent colour, support e-mail and a
 * logo stored in the database (PNG or an allow-listed SVG, at most 100 KB). The logo is served from a
 * public URL that names the merchant by a random public id, never by its internal id.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Clock, toIso } from '../../shared/clock.js';
import { AppError, type FieldError, validationError } from '../../shared/errors.js';
import { err, ok, type Result } from '../../shared/result.js';
import type { AuditRecorder } from '../audit/audit-trail.js';
import { checkCustomerEmail } from '../checkout/checkout-rules.js';
import type { CheckoutBranding } from '../checkout/checkout-view.js';
import { type ClaimedAnswer, claimedValue } from '../idempotency/claimed-answer.js';
import type { Branding, BrandingRepository, StoredLogo } from './branding.repository.js';
import { checkLogo, MAX_LOGO_BYTES } from './logo-rules.js';

export interface BrandingActor {
  merchantId: string;
  actor: string;
  requestId?: string | null;
}

export interface BrandingInput {
  display_name?: string | null;
  accent_color?: string | null;
  support_email?: string | null;
}

export interface BrandingDeps {
  db: Kysely<DB>;
  clock: Clock;
  repository: BrandingRepository;
  audit: AuditRecorder;
  /** the merchant's own name, the display name until branding sets one */
  merchantName(merchantId: string): Promise<string | null>;
}

const ACCENT = /^#[0-9a-fA-F]{6}$/;
const MAX_NAME = 100;
export const LOGO_PATH_PREFIX = '/checkout/branding';

export interface BrandingView {
  display_name: string | null;
  accent_color: string | null;
  support_email: string | null;
  logo_url: string | null;
  updated_at: string | null;
}

export class BrandingService {
  constructor(private readonly deps: BrandingDeps) {}

  async get(merchantId: string): Promise<BrandingView> {
    const branding = await this.deps.repository.find(this.deps.db, merchantId);
    return viewOf(branding);
  }

  /** With `answer`, the Idempotency-Key is claimed and answered in the change's own transaction (ADR 0033). */
  async update(actor: BrandingActor, input: BrandingInput, answer?: ClaimedAnswer<BrandingView>): Promise<Result<BrandingView, AppError>> {
    const errors: FieldError[] = [];
    const displayName = input.display_name?.trim() || null;
    if (displayName !== null && [...displayName].length > MAX_NAME)
      errors.push({ path: 'display_name', message: `must be at most ${MAX_NAME} characters` });
    const accentColor = input.accent_color ?? null;
    if (accentColor !== null && !ACCENT.test(accentColor)) errors.push({ path: 'accent_color', message: 'must be a colour #rrggbb' });
    const supportEmail = checkCustomerEmail(input.support_email, 'support_email', errors);
    if (errors.length > 0) return err(validationError(errors));
    const fields = { displayName, accentColor: accentColor?.toLowerCase() ?? null, supportEmail };
    return ok(
      await this.write(
        actor,
        'branding.updated',
        (trx, now) => this.deps.repository.setFields(trx, actor.merchantId, fields, now),
        (before, stored) => ({ before: viewOf(before), after: viewOf(stored) }),
        answer,
      ),
    );
  }

  /** Stores a logo after checkLogo; the audit record names its type, size and hash (not its bytes). */
  async setLogo(actor: BrandingActor, contentType: string, bytes: Buffer): Promise<Result<BrandingView, AppError>> {
    if (bytes.length > MAX_LOGO_BYTES) return err(new AppError('payload_too_large', `the logo must be at most ${MAX_LOGO_BYTES} bytes`));
    const checked = checkLogo(contentType, bytes);
    if (!checked.ok) return err(validationError([{ path: 'body', message: checked.message }]));
    const logo: StoredLogo = { bytes, contentType: checked.type, sha256: createHash('sha256').update(bytes).digest('hex') };
    return ok(
      await this.write(
        actor,
        'branding.logo_set',
        (trx, now) => this.deps.repository.setLogo(trx, actor.merchantId, logo, now),
        // the logo's type, size and hash: never its bytes
        () => ({ after: { content_type: logo.contentType, bytes: bytes.length, sha256: logo.sha256 } }),
      ),
    );
  }

  /** One change of a merchant's branding and its audit record, in one transaction (the row made first if missing). */
  private async write(
    actor: BrandingActor,
    action: string,
    apply: (trx: Transaction<DB>, now: number) => Promise<void>,
    audited: (before: Branding | null, stored: Branding | null) => { before?: unknown; after: unknown },
    answer?: ClaimedAnswer<BrandingView>,
  ): Promise<BrandingView> {
    const now = this.deps.clock.now();
    return this.deps.db.transaction().execute((trx) =>
      claimedValue(trx, answer, now, async () => {
        await this.deps.repository.ensure(trx, actor.merchantId, newPublicId(), now);
        const before = await this.deps.repository.find(trx, actor.merchantId);
        await apply(trx, now);
        const after = await this.deps.repository.find(trx, actor.merchantId);
        await this.deps.audit.record(trx, [
          {
            merchantId: actor.merchantId,
            actor: actor.actor,
            action,
            entityType: 'merchant_branding',
            entityId: actor.merchantId,
            requestId: actor.requestId ?? null,
            ...audited(before, after),
          },
        ]);
        return viewOf(after);
      }),
    );
  }

  async logoByPublicId(publicId: string): Promise<StoredLogo | null> {
    if (!/^[A-Za-z0-9_-]{16}$/.test(publicId)) return null;
    return this.deps.repository.logoByPublicId(this.deps.db, publicId);
  }

  /** What the checkout page shows of the merchant. */
  async forCheckout(merchantId: string): Promise<CheckoutBranding> {
    const branding = await this.deps.repository.find(this.deps.db, merchantId);
    const view = viewOf(branding);
    const displayName = view.display_name ?? (await this.deps.merchantName(merchantId)) ?? '';
    return { displayName, accentColor: view.accent_color, supportEmail: view.support_email, logoUrl: view.logo_url };
  }
}

function newPublicId(): string {
  return randomBytes(12).toString('base64url');
}

function viewOf(branding: Branding | null): BrandingView {
  return {
    display_name: branding?.displayName ?? null,
    accent_color: branding?.accentColor ?? null,
    support_email: branding?.supportEmail ?? null,
    logo_url: branding?.logoSha256 != null ? `${LOGO_PATH_PREFIX}/${branding.publicId}/logo?v=${branding.logoSha256.slice(0, 16)}` : null,
    updated_at: branding ? toIso(branding.updatedAt) : null,
  };
}
