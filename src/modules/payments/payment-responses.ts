/**
 * The bodies the create endpoints answer with. The create pipeline renders them inside its transaction,
 * so that the exact bytes can be stored for an Idempotency-Key and replayed byte for byte.
 */
import type { GatewayConfig } from '../../config/load.js';
import type { FieldError } from '../../shared/errors.js';
import type { Batch } from '../batches/batch.js';
import { batchEventObject } from './batch-view.js';
import type { Payment } from './payment.js';
import { toPaymentView } from './payment.view.js';

export interface BatchItemResult {
  index: number;
  payment?: Payment;
  errors?: FieldError[];
}

export interface BatchCreated {
  batch: Batch;
  items: BatchItemResult[];
}

/** What a create unit answers with: one payment, or a batch with per-item results. */
export type CreateResponse = { kind: 'payment' } | { kind: 'batch'; items: BatchItemResult[] };

export interface Rendered {
  statusCode: number;
  body: string;
}

export function renderCreated(
  response: CreateResponse,
  payments: Payment[],
  batch: Batch | null,
  priorities: GatewayConfig['priorities'],
): Rendered {
  if (response.kind === 'payment') return { statusCode: 201, body: JSON.stringify(toPaymentView(payments[0] as Payment, priorities)) };
  return { statusCode: 201, body: JSON.stringify(batchResultView(assembleBatch(payments, batch as Batch, response.items), priorities)) };
}

/** Puts the created payments back at the indices of the items that were valid. */
export function assembleBatch(payments: Payment[], batch: Batch, items: BatchItemResult[]): BatchCreated {
  let next = 0;
  return { batch, items: items.map((item) => (item.errors ? item : { index: item.index, payment: payments[next++] as Payment })) };
}

export function batchResultView(created: BatchCreated, priorities: GatewayConfig['priorities']) {
  return {
    ...batchEventObject(created.batch),
    results: created.items.map((item) => {
      if (item.errors) return { index: item.index, status: 'rejected' as const, errors: item.errors };
      const view = toPaymentView(item.payment as Payment, priorities);
      return {
        index: item.index,
        status: 'created' as const,
        payment_id: view.payment_id,
        amount: view.amount,
        fee: view.fee,
        net_amount: view.net_amount,
        deposit_address: view.deposit_address,
        requires_approval: view.requires_approval,
      };
    }),
  };
}
