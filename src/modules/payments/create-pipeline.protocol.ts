/** Messages between the create pipeline's worker thread and the process that feeds it. */
import type { GatewayConfig } from '../../config/load.js';
import type { DatabaseOptions } from '../../db/database.js';
import { AppError, type ErrorCode, type FieldError } from '../../shared/errors.js';
import type { CreatedUnit, CreateUnit, UnitOutcome } from './create-pipeline.js';

export interface PipelineWorkerData {
  config: GatewayConfig;
  database: DatabaseOptions;
  wallet: { mnemonic: string; passphrase: string; deposit: number; hotWallet: number };
  idempotencyTtlMs: number;
  apiVersion: string;
}

/**
 * Units submitted in one turn of the HTTP thread's event loop travel together, and so do the outcomes of
 * one group: a message per payment each way cost the HTTP thread more than its own parsing. A unit
 * carries its actor and request id, so the worker's audit records name them.
 */
export type ToWorker = { type: 'submit'; units: Array<{ id: number; unit: CreateUnit }> } | { type: 'close' };

export interface SerializedError {
  code: ErrorCode;
  detail: string;
  errors: FieldError[];
  retryAfterSeconds?: number;
}

export type SerializedOutcome = { ok: true; value: CreatedUnit } | { ok: false; error: SerializedError };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'outcomes'; outcomes: Array<{ id: number; outcome: SerializedOutcome }> }
  | { type: 'committed'; units: number; jobsDueNow: number }
  | { type: 'log'; level: 'error' | 'warn'; message: string; stack?: string }
  | { type: 'closed' };

export function serializeOutcome(outcome: UnitOutcome): SerializedOutcome {
  if (outcome.ok) return outcome;
  const e = outcome.error;
  return {
    ok: false,
    error: {
      code: e.code,
      detail: e.detail,
      errors: e.errors,
      ...(e.retryAfterSeconds !== undefined ? { retryAfterSeconds: e.retryAfterSeconds } : {}),
    },
  };
}

export function deserializeOutcome(outcome: SerializedOutcome): UnitOutcome {
  if (outcome.ok) return outcome;
  const e = outcome.error;
  return { ok: false, error: new AppError(e.code, e.detail, e.errors, e.retryAfterSeconds) };
}
