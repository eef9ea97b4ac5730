/** Storage of merchant branding (one row per merchant); the same queries on SQLite and PostgreSQL. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB, MerchantBrandingTable } from '../../db/schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

export interface Branding {
  merchantId: string;
  publicId: string;
  displayName: string | null;
  accentColor: string | null;
  supportEmail: string | null;
  logoContentType: string | null;
  logoSha256: string | null;
  updatedAt: number;
}

export interface StoredLogo {
  bytes: Buffer;
  contentType: string;
  sha256: string;
}

function rowToBranding(row: Omit<Selectable<MerchantBrandingTable>, 'logo_base64'>): Branding {
  return {
    merchantId: row.merchant_id,
    publicId: row.public_id,
    displayName: row.display_name,
    accentColor: row.accent_color,
    supportEmail: row.support_email,
    logoContentType: row.logo_content_type,
    logoSha256: row.logo_sha256,
    updatedAt: Number(row.updated_at),
  };
}

const FIELDS = [
  'merchant_id',
  'public_id',
  'display_name',
  'accent_color',
  'support_email',
  'logo_content_type',
  'logo_sha256',
  'updated_at',
] as const;

export class BrandingRepository {
  /** The merchant's branding without the logo bytes. */
  async find(executor: Executor, merchantId: string): Promise<Branding | null> {
    const row = await executor.selectFrom('merchant_branding').select(FIELDS).where('merchant_id', '=', merchantId).executeTakeFirst();
    return row ? rowToBranding(row) : null;
  }

  /** Creates the row with its public id if the merchant has none yet. */
  async ensure(executor: Executor, merchantId: string, publicId: string, at: number): Promise<void> {
    await executor
      .insertInto('merchant_branding')
      .values({ merchant_id: merchantId, public_id: publicId, updated_at: at })
      .onConflict((oc) => oc.column('merchant_id').doNothing())
      .execute();
  }

  async setFields(
    executor: Executor,
    merchantId: string,
    fields: { displayName: string | null; accentColor: string | null; supportEmail: string | null },
    at: number,
  ): Promise<void> {
    await executor
      .updateTable('merchant_branding')
      .set({ display_name: fields.displayName, accent_color: fields.accentColor, support_email: fields.supportEmail, updated_at: at })
      .where('merchant_id', '=', merchantId)
      .execute();
  }

  async setLogo(executor: Executor, merchantId: string, logo: StoredLogo | null, at: number): Promise<void> {
    await executor
      .updateTable('merchant_branding')
      .set({
        logo_base64: logo ? logo.bytes.toString('base64') : null,
        logo_content_type: logo?.contentType ?? null,
        logo_sha256: logo?.sha256 ?? null,
        updated_at: at,
      })
      .where('merchant_id', '=', merchantId)
      .execute();
  }

  /** The logo by the merchant's public id (the public logo URL). */
  async logoByPublicId(executor: Executor, publicId: string): Promise<StoredLogo | null> {
    const row = await executor
      .selectFrom('merchant_branding')
      .select(['logo_base64', 'logo_content_type', 'logo_sha256'])
      .where('public_id', '=', publicId)
      .executeTakeFirst();
    if (!row || row.logo_base64 === null || row.logo_content_type === null || row.logo_sha256 === null) return null;
    return { bytes: Buffer.from(row.logo_base64, 'base64'), contentType: row.logo_content_type, sha256: row.logo_sha256 };
  }
}
