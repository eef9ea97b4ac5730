/** Request and response schemas of the payment-links API; the OpenAPI document is generated from these. */
import { Type } from 'typebox';
import { MAX_DESCRIPTION_LENGTH } from '../payments/payment-draft.js';
import { Amount, CurrencySchema, ListResponse } from '../payments/payments.schemas.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Iso = Type.String({ format: 'date-time' });

export const CreateLinkBody = Type.Object(
  {
    currency: CurrencySchema,
    payee_address: Type.String({ maxLength: 128, description: 'where settlement pays what the link collects (base58)' }),
    amount: Type.Optional(
      Type.Union([Amount, Type.Null()], {
        description: 'fixed amount in whole units; absent: the customer chooses it within the asset’s limits',
      }),
    ),
    description: Type.String({
      minLength: 1,
      maxLength: MAX_DESCRIPTION_LENGTH,
      description: 'what the customer pays for (shown on the page)',
    }),
    success_url: Type.Optional(
      Nullable(Type.String({ maxLength: 2048, description: 'where the checkout returns the customer after payment' })),
    ),
    expires_at: Type.Optional(Nullable(Type.String({ format: 'date-time', description: 'the link takes no payment after this' }))),
    max_uses: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000_000 }), Type.Null()], { description: 'payments the link may create' }),
    ),
  },
  { additionalProperties: false },
);

export const PaymentLinkSchema = Type.Object({
  id: Type.String({ examples: ['plink_019cd79e4600f661d150c077de0276cb'] }),
  object: Type.Literal('payment_link'),
  url: Type.String({
    description: 'the public page; share it (it creates a payment per visit)',
    examples: ['http://127.0.0.1:8097/pay/Xq2Xw0l1yB6bS0M0kq8Qx9xK'],
  }),
  currency: Type.String(),
  payee_address: Type.String(),
  amount: Type.Union([Type.String(), Type.Null()]),
  description: Type.String(),
  success_url: Type.Union([Type.String(), Type.Null()]),
  expires_at: Type.Union([Iso, Type.Null()]),
  max_uses: Type.Union([Type.Integer(), Type.Null()]),
  uses: Type.Integer(),
  active: Type.Boolean(),
  created_at: Iso,
  updated_at: Iso,
});

export const LinkParams = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

export const LinkListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    starting_after: Type.Optional(Type.String({ maxLength: 64, description: 'id of the last item of the previous page' })),
  },
  { additionalProperties: false },
);

export const LinkListResponse = Type.Object({
  object: Type.Literal('list'),
  data: Type.Array(PaymentLinkSchema),
  has_more: Type.Boolean(),
  next_cursor: Type.Union([Type.String(), Type.Null()]),
});

export { ListResponse as LinkPaymentsResponse };
