/**
 * Batch items are validated one by one (SPEC §3.6): the request schema accepts any item so that one bad
 * item does not refuse the batch, and each item is checked here against the create-payment schema.
 */
import { Ajv } from 'ajv';
import { withTextRules } from '../../http/text-rules.js';
import { BODY_AJV_OPTIONS, toFieldErrors } from '../../http/validation.js';
import type { FieldError } from '../../shared/errors.js';
import type { CreatePaymentInput } from './payment-draft.js';
import { CreatePaymentBody } from './payments.schemas.js';

const ajv = new Ajv({ ...BODY_AJV_OPTIONS, strict: false });
// the same rules as a single create, control characters in text included
const validateItem = ajv.compile(withTextRules(CreatePaymentBody) as typeof CreatePaymentBody);

export function checkBatchItem(
  item: unknown,
  index: number,
): { ok: true; input: CreatePaymentInput } | { ok: false; errors: FieldError[] } {
  const prefix = `payments/${index}`;
  // A root-level type error would come back with the path "body"; an item that is no object is reported at the item itself.
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return { ok: false, errors: [{ path: prefix, message: 'must be an object' }] };
  }
  if (validateItem(item)) return { ok: true, input: item as CreatePaymentInput };
  const errors = toFieldErrors((validateItem.errors ?? []) as Parameters<typeof toFieldErrors>[0], 'body').map((e) => ({
    path: e.path === '' || e.path === '(body)' ? prefix : `${prefix}/${e.path}`,
    message: e.message,
  }));
  return { ok: false, errors };
}
