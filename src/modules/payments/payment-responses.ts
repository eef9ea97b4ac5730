/**
 * The bodies the create endpoints answer with. The create pipeline renders them inside its transaction,
 * so that the exact bytes can be stored for an Idempotency-Key and replayed byte for byte.
 */

import type { AssetCatalog } from '../../shared/catalogues/asset-catalog.js';
import type { FieldError } from '../../shared/errors.js';
import type { Batch } from '../batches/batch.js';
import { batchEventObject } from './batch-view.js';
import type { Payment } from './payment.js';
import { type PaymentView, toPaymentView, type ViewContext } from './payment.view.js';

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

/** `views` are the payments' API representations when the caller already has them (the outbox events). */
export function renderCreated(
  response: CreateResponse,
  payments: Payment[],
  batch: Batch | null,
  context: ViewContext,
  views?: readonly PaymentView[],
  checkoutUrls?: ReadonlyMap<string, string>,
): Rendered {
  if (response.kind === 'payment') {
    const payment = payments[0] as Payment;
    const view = views?.[0] ?? toPaymentView(payment, context);
    const url = checkoutUrls?.get(payment.id);
    return { statusCode: 201, body: JSON.stringify(url === undefined ? view : { ...view, checkout_url: url }) };
  }
  return {
    statusCode: 201,
    body: JSON.stringify(batchResultView(assembleBatch(payments, batch as Batch, response.items), context.assets, checkoutUrls)),
  };
}

/** Puts the created payments back at the indices of the items that were valid. */
export function assembleBatch(payments: Payment[], batch: Batch, items: BatchItemResult[]): BatchCreated {
  let next = 0;
  return { batch, items: items.map((item) => (item.errors ? item : { index: item.index, payment: payments[next++] as Payment })) };
}

export function batchResultView(created: BatchCreated, assets: AssetCatalog, checkoutUrls?: ReadonlyMap<string, string>) {
  return {
    ...batchEventObject(created.batch, assets),
    results: created.items.map((item) => {
      if (item.errors) return { index: item.index, status: 'rejected' as const, errors: item.errors };
      const p = item.payment as Payment;
      return {
        index: item.index,
        status: 'created' as const,
        payment_id: p.id,
        amount: assets.format(p.currency, p.amount),
        // only unique-amount items have one (JSON.stringify leaves undefined out)
        amount_due: p.amountDue == null ? undefined : assets.format(p.currency, p.amountDue),
        fee: assets.format(p.currency, p.fee),
        net_amount: assets.format(p.currency, p.netAmount),
        deposit_address: p.depositAddress,
        requires_approval: p.approvalStatus !== null,
        checkout_url: checkoutUrls?.get(p.id),
      };
    }),
  };
}
