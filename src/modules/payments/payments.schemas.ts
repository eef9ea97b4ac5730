/** Request and response schemas of the payments API; the OpenAPI document is generated from these. */
import { Type } from 'typebox';
import { PAYMENT_METHODS, PRIORITIES } from '../../config/schema.js';
import { EnergyDecisionSchema, NetworkCostSchema } from '../chain/send-cost.view.js';
import { PAYMENT_STATUSES } from './payment.js';
import { MAX_DESCRIPTION_LENGTH } from './payment-draft.js';

const literals = <const T extends string[]>(values: readonly [...T], description: string) => Type.Enum(values, { description });

/** A configured asset's symbol; which ones exist is configuration (GET /api/v1/assets), so not an enum here. */
export const CurrencySchema = Type.String({
  pattern: '^[A-Za-z0-9]{1,16}$',
  description: 'asset symbol as GET /api/v1/assets lists it (TRX, USDT, …)',
  examples: ['USDT'],
});

export const Amount = Type.Unknown({
  description:
    'Whole units as a decimal string ("12.5"); a JSON number is accepted. At most as many decimal places as the asset has (6 for TRX and USDT, 18 for USDD), no exponent.',
  examples: ['12.5'],
});
const Address = Type.String({ maxLength: 128, description: 'TRON base58check address (T…)' });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const CreatePaymentBody = Type.Object(
  {
    payer_address: Type.Optional(
      Type.Union([Address, Type.Null()], {
        description:
          'route: the hot wallet or omitted; payment_gateway: default refund address; direct_transfer: the sender to match, or omitted to be matched by a unique amount_due instead',
      }),
    ),
    payee_address: Address,
    amount: Amount,
    payment_method: Type.Optional(literals(PAYMENT_METHODS, 'payment_gateway (default), direct_transfer, route (payout) or swap')),
    priority: Type.Optional(literals(PRIORITIES, 'fee rate, processing target and retries')),
    currency: Type.Optional({
      ...CurrencySchema,
      description: 'asset symbol (GET /api/v1/assets); payment_processing.default_currency by default',
    }),
    reference_id: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 128, description: 'your order id' }))),
    description: Type.Optional(Nullable(Type.String({ maxLength: MAX_DESCRIPTION_LENGTH }))),
    expires_in_seconds: Type.Optional(
      Type.Integer({ minimum: 60, description: 'collections: how long the deposit address waits for funds' }),
    ),
    metadata: Type.Optional(Type.Union([Type.Record(Type.String({ maxLength: 64 }), Type.Unknown()), Type.Null()])),
    success_url: Type.Optional(
      Nullable(
        Type.String({
          maxLength: 2048,
          description:
            'payment_gateway: where the checkout page returns the customer after payment (`payment_id` is appended); https, or http for localhost on a devnet',
        }),
      ),
    ),
    cancel_url: Type.Optional(
      Nullable(Type.String({ maxLength: 2048, description: 'payment_gateway: where "Cancel and return" on the checkout page goes' })),
    ),
    customer_email: Type.Optional(
      Nullable(Type.String({ maxLength: 254, description: 'payment_gateway: the customer’s e-mail, shown on the checkout page' })),
    ),
  },
  { additionalProperties: false },
);

export const BatchBody = Type.Object(
  {
    payments: Type.Array(Type.Unknown({ description: 'a create-payment body; each item is validated on its own' }), {
      minItems: 1,
      maxItems: 1000,
    }),
    batch_reference: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 128 }))),
    atomic: Type.Optional(Type.Boolean({ description: 'all or nothing; default false (partial failure allowed)' })),
  },
  { additionalProperties: false },
);

const Iso = Type.String({ format: 'date-time' });
const NullableIso = Type.Union([Iso, Type.Null()]);
const Money = Type.String({ description: 'whole units, decimal string', examples: ['998.5'] });

export const PaymentViewSchema = Type.Object({
  payment_id: Type.String({ examples: ['pay_019cd79e4600f661d150c077de0276cb'] }),
  object: Type.Literal('payment'),
  status: literals(PAYMENT_STATUSES, 'lifecycle state'),
  payment_method: literals(PAYMENT_METHODS, 'method'),
  priority: literals(PRIORITIES, 'priority'),
  currency: Type.String(),
  amount: Money,
  amount_due: Type.Union(
    [
      Type.String({
        description:
          'direct_transfer without payer_address: the exact amount the payer must send to payee_address (amount plus a small offset unique among that payee’s open payments in this currency); null otherwise',
        examples: ['100.000137'],
      }),
      Type.Null(),
    ],
    { description: 'what the payer must send, when it differs from amount' },
  ),
  fee: Money,
  fee_rate: Type.String({ description: 'rate before the volume discount' }),
  discount_rate: Type.String(),
  net_amount: Money,
  network_fee_estimate: Type.Union([Type.String({ description: 'TRX' }), Type.Null()]),
  network_fee: Type.Union([Type.String({ description: 'TRX burned, after sending' }), Type.Null()]),
  network_cost: Type.Optional(NetworkCostSchema),
  energy_decision: Type.Optional(EnergyDecisionSchema),
  payer_address: Type.Union([Type.String(), Type.Null()]),
  payee_address: Type.String(),
  deposit_address: Type.Union([Type.String(), Type.Null()]),
  expires_at: NullableIso,
  reference_id: Type.Union([Type.String(), Type.Null()]),
  description: Type.Union([Type.String(), Type.Null()]),
  metadata: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  batch_id: Type.Union([Type.String(), Type.Null()]),
  amount_received: Money,
  exception: Type.Union([Type.String(), Type.Null()]),
  confirmations: Type.Integer(),
  finalized: Type.Boolean(),
  transaction_id: Type.Union([Type.String(), Type.Null()]),
  flags: Type.Array(Type.Object({ code: Type.String(), detail: Type.String() })),
  requires_approval: Type.Boolean(),
  approval_status: Type.Union([Type.String(), Type.Null()]),
  approved_at: NullableIso,
  failure_reason: Type.Union([Type.String(), Type.Null()]),
  cancel_reason: Type.Union([Type.String(), Type.Null()]),
  estimated_completion_time: Iso,
  created_at: Iso,
  updated_at: Iso,
  processing_at: NullableIso,
  confirmed_at: NullableIso,
  completed_at: NullableIso,
  failed_at: NullableIso,
  cancelled_at: NullableIso,
});

