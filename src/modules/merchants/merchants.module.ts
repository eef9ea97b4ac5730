/** Wires the merchants module over one database: the composition root and the CLI build it the same way. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Clock, systemClock } from '../../shared/clock.js';
import type { IdGenerator } from '../../shared/ids.js';
import { type AuditRecorder, AuditTrail } from '../audit/audit-trail.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import { ApiKeysService } from './api-keys.service.js';
import { MerchantsRepository } from './merchants.repository.js';
import { MerchantsService } from './merchants.service.js';

export interface MerchantsModule {
  merchants: MerchantsService;
  apiKeys: ApiKeysService;
}

export function createMerchantsModule(
  db: Kysely<DB>,
  options: {
    clock?: Clock;
    ids?: IdGenerator;
    onBackgroundError?: (error: unknown) => void;
    touchIntervalMs?: number;
    principalCacheMs?: number;
    /** where creations and revocations are recorded (default: an AuditTrail of its own over the same chain) */
    audit?: AuditRecorder;
  } = {},
): MerchantsModule {
  const audit = options.audit ?? new AuditTrail(options.clock ?? systemClock);
  const merchants = new MerchantsService({ repository: new MerchantsRepository(db), clock: options.clock, ids: options.ids, audit });
  const apiKeys = new ApiKeysService({
    repository: new ApiKeysRepository(db),
    merchants,
    clock: options.clock,
    ids: options.ids,
    onBackgroundError: options.onBackgroundError,
    touchIntervalMs: options.touchIntervalMs,
    principalCacheMs: options.principalCacheMs,
    audit,
  });
  return { merchants, apiKeys };
}
