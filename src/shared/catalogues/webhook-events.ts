/**
 * The webhook events the gateway emits, in one place: what an endpoint may subscribe to, what config
 * `webhooks.events` may name, and the type an emitter must write to the outbox all come from here.
 * docs/webhook-events.md describes each payload.
 *
 * Adding an event: its entry here, the emitter that appends it to the outbox in the transaction of the
 * change, and its row in docs/webhook-events.md.
 */

/** What `data.object` of the event is: the resource as the API shows it. */
export type EventResource = 'payment' | 'batch' | 'settlement' | 'wallet';

export interface WebhookEventEntry {
  resource: EventResource;
  /** when it fires */
  description: string;
}

export const WEBHOOK_EVENT_CATALOGUE = {
  'payment.created': { resource: 'payment', description: 'a payment is stored (POST /create, each payment of POST /batch)' },
  'payment.started': {
    resource: 'payment',
    description: 'the payment becomes processing: a matching transfer is seen, or the payout is broadcast',
  },
  'payment.confirmed': { resource: 'payment', description: 'the payment has the confirmations its priority asks for' },
  'payment.completed': { resource: 'payment', description: 'the block of the payment is solidified' },
  'payment.reverted': {
    resource: 'payment',
    description:
      'a chain reorganisation orphaned the block that moved the payment on: back to pending, or processing with what is still on chain',
  },
  'payment.failed': { resource: 'payment', description: 'the payment failed, with failure_reason' },
  'payment.refunded': { resource: 'payment', description: 'a refund of the payment completed on chain' },
  'payment.disputed': { resource: 'payment', description: 'reconciliation found a mismatch' },
  'payment.cancelled': { resource: 'payment', description: 'the merchant cancelled a pending payment, or a collection expired unpaid' },
  'batch.created': { resource: 'batch', description: "a batch's valid payments are stored" },
  'batch.completed': { resource: 'batch', description: 'the last payment of the batch reached a final status' },
  'batch.stalled': { resource: 'batch', description: 'the batch is not final batch_processing.batch_timeout_seconds after its creation' },
  'settlement.initiated': { resource: 'settlement', description: "a settlement of the merchant's collected balance is decided" },
  'settlement.completed': { resource: 'settlement', description: 'the settlement transfer is on chain' },
  'wallet.energy_low': {
    resource: 'wallet',
    description: "a hot wallet's available energy fell below energy.low_energy_threshold (once; again only after it recovered)",
  },
} as const satisfies Record<string, WebhookEventEntry>;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_CATALOGUE;
/** Every event, in catalogue order. */
export const WEBHOOK_EVENTS = Object.keys(WEBHOOK_EVENT_CATALOGUE) as readonly WebhookEventType[];

/** In a subscription or in config `webhooks.events`: every event, including ones added later. */
export const ALL_EVENTS = '*';

/** Sent to one endpoint on request (POST /webhooks/{id}/test), never fanned out, not subscribable. */
export const TEST_EVENT_TYPE = 'webhook.test';

/** What an emitter may write to the outbox. */
export type OutboxEventType = WebhookEventType | typeof TEST_EVENT_TYPE;

export function isWebhookEventType(name: string): name is WebhookEventType {
  return Object.hasOwn(WEBHOOK_EVENT_CATALOGUE, name);
}

/** The events a configured list stands for: `["*"]` is every event of the catalogue. */
export function expandEvents(configured: readonly string[]): readonly WebhookEventType[] {
  if (configured.includes(ALL_EVENTS)) return WEBHOOK_EVENTS;
  return WEBHOOK_EVENTS.filter((event) => configured.includes(event));
}