/** The create answer: the payment, and for a payment_gateway collection its hosted checkout page. */
export const CreatedPaymentSchema = Type.Object({
  ...PaymentViewSchema.properties,
  checkout_url: Type.Optional(
    Type.String({
      description: 'payment_gateway: the hosted checkout page (under server.public_url); its token is shown once, here',
      examples: ['http://127.0.0.1:8097/checkout/pay_019cd79e4600f661d150c077de0276cb.q2Xw0l1yB6bS0M0kq8Qx9xKf'],
    }),
  ),
});

export const HistorySchema = Type.Array(
  Type.Object({
    from: Type.Union([Type.String(), Type.Null()]),
    to: Type.String(),
    reason: Type.Union([Type.String(), Type.Null()]),
    actor: Type.Union([Type.String(), Type.Null()]),
    at: Iso,
  }),
);

export const PaymentDetailSchema = Type.Intersect([PaymentViewSchema, Type.Object({ history: HistorySchema })]);

export const StatusViewSchema = Type.Object({
  payment_id: Type.String(),
  status: Type.String(),
  payment_method: Type.String(),
  amount: Money,
  amount_received: Money,
  currency: Type.String(),
  exception: Type.Union([Type.String(), Type.Null()]),
  confirmations: Type.Integer(),
  finalized: Type.Boolean(),
  transaction_id: Type.Union([Type.String(), Type.Null()]),
  failure_reason: Type.Union([Type.String(), Type.Null()]),
  cancel_reason: Type.Union([Type.String(), Type.Null()]),
  expires_at: NullableIso,
  created_at: Iso,
  updated_at: Iso,
});

export const ListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    starting_after: Type.Optional(Type.String({ maxLength: 64, description: 'payment_id of the last item of the previous page' })),
    status: Type.Optional(literals(PAYMENT_STATUSES, 'filter by status')),
    payment_method: Type.Optional(literals(PAYMENT_METHODS, 'filter by method')),
    priority: Type.Optional(literals(PRIORITIES, 'filter by priority')),
    currency: Type.Optional({ ...CurrencySchema, description: 'filter by asset' }),
    reference_id: Type.Optional(Type.String({ maxLength: 128 })),
    address: Type.Optional(
      Type.String({ minLength: 1, maxLength: 128, description: 'payments whose deposit, payer or payee address is this one' }),
    ),
    transaction_id: Type.Optional(
      Type.String({ minLength: 1, maxLength: 128, description: 'the payment whose chain transaction is this one' }),
    ),
    batch_id: Type.Optional(Type.String({ maxLength: 64 })),
    created_from: Type.Optional(Type.String({ format: 'date-time', description: 'inclusive, ISO 8601' })),
    created_to: Type.Optional(Type.String({ format: 'date-time', description: 'exclusive, ISO 8601' })),
  },
  { additionalProperties: false },
);

export const ListResponse = Type.Object({
  object: Type.Literal('list'),
  data: Type.Array(PaymentViewSchema),
  has_more: Type.Boolean(),
  next_cursor: Type.Union([Type.String(), Type.Null()]),
});

/** Fields every representation of a batch has. */
const BatchFields = {
  batch_id: Type.String(),
  object: Type.Literal('batch'),
  status: Type.String(),
  batch_reference: Type.Union([Type.String(), Type.Null()]),
  atomic: Type.Boolean(),
  total_items: Type.Integer(),
  created_count: Type.Integer(),
  rejected_count: Type.Integer(),
  totals: Type.Record(Type.String(), Money),
};

export const BatchResultSchema = Type.Object({
  ...BatchFields,
  created_at: Iso,
  results: Type.Array(
    Type.Object({
      index: Type.Integer(),
      status: literals(['created', 'rejected'] as const, 'outcome of this item'),
      payment_id: Type.Optional(Type.String()),
      amount: Type.Optional(Money),
      amount_due: Type.Optional(
        Type.String({ description: 'direct_transfer items without payer_address: the exact amount the payer must send' }),
      ),
      fee: Type.Optional(Money),
      net_amount: Type.Optional(Money),
      deposit_address: Type.Optional(Type.Union([Type.String(), Type.Null()])),
      requires_approval: Type.Optional(Type.Boolean()),
      checkout_url: Type.Optional(Type.String({ description: 'payment_gateway items: the hosted checkout page' })),
      errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
    }),
  ),
});

export const BatchViewSchema = Type.Object({
  ...BatchFields,
  counts: Type.Record(Type.String(), Type.Integer(), { description: 'live count of the batch’s payments by status' }),
  created_at: Iso,
  updated_at: Iso,
  completed_at: NullableIso,
  stalled: Type.Boolean({ description: 'not final batch_processing.batch_timeout_seconds after creation (batch.stalled was sent)' }),
  stalled_at: NullableIso,
});

export const IdParams = Type.Object({ payment_id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });
export const BatchParams = Type.Object({ batch_id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

export const CancelBody = Type.Object(
  { reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  { additionalProperties: false },
);
