/**
 * One catalogue of error codes: a stable string, an HTTP status, a title and whether retrying the same
 * request can succeed. Domain and use-case code raise `AppError` with a code; only the HTTP error
 * handler turns it into a status and a problem document.
 */

export const ERROR_CATALOGUE = {
  malformed_request: { status: 400, title: 'Malformed request', retryable: false },
  unauthorized: { status: 401, title: 'Unauthorized', retryable: false },
  forbidden: { status: 403, title: 'Forbidden', retryable: false },
  not_found: { status: 404, title: 'Not found', retryable: false },
  method_not_allowed: { status: 405, title: 'Method not allowed', retryable: false },
  invalid_transition: { status: 409, title: 'Invalid state transition', retryable: false },
  conflict: { status: 409, title: 'Conflict', retryable: false },
  idempotency_in_flight: { status: 409, title: 'Request with this Idempotency-Key is in progress', retryable: true },
  payload_too_large: { status: 413, title: 'Payload too large', retryable: false },
  unsupported_media_type: { status: 415, title: 'Unsupported media type', retryable: false },
  validation_failed: { status: 422, title: 'Validation failed', retryable: false },
  idempotency_key_reused: { status: 422, title: 'Idempotency-Key reused with a different request', retryable: false },
  limit_exceeded: { status: 422, title: 'Limit exceeded', retryable: false },
  compliance_refused: { status: 422, title: 'Refused by compliance rules', retryable: false },
  method_unavailable: { status: 422, title: 'Payment method unavailable', retryable: false },
  rate_limited: { status: 429, title: 'Too many requests', retryable: true },
  too_many_batches: { status: 429, title: 'Too many batches in flight', retryable: true },
  internal: { status: 500, title: 'Internal error', retryable: true },
  chain_unavailable: { status: 503, title: 'TRON node unavailable', retryable: true },
  not_ready: { status: 503, title: 'Service not ready', retryable: true },
} as const satisfies Record<string, { status: number; title: string; retryable: boolean }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface FieldError {
  /** JSON pointer-ish path of the offending field: "amount", "payments/3/payee_address", "query.limit" */
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    /** seconds, for 429 answers */
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }
}

export function validationError(errors: FieldError[], detail?: string): AppError {
  const summary = errors.map((e) => `${e.path} ${e.message}`).join('; ');
  return new AppError('validation_failed', detail ?? summary, errors);
}

export function fieldError(path: string, message: string): AppError {
  return validationError([{ path, message }]);
}

export function notFound(what: string, id: string): AppError {
  return new AppError('not_found', `${what} ${id} not found`);
}
