/**
 * Request and response examples of the OpenAPI document, keyed by operationId, and the documented
 * answer of the few routes that send one without a response schema (the schema given here documents
 * it and is never used to serialise). The values are what the gateway answers: base58check addresses
 * generated once, decimal-string amounts, ids of the `prefix_` + 32 hex shape. A test validates every
 * example against its schema (Redocly's no-invalid-media-type-examples), so they cannot drift silently.
 */
import { PAYMENT_METHODS } from '../shared/catalogues/payment-methods.js';
import { PRIORITIES } from '../shared/catalogues/priorities.js';
import type { ErrorCode, FieldError } from '../shared/errors.js';

type JsonSchema = Record<string, unknown>;

export interface MediaExample {
  example: unknown;
  /** only for routes that declare no response schema of their own */
  schema?: JsonSchema;
}

export interface OperationExamples {
  /** the JSON request body */
  request?: unknown;
  /** the success answer, by media type */
  response: Record<string, MediaExample>;
  /** for an answer documented here: the statuses it is sent with (default 200) */
  statuses?: string[];
}

const json = (example: unknown, schema?: JsonSchema): Record<string, MediaExample> => ({
  'application/json': schema === undefined ? { example } : { example, schema },
});

// ------------------------------------------------------------------ shared values

const PAYEE = 'TFwMNKhDTfrfTkJpkEyEER3wdyW6f1rbLM';
const PAYER = 'TGwSPDGFUytdEtwa4oaS27VNhv2rKHAZej';
const DEPOSIT = 'TDVMr9CJ5MAAf3az4QVqG1i2cv3kHAK7ug';
const DEPOSIT_2 = 'TPqcZcKwerwi99Cdzn3N54DCdUZK2X6a93';
const HOT_WALLET = 'TJJFHvvAtDMnYLT4jkUhft9qARB3acs6x6';
const STAKING_OPERATION = {
  object: 'staking_operation',
  operation_id: 'stk_019cd79e4600a57032d2461f5f9994a6',
  action: 'stake',
  hot_wallet: 'TJJFHvvAtDMnYLT4jkUhft9qARB3acs6x6',
  resource: 'ENERGY',
  trx: '1000',
  status: 'queued',
  send_id: 'snd_019cd79e4600a57032d2461f5f9994a6',
  created_at: '2026-03-10T14:30:00.000Z',
};
const SETTLEMENT_PAYEE = 'TYYYKCiMvunBdHT3BTdWJmFhSTcHvdgChF';
const TX = '5d8e4d62684bfd846a3aa9a3b6a16ff2e16686a7f78867ec2562311d95f436d8';
const TX_2 = '3cdb2f27b756cbb397fb2914d42d5bc9d436852eaa059bc51025d827864befab';
const TX_3 = '6cd3ad32f6ce45d5d0ab92251957c644ed73042e294f53418373414552730ac1';

const PAYMENT_ID = 'pay_019cd79e4600f661d150c077de0276cb';
const PAYOUT_ID = 'pay_019cd79e460087446ff4ea6df008ac6d';
const BATCH_PAYMENT_ID = 'pay_019cd79e46004c024d553335a837d4ea';
const BATCH_ID = 'batch_019cd79e460095cec50bb2baca2ec5f4';
const REPORT_ID = 'report_019cd79e4600164b0967d8c70750e10b';
const WEBHOOK_ID = 'webhook_019cd79e4600623ea6b115a1456e1025';
const EVENT_ID = 'evt_019cd79e46004fb7cafb3da32a579294';
const EVENT_ID_2 = 'evt_019cd79e4600dba2aa1c6bf7c46f02d0';
const DELIVERY_ID = 'whd_019cd79e4600e8eeb07a395b4ce7aaf3';
const REDELIVERY_ID = 'whd_019cd79e460099c1acca8fb15453caa6';
const KEY_ID = 'key_019cd79e4600c8c9237dc68c572da120';
const MERCHANT_ID = 'mer_019cd79e460054694823eb1a64b8a003';
const REFUND_ID = 'refund_019cd79e4600a57032d2461f5f9994a6';
const RECONCILIATION_ID = 'recon_019cd79e4600ace14df115844f1f9258';
const SETTLEMENT_ID = 'stl_019cd79e46004b8deb670c6de115e884';
const SWEEP_ID = 'swp_019cd79e460099d5daf0aaaa415db669';
const REQUEST_ID = 'req_837c74441a8db9d7';

const CREATED = '2026-03-10T12:00:00.000Z';
const PAID = '2026-03-10T12:04:12.000Z';
const CONFIRMED = '2026-03-10T12:05:09.000Z';
const LATER = '2026-03-10T14:30:00.000Z';

// ------------------------------------------------------------------ payments

const COLLECTION_REQUEST = {
  payee_address: PAYEE,
  payer_address: PAYER,
  amount: '250.5',
  priority: 'high',
  currency: 'USDT',
  reference_id: 'order-1042',
  description: 'Order #1042',
  metadata: { customer_id: 'cus_88' },
  success_url: 'https://shop.example/orders/1042/paid',
  cancel_url: 'https://shop.example/cart',
  customer_email: 'buyer@example.com',
};

const PAYMENT_LINK_ID = 'plink_019cd79e4600b5d7a93c0e1f2a3b4c5d';
const PAYMENT_LINK = {
  id: PAYMENT_LINK_ID,
  object: 'payment_link',
  url: 'https://pay.shop.example/pay/Xq2Xw0l1yB6bS0M0kq8Qx9xK',
  currency: 'USDT',
  payee_address: PAYEE,
  amount: '25',
  description: 'Hat, one size',
  success_url: 'https://shop.example/thanks',
  expires_at: null,
  max_uses: 100,
  uses: 3,
  active: true,
  created_at: CREATED,
  updated_at: CONFIRMED,
};
const BRANDING = {
  display_name: 'Hat Shop',
  accent_color: '#1a2b3c',
  support_email: 'help@shop.example',
  logo_url: '/checkout/branding/q2Xw0l1yB6bS0M0k/logo?v=9f2c1d0e8a7b6c5d',
  updated_at: CONFIRMED,
};

const PENDING_COLLECTION = {
  payment_id: PAYMENT_ID,
  object: 'payment',
  status: 'pending',
  payment_method: 'payment_gateway',
  priority: 'high',
  currency: 'USDT',
  amount: '250.5',
  amount_due: null,
  fee: '0.501',
  fee_rate: '0.002',
  discount_rate: '0',
  net_amount: '249.999',
  network_fee_estimate: null,
  network_fee: null,
  payer_address: PAYER,
  payee_address: PAYEE,
  deposit_address: DEPOSIT,
  expires_at: '2026-03-10T13:00:00.000Z',
  reference_id: 'order-1042',
  description: 'Order #1042',
  metadata: { customer_id: 'cus_88' },
  batch_id: null,
  amount_received: '0',
  exception: null,
  confirmations: 0,
  finalized: false,
  transaction_id: null,
  flags: [],
  requires_approval: false,
  approval_status: null,
  approved_at: null,
  approval_note: null,
  failure_reason: null,
  cancel_reason: null,
  estimated_completion_time: '2026-03-10T12:00:30.000Z',
  created_at: CREATED,
  updated_at: CREATED,
  processing_at: null,
  confirmed_at: null,
  completed_at: null,
  failed_at: null,
  cancelled_at: null,
};

const COMPLETED_COLLECTION = {
  ...PENDING_COLLECTION,
  status: 'completed',
  amount_received: '250.5',
  confirmations: 19,
  finalized: true,
  transaction_id: TX,
  updated_at: CONFIRMED,
  processing_at: PAID,
  confirmed_at: CONFIRMED,
  completed_at: CONFIRMED,
};

const CANCELLED_COLLECTION = {
  ...PENDING_COLLECTION,
  status: 'cancelled',
  cancel_reason: 'customer_request',
  updated_at: '2026-03-10T12:10:00.000Z',
  cancelled_at: '2026-03-10T12:10:00.000Z',
};

const APPROVED_PAYOUT = {
  ...PENDING_COLLECTION,
  payment_id: PAYOUT_ID,
  payment_method: 'route',
  priority: 'normal',
  amount: '1200000',
  fee: '1530',
  fee_rate: '0.0015',
  discount_rate: '0.15',
  net_amount: '1198470',
  network_fee_estimate: '13.3735',
  payer_address: HOT_WALLET,
  deposit_address: null,
  expires_at: null,
  reference_id: 'withdrawal-77',
  description: null,
  metadata: null,
  flags: [{ code: 'large_amount', detail: 'amount 1200000 USDT is at or above 1000000' }],
  requires_approval: true,
  approval_status: 'approved',
  approved_at: '2026-03-10T12:15:00.000Z',
  approval_note: 'payee verified by phone',
  estimated_completion_time: '2026-03-10T12:16:00.000Z',
  updated_at: '2026-03-10T12:15:00.000Z',
};

const REJECTED_PAYOUT = {
  ...APPROVED_PAYOUT,
  status: 'cancelled',
  approval_status: 'rejected',
  approved_at: null,
  approval_note: 'payee not verified',
  cancel_reason: 'payee not verified',
  cancelled_at: '2026-03-10T12:15:00.000Z',
};

const BATCH_PAYMENT = {
  ...PENDING_COLLECTION,
  payment_id: BATCH_PAYMENT_ID,
  priority: 'normal',
  amount: '100',
  fee: '0.15',
  fee_rate: '0.0015',
  net_amount: '99.85',
  payer_address: null,
  deposit_address: DEPOSIT_2,
  reference_id: null,
  description: null,
  metadata: null,
  batch_id: BATCH_ID,
  estimated_completion_time: '2026-03-10T12:01:00.000Z',
};

const BATCH_HEAD = {
  batch_id: BATCH_ID,
  object: 'batch',
  status: 'pending',
  batch_reference: 'payroll-2026-03',
  atomic: false,
  total_items: 2,
  created_count: 1,
  rejected_count: 1,
  totals: { USDT: '100' },
  created_at: CREATED,
};

const HEALTH = {
  status: 'healthy',
  checks: {
    database: { ok: true, detail: 'postgres', latency_ms: 2 },
    chain: { ok: true, detail: 'head block 61203457', latency_ms: 48 },
    scanner: { ok: true, detail: 'lag 1 block' },
    webhooks: { ok: true, detail: 'no endpoint disabled' },
  },
};

const HEALTH_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['status', 'service', 'checks'],
  properties: {
    status: { type: 'string', enum: ['healthy', 'unhealthy'] },
    service: { type: 'string' },
    checks: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['ok', 'detail'],
        properties: { ok: { type: 'boolean' }, detail: { type: 'string' }, latency_ms: { type: 'number' } },
      },
    },
  },
};

const MONEY: JsonSchema = { type: 'string', description: 'whole units, decimal string' };
const TIMESTAMP: JsonSchema = { type: 'string', format: 'date-time' };

const FEE_QUOTE_SCHEMA: JsonSchema = {
  type: 'object',
  required: [
    'amount',
    'currency',
    'priority',
    'payment_method',
    'fee_rate',
    'base_fee',
    'discount_rate',
    'discount_amount',
    'fee',
    'net_amount',
    'estimated_processing_seconds',
    'max_retries',
    'network_fee_estimate',
    'network_fee_note',
  ],
  properties: {
    amount: MONEY,
    currency: { type: 'string', description: 'a configured asset symbol (GET /api/v1/assets)' },
    priority: { type: 'string', enum: [...PRIORITIES] },
    payment_method: { type: 'string', enum: [...PAYMENT_METHODS] },
    fee_rate: { type: 'string', description: 'rate of the priority, before the volume discount' },
    base_fee: { ...MONEY, description: 'amount × fee_rate' },
    discount_rate: { type: 'string', description: 'volume discount rate' },
    discount_amount: MONEY,
    fee: { ...MONEY, description: 'base_fee − discount_amount, at least the minimum fee' },
    net_amount: { ...MONEY, description: 'amount − fee' },
    estimated_processing_seconds: { type: 'integer' },
    max_retries: { type: 'integer' },
    network_fee_estimate: {
      type: 'object',
      nullable: true,
      description: 'route (payouts) only: TRX the transfer burns, from current energy prices; null otherwise',
      required: ['trx', 'trx_if_new_holder', 'energy', 'bandwidth_bytes', 'energy_price_sun', 'as_of'],
      properties: {
        trx: MONEY,
        trx_if_new_holder: { ...MONEY, description: 'when the payee has never held the token' },
        energy: { type: 'integer' },
        bandwidth_bytes: { type: 'integer' },
        energy_price_sun: { type: 'string' },
        as_of: TIMESTAMP,
      },
    },
    network_fee_note: { type: 'string' },
    network_cost: {
      type: 'object',
      nullable: true,
      description:
        "what the payment's chain send burns under the merchant's energy strategy (GET /api/v1/wallet/energy-strategy): the payout transfer, or the collection's sweep with the deposit address's activation; null for direct_transfer or without the node",
      required: ['strategy', 'send', 'trx', 'energy', 'bandwidth_bytes', 'activation_trx', 'energy_paid_by', 'bandwidth_paid_by'],
      properties: {
        strategy: { type: 'string', enum: ['burn', 'stake'] },
        send: { type: 'string', enum: ['payout_transfer', 'sweep'] },
        trx: { ...MONEY, description: 'TRX burned in all' },
        energy: { type: 'integer' },
        bandwidth_bytes: { type: 'integer' },
        activation_trx: { ...MONEY, description: 'TRX of it that activates the deposit address (collections)' },
        energy_paid_by: { type: 'string', enum: ['burned_trx', 'staked_energy'] },
        bandwidth_paid_by: { type: 'string', enum: ['burned_trx', 'free_or_staked_bandwidth'] },
      },
    },
  },
};

const SETTLEMENT_INFO_SCHEMA: JsonSchema = {
  type: 'object',
  required: [
    'frequency',
    'settlement_time_utc',
    'next_settlement_at',
    'pending_amount',
    'threshold',
    'min_settlement_amount',
    'max_settlement_amount',
    'last_settlement',
  ],
  properties: {
    frequency: { type: 'string', enum: ['instant', 'hourly', 'daily', 'weekly'] },
    settlement_time_utc: { type: 'string', description: 'HH:MM' },
    next_settlement_at: { ...TIMESTAMP, nullable: true },
    pending_amount: { type: 'object', additionalProperties: MONEY, description: 'collected and not yet settled, per currency' },
    threshold: MONEY,
    min_settlement_amount: MONEY,
    max_settlement_amount: MONEY,
    last_settlement: {
      type: 'object',
      nullable: true,
      required: ['settlement_id', 'status', 'currency', 'amount', 'transaction_id', 'created_at', 'completed_at'],
      properties: {
        settlement_id: { type: 'string' },
        status: { type: 'string' },
        currency: { type: 'string' },
        amount: MONEY,
        transaction_id: { type: 'string', nullable: true },
        created_at: TIMESTAMP,
        completed_at: { ...TIMESTAMP, nullable: true },
      },
    },
  },
};

// ------------------------------------------------------------------ reports, webhooks, settlement

const REPORT = {
  id: REPORT_ID,
  object: 'report',
  status: 'completed',
  start_date: '2026-03-01T00:00:00.000Z',
  end_date: '2026-03-11T00:00:00.000Z',
  status_filter: null,
  include_failed: true,
  format: 'csv',
  summary: {
    payment_count: 3,
    totals: {
      USDT: { count: 3, amount: '1200350.5', fee: '1530.651', net_amount: '1198819.849' },
      TRX: { count: 0, amount: '0', fee: '0', net_amount: '0' },
    },
    by_status: { pending: 1, processing: 0, confirmed: 0, completed: 1, failed: 0, cancelled: 1, refunded: 0, disputed: 0 },
    by_payment_method: { payment_gateway: 2, direct_transfer: 0, route: 1, swap: 0 },
    by_priority: { low: 0, normal: 2, high: 1, urgent: 0 },
    refunds: { count: 1, completed_count: 1, completed_amount: { USDT: '25', TRX: '0' } },
    settlements: { count: 0, completed_count: 0, completed_amount: { USDT: '0', TRX: '0' } },
  },
  row_count: 3,
  created_at: LATER,
  completed_at: LATER,
  download_url: `/api/v1/payments/reports/${REPORT_ID}/download`,
};

const REPORT_ROW = {
  id: PAYMENT_ID,
  created_at: CREATED,
  status: 'completed',
  payment_method: 'payment_gateway',
  priority: 'high',
  currency: 'USDT',
  amount: '250.5',
  fee: '0.501',
  net_amount: '249.999',
  payer_address: PAYER,
  payee_address: PAYEE,
  reference_id: 'order-1042',
  transaction_id: TX,
  completed_at: CONFIRMED,
};

const REPORT_CSV = [
  'id,created_at,status,payment_method,priority,currency,amount,fee,net_amount,payer_address,payee_address,reference_id,transaction_id,completed_at',
  `${PAYMENT_ID},${CREATED},completed,payment_gateway,high,USDT,250.5,0.501,249.999,${PAYER},${PAYEE},order-1042,${TX},${CONFIRMED}`,
  '',
].join('\r\n');

const WEBHOOK = {
  id: WEBHOOK_ID,
  object: 'webhook',
  url: 'https://shop.example.com/hooks/tron',
  events: ['payment.completed', 'payment.failed'],
  headers: { Authorization: '********' },
  active: true,
  description: 'shop backend',
  status: 'active',
  failing_since: null,
  last_success_at: CONFIRMED,
  last_failure_at: null,
  disabled_at: null,
  disabled_reason: null,
  previous_secret_expires_at: null,
  created_at: CREATED,
  updated_at: CREATED,
  deleted_at: null,
};

const DELIVERY = {
  id: DELIVERY_ID,
  object: 'webhook_delivery',
  webhook_id: WEBHOOK_ID,
  event_id: EVENT_ID,
  event_type: 'payment.completed',
  kind: 'event',
  redelivery_of: null,
  status: 'succeeded',
  attempts: 1,
  next_attempt_at: null,
  last_status_code: 200,
  last_error: null,
  created_at: CONFIRMED,
  updated_at: CONFIRMED,
  completed_at: CONFIRMED,
};

const REDELIVERY = {
  ...DELIVERY,
  id: REDELIVERY_ID,
  kind: 'redelivery',
  redelivery_of: DELIVERY_ID,
  status: 'pending',
  attempts: 0,
  next_attempt_at: LATER,
  last_status_code: null,
  created_at: LATER,
  updated_at: LATER,
  completed_at: null,
};

const PENDING_EVENT = {
  id: EVENT_ID_2,
  object: 'event',
  type: 'payment.created',
  aggregate_type: 'payment',
  aggregate_id: PAYOUT_ID,
  created_at: CREATED,
  dispatched_at: CREATED,
  pending_deliveries: 1,
};

const API_KEY = {
  id: KEY_ID,
  merchant_id: MERCHANT_ID,
  name: 'shop backend',
  prefix: 'tpg_YceR…',
  scopes: ['payments:read', 'payments:write'],
  status: 'active',
  created_at: CREATED,
  last_used_at: null,
  revoked_at: null,
};

/** a USDT sweep to a receiver without USDT, its fuel transfer activating the deposit address (all burned) */
const SWEEP_COST = {
  energy_used: 130285,
  energy_delegated: 0,
  energy_burned_trx: '13.0285',
  bandwidth_used: 615,
  bandwidth_burned_trx: '0.445',
  activation_trx: '1',
  trx_burned: '14.4735',
};

const SETTLEMENT = {
  settlement_id: SETTLEMENT_ID,
  object: 'settlement',
  status: 'completed',
  currency: 'USDT',
  amount: '249.999',
  payee_address: SETTLEMENT_PAYEE,
  transaction_id: TX_3,
  network_fee: '13.3735',
  created_at: '2026-03-10T23:00:00.000Z',
  completed_at: '2026-03-10T23:01:30.000Z',
  trigger: 'schedule',
  failure_reason: null,
  sweep_cost: '20.1295',
  total_network_cost: '33.503',
  network_cost: {
    energy_used: 194570,
    energy_delegated: 0,
    energy_burned_trx: '19.457',
    bandwidth_used: 960,
    bandwidth_burned_trx: '0.79',
    activation_trx: '1',
    trx_burned: '21.247',
  },
  archived: false,
  sweeps_summary: {
    count: 1,
    completed: 1,
    failed: 0,
    in_progress: 0,
    amount_swept: '250.5',
    fuel_sent: '14',
    network_fee: '20.1295',
  },
};

const REFUND = {
  refund_id: REFUND_ID,
  object: 'refund',
  payment_id: PAYMENT_ID,
  status: 'pending',
  currency: 'USDT',
  amount: '25',
  reason: 'user_request',
  refund_address: PAYER,
  transaction_id: null,
  network_fee: null,
  network_cost: null,
  created_at: LATER,
  completed_at: null,
  origin: 'api',
  failure_reason: null,
  flagged: false,
};

const RECONCILIATION = {
  reconciliation_id: RECONCILIATION_ID,
  object: 'reconciliation',
  payment_id: PAYMENT_ID,
  kind: 'payment',
  trigger: 'api',
  status: 'completed',
  outcome: 'verified',
  external_transaction_id: null,
  notes: 'customer says paid',
  checks: {
    transaction_ids: [TX],
    expected: { asset: 'USDT', to: DEPOSIT, from: null, amount: '250.5' },
    required_confirmations: 19,
    head_block: 61203457,
    solid_block: 61203439,
    transactions: [
      {
        transaction_id: TX,
        found: true,
        success: true,
        result: 'SUCCESS',
        block_number: 61203380,
        confirmations: 78,
        solidified: true,
        transfers: [{ log_index: 0, asset: 'USDT', from: PAYER, to: DEPOSIT, amount: '250.5' }],
      },
    ],
    solidified: true,
  },
  discrepancies: [],
  created_at: LATER,
};

const AUDIT_RECORD = {
  seq: 17,
  at: LATER,
  actor: KEY_ID,
  action: 'api_key.revoked',
  entity_type: 'api_key',
  entity_id: 'key_019cd79e46003a1f7c2b9d84e5f60718',
  request_id: REQUEST_ID,
  before: { id: 'key_019cd79e46003a1f7c2b9d84e5f60718', name: 'old backend', prefix: 'tpg_Wh3D', status: 'active' },
  after: { id: 'key_019cd79e46003a1f7c2b9d84e5f60718', name: 'old backend', prefix: 'tpg_Wh3D', status: 'revoked' },
  hash: '4ff415fe09bf8f750de124ec40420fb1b6864ecb9f366ba4b8864e81b739b529',
  prev_hash: '77ff2dcac971557f813a3bb1519f1d2ccda91c226bfd87d81a1d457283e1c7de',
};

// ------------------------------------------------------------------ dashboard users and sessions

const USER_ID = 'usr_019cd79e4600b1c4e2d86f0a9e3b5c71';
const SESSION_ID = 'ses_019cd79e4600d47a1b9c2e8f6a0b3d52';
const DASHBOARD_USER = {
  id: USER_ID,
  merchant_id: MERCHANT_ID,
  email: 'ann@shop.example',
  role: 'operator',
  status: 'active',
  must_change_password: false,
  totp_enabled: true,
  created_at: CREATED,
  updated_at: LATER,
};
const SESSION_ANSWER = {
  user: DASHBOARD_USER,
  csrf_token: 'Xq3c0mJ7pZ2tVYxk9R4sHn8bLw1eFd6gUa5oCi0yTzQ',
  session: { id: SESSION_ID, expires_at: '2026-03-11T02:30:00.000Z' },
  recovery_codes_left: 9,
};
const ENDED_SESSION = { id: SESSION_ID, ended: true };

const METRICS_TEXT = [
  '# HELP tpg_http_requests_total HTTP requests by method, route and status',
  '# TYPE tpg_http_requests_total counter',
  'tpg_http_requests_total{method="POST",route="/api/v1/payments/create",status="201"} 1042',
  '# HELP tpg_payments Payments by status and method',
  '# TYPE tpg_payments gauge',
  'tpg_payments{status="pending",method="payment_gateway"} 12',
  '',
].join('\n');

// ------------------------------------------------------------------ by operationId

export const OPERATION_EXAMPLES: Record<string, OperationExamples> = {
  getServiceIndex: {
    response: json({
      name: 'TRON Payment Gateway',
      version: '0.1.0',
      links: { docs: '/docs', health: '/health', status: '/status', metrics: '/metrics' },
    }),
  },
  getHealth: { response: json(HEALTH) },
  getReadiness: { response: json(HEALTH) },
  getLiveness: { response: json({ status: 'alive' }) },
  getServiceStatus: {
    response: json({
      version: '0.1.0',
      started_at: CREATED,
      uptime_seconds: 9000,
      ready: true,
      network: 'mainnet',
      database: 'postgres',
      roles: ['api', 'workers', 'scanner'],
    }),
  },
  getMetrics: {
    response: { 'text/plain': { example: METRICS_TEXT, schema: { type: 'string', description: 'Prometheus text format 0.0.4' } } },
  },

  createPayment: {
    request: COLLECTION_REQUEST,
    response: json({
      ...PENDING_COLLECTION,
      checkout_url: `https://pay.shop.example/checkout/${PAYMENT_ID}.q2Xw0l1yB6bS0M0kq8Qx9xKf`,
    }),
  },
  createPaymentLink: {
    request: {
      currency: 'USDT',
      payee_address: PAYEE,
      amount: '25',
      description: 'Hat, one size',
      success_url: 'https://shop.example/thanks',
      max_uses: 100,
    },
    response: json({ ...PAYMENT_LINK, uses: 0, updated_at: CREATED }),
  },
  listPaymentLinks: { response: json({ object: 'list', data: [PAYMENT_LINK], has_more: false, next_cursor: null }) },
  getPaymentLink: { response: json(PAYMENT_LINK) },
  deactivatePaymentLink: { response: json({ ...PAYMENT_LINK, active: false, updated_at: LATER }) },
  listPaymentLinkPayments: { response: json({ object: 'list', data: [BATCH_PAYMENT], has_more: false, next_cursor: null }) },
  getBranding: { response: json(BRANDING) },
  getMerchantLimits: {
    response: json({
      rate_per_minute: 1000,
      max_concurrent_payouts: 100,
      max_batches_in_flight: 10,
      assets: [
        {
          currency: 'USDT',
          min_amount: '1',
          max_single_payment: '1000000000',
          daily_limit: '100000000000',
          monthly_limit: '1000000000000',
          approval_threshold: '1000000',
          suspicious_amount: '1000000',
          used_today: '1250.5',
          used_this_month: '48211.75',
        },
      ],
    }),
  },
  updateBranding: {
    request: { display_name: 'Hat Shop', accent_color: '#1a2b3c', support_email: 'help@shop.example' },
    response: json(BRANDING),
  },
  setBrandingLogo: { response: json(BRANDING) },
  getCheckoutStatus: {
    response: json({
      paymentId: PAYMENT_ID,
      paymentStatus: 'processing',
      checkoutStatus: 'seen',
      asset: 'USDT',
      decimals: 6,
      network: 'TRON (TRC-20)',
      tokenContract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
      amount: '250.5',
      amountReceived: '250.5',
      amountDue: '0',
      amountDueBaseUnits: '0',
      address: DEPOSIT,
      confirmations: 4,
      confirmationsRequired: 19,
      expiresAt: '2026-03-10T13:00:00.000Z',
      serverTime: PAID,
      successUrl: `https://shop.example/orders/1042/paid?payment_id=${PAYMENT_ID}`,
      cancelUrl: 'https://shop.example/cart',
      restartUrl: null,
      overpaymentHandling: null,
      txids: [TX],
      description: 'Order #1042',
    }),
  },
  createBatch: {
    request: {
      batch_reference: 'payroll-2026-03',
      atomic: false,
      payments: [
        { payee_address: PAYEE, amount: '100' },
        { payee_address: PAYER, amount: '-1' },
      ],
    },
    response: json({
      ...BATCH_HEAD,
      results: [
        {
          index: 0,
          status: 'created',
          payment_id: BATCH_PAYMENT_ID,
          amount: '100',
          fee: '0.15',
          net_amount: '99.85',
          deposit_address: DEPOSIT_2,
          requires_approval: false,
        },
        { index: 1, status: 'rejected', errors: [{ path: 'payments/1/amount', message: 'must be greater than zero' }] },
      ],
    }),
  },
  checkBatch: {
    request: {
      payments: [
        { payment_method: 'route', payee_address: PAYEE, amount: '100' },
        { payment_method: 'route', payee_address: 'TNotAnAddress', amount: '100' },
      ],
    },
    response: json({
      object: 'batch_check',
      valid_count: 1,
      rejected_count: 1,
      results: [
        { index: 0, status: 'valid' },
        { index: 1, status: 'rejected', errors: [{ path: 'payments/1/payee_address', message: 'not a valid TRON address' }] },
      ],
    }),
  },
  getPaymentStatus: {
    response: json({
      payment_id: PAYMENT_ID,
      status: 'completed',
      payment_method: 'payment_gateway',
      amount: '250.5',
      amount_received: '250.5',
      currency: 'USDT',
      exception: null,
      confirmations: 19,
      finalized: true,
      transaction_id: TX,
      failure_reason: null,
      cancel_reason: null,
      expires_at: '2026-03-10T13:00:00.000Z',
      created_at: CREATED,
      updated_at: CONFIRMED,
    }),
  },
  listPayments: { response: json({ object: 'list', data: [BATCH_PAYMENT], has_more: true, next_cursor: BATCH_PAYMENT_ID }) },
  getBatch: {
    response: json({ ...BATCH_HEAD, counts: { pending: 1 }, updated_at: CREATED, completed_at: null, stalled: false, stalled_at: null }),
  },
  calculateFees: {
    response: json(
      {
        amount: '100000',
        currency: 'USDT',
        priority: 'high',
        payment_method: 'route',
        fee_rate: '0.002',
        base_fee: '200',
        discount_rate: '0.1',
        discount_amount: '20',
        fee: '180',
        net_amount: '99820',
        estimated_processing_seconds: 30,
        max_retries: 5,
        network_fee_estimate: {
          trx: '6.7735',
          trx_if_new_holder: '13.3735',
          energy: 64285,
          bandwidth_bytes: 345,
          energy_price_sun: '100',
          as_of: CREATED,
        },
        network_fee_note:
          'TRX burned when the hot wallet has no staked energy or free bandwidth left; paid by the gateway, not deducted from the payee',
        network_cost: {
          strategy: 'stake',
          send: 'payout_transfer',
          trx: '0',
          energy: 64285,
          bandwidth_bytes: 345,
          activation_trx: '0',
          energy_paid_by: 'staked_energy',
          bandwidth_paid_by: 'free_or_staked_bandwidth',
        },
      },
      FEE_QUOTE_SCHEMA,
    ),
  },
  getSettlementInfo: {
    response: json(
      {
        frequency: 'daily',
        settlement_time_utc: '23:00',
        next_settlement_at: '2026-03-10T23:00:00.000Z',
        pending_amount: { USDT: '249.999', TRX: '0' },
        threshold: '100',
        min_settlement_amount: '100',
        max_settlement_amount: '1000000',
        last_settlement: {
          settlement_id: SETTLEMENT_ID,
          status: 'completed',
          currency: 'USDT',
          amount: '1520.25',
          transaction_id: TX_3,
          created_at: '2026-03-09T23:00:00.000Z',
          completed_at: '2026-03-09T23:01:30.000Z',
        },
      },
      SETTLEMENT_INFO_SCHEMA,
    ),
  },
  getPaymentsHealth: { response: json({ ...HEALTH, service: 'tron-payment-gateway' }, HEALTH_SCHEMA), statuses: ['200', '503'] },
  getPayment: {
    response: json({
      ...COMPLETED_COLLECTION,
      history: [
        { from: null, to: 'pending', reason: 'created', actor: KEY_ID, at: CREATED },
        { from: 'pending', to: 'processing', reason: 'deposit_seen', actor: 'system:scanner', at: PAID },
        { from: 'processing', to: 'confirmed', reason: 'confirmed', actor: 'system:scanner', at: CONFIRMED },
        { from: 'confirmed', to: 'completed', reason: 'completed', actor: 'system:scanner', at: CONFIRMED },
      ],
    }),
  },
  cancelPayment: { request: { reason: 'customer_request' }, response: json(CANCELLED_COLLECTION) },
  approvePayment: { request: { note: 'payee verified by phone' }, response: json(APPROVED_PAYOUT) },
  rejectPayment: { request: { note: 'payee not verified' }, response: json(REJECTED_PAYOUT) },
  resolvePayment: {
    request: { resolution: 'refund', notes: 'the payer proved the transfer was theirs' },
    response: json({
      object: 'dispute_resolution',
      payment_id: PAYMENT_ID,
      resolution: 'refund',
      notes: 'the payer proved the transfer was theirs',
      payment_status: 'disputed',
      refund_id: REFUND_ID,
      refund_amount: '100',
      resolved_at: '2026-03-10T10:05:00.000Z',
    }),
  },

  generateReport: {
    request: { start_date: '2026-03-01', end_date: '2026-03-10', status_filter: null, include_failed: true, format: 'csv' },
    response: json(REPORT),
  },
  getReport: { response: json(REPORT) },
  downloadReport: {
    response: {
      'text/csv': { example: REPORT_CSV, schema: { type: 'string', description: 'RFC 4180, with a header line' } },
      'application/json': {
        example: [REPORT_ROW],
        schema: { type: 'array', items: { type: 'object', additionalProperties: true }, description: 'one object per payment' },
      },
    },
  },
  getAnalytics: {
    response: json({
      object: 'analytics',
      period_days: 7,
      period_start: '2026-03-04T00:00:00.000Z',
      period_end: '2026-03-10T14:30:00.001Z',
      generated_at: LATER,
      total_count: 3,
      by_status: { pending: 1, processing: 0, confirmed: 0, completed: 1, failed: 0, cancelled: 1, refunded: 0, disputed: 0 },
      volume: {
        USDT: { count: 3, amount: '1200350.5', fee: '1530.651', net_amount: '1198819.849' },
        TRX: { count: 0, amount: '0', fee: '0', net_amount: '0' },
      },
      completed_volume: {
        USDT: { count: 1, amount: '250.5', fee: '0.501', net_amount: '249.999' },
        TRX: { count: 0, amount: '0', fee: '0', net_amount: '0' },
      },
      refunds: { count: 1, completed_count: 1 },
      refunded_volume: { USDT: '25', TRX: '0' },
      success_rate: 0.5,
      processing_time_seconds: { count: 1, average: 309, p50: 309, p95: 309 },
      peak_hour: { hour: 12, count: 3 },
      by_hour: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      most_common_amount: { USDT: { amount: '100', count: 1 }, TRX: null },
      daily: [
        { date: '2026-03-09', count: 0, volume: { USDT: '0', TRX: '0' } },
        { date: '2026-03-10', count: 3, volume: { USDT: '1200350.5', TRX: '0' } },
      ],
      collection_cost_daily: [
        { date: '2026-03-09', completed_collections: 0, trx_burned: '0', trx_burned_per_collection: null },
        { date: '2026-03-10', completed_collections: 2, trx_burned: '28.947', trx_burned_per_collection: '14.4735' },
      ],
      by_priority: {
        low: { count: 0, volume: { USDT: '0', TRX: '0' } },
        normal: { count: 2, volume: { USDT: '1200100', TRX: '0' } },
        high: { count: 1, volume: { USDT: '250.5', TRX: '0' } },
        urgent: { count: 0, volume: { USDT: '0', TRX: '0' } },
      },
      by_payment_method: {
        payment_gateway: { count: 2, volume: { USDT: '350.5', TRX: '0' } },
        direct_transfer: { count: 0, volume: { USDT: '0', TRX: '0' } },
        route: { count: 1, volume: { USDT: '1200000', TRX: '0' } },
        swap: { count: 0, volume: { USDT: '0', TRX: '0' } },
      },
      total_payments: 3,
      successful_payments: 1,
      failed_payments: 0,
      total_volume: { USDT: '250.5', TRX: '0' },
      total_fees: { USDT: '0.501', TRX: '0' },
      batches_processed: 0,
      avg_processing_time: 309,
    }),
  },

  registerWebhook: {
    request: {
      url: 'https://shop.example.com/hooks/tron',
      events: ['payment.completed', 'payment.failed'],
      headers: { Authorization: 'Bearer shop-hook-token' },
      description: 'shop backend',
    },
    response: json({
      ...WEBHOOK,
      last_success_at: null,
      secret: 'whsec_q5R4tOZlgm+gyrWj1BnWJIOASPARuwQuEU0XA8FZYkU=',
    }),
  },
  listWebhooks: { response: json({ object: 'list', data: [WEBHOOK] }) },
  listPendingWebhookEvents: {
    response: json({ object: 'list', data: [PENDING_EVENT], has_more: false, next_cursor: null }),
  },
  listEventDeliveries: { response: json({ object: 'list', data: [DELIVERY], has_more: false, next_cursor: null }) },
  getWebhookDelivery: {
    response: json({
      ...DELIVERY,
      attempt_log: [
        {
          attempt: 1,
          started_at: CONFIRMED,
          latency_ms: 84,
          status_code: 200,
          outcome: 'succeeded',
          error: null,
          response_excerpt: '{"received":true}',
        },
      ],
      request: {
        method: 'POST',
        url: 'https://shop.example.com/hooks/tron',
        headers: {
          Authorization: '********',
          'content-type': 'application/json',
          'user-agent': 'tron-payment-gateway/0.1.0',
          'x-tpg-event-id': EVENT_ID,
          'x-tpg-event-type': 'payment.completed',
          'x-tpg-delivery-id': DELIVERY_ID,
          'x-tpg-signature': '(signed at each attempt)',
          'webhook-id': EVENT_ID,
          'webhook-timestamp': '1773144030',
          'webhook-signature': '(signed at each attempt)',
        },
        body: `{"id":"${EVENT_ID}","type":"payment.completed","created_at":"2026-03-10T12:00:30.000Z","data":{"object":{"payment_id":"${PAYMENT_ID}","status":"completed"}}}`,
      },
    }),
  },
  redeliverWebhookDelivery: { response: json(REDELIVERY) },
  getWebhook: { response: json(WEBHOOK) },
  updateWebhook: {
    request: { events: ['payment.completed', 'payment.failed', 'refund.completed'] },
    response: json({ ...WEBHOOK, events: ['payment.completed', 'payment.failed', 'refund.completed'], updated_at: LATER }),
  },
  deleteWebhook: {
    response: json({ ...WEBHOOK, active: false, status: 'deleted', updated_at: LATER, deleted_at: LATER }),
  },
  rotateWebhookSecret: {
    request: { grace_period_seconds: 86400 },
    response: json({
      id: WEBHOOK_ID,
      object: 'webhook_secret',
      secret: 'whsec_Jm0c1Xo7g0q4V9b2kC8yR5uT3nW6zA1dE4fH7iK0lM8=',
      previous_secret_expires_at: '2026-03-11T14:30:00.000Z',
    }),
  },
  testWebhook: {
    response: json({
      ...REDELIVERY,
      id: DELIVERY_ID,
      event_id: EVENT_ID_2,
      event_type: 'webhook.test',
      kind: 'test',
      redelivery_of: null,
    }),
  },
  listWebhookDeliveries: {
    response: json({ object: 'list', data: [REDELIVERY, DELIVERY], has_more: false, next_cursor: null }),
  },

  getWallet: {
    response: json({
      object: 'wallet',
      address: HOT_WALLET,
      network: 'mainnet',
      balances: { TRX: '1234.5', USDT: '98765.4321' },
      energy: { available: '64285', limit: '100000' },
      bandwidth: { available: '4400', limit: '5000' },
      staking: {
        energy_trx: '1000',
        bandwidth_trx: '0',
        energy_delegated_out_trx: '300',
        bandwidth_delegated_out_trx: '0',
        pending_unstakes: [{ resource: 'ENERGY', trx: '50', withdrawable_at: '2026-04-30T06:48:27.000Z' }],
      },
      block_number: 61203457,
      deposit_addresses: { free: 412, reusable: 37, in_use: 58, target: 500 },
    }),
  },
  stakeTrx: {
    request: { trx: '1000', resource: 'ENERGY' },
    response: json(STAKING_OPERATION),
    statuses: ['202'],
  },
  unstakeTrx: {
    request: { trx: '250', resource: 'BANDWIDTH' },
    response: json({
      ...STAKING_OPERATION,
      operation_id: 'stk_019cd79e4600a57032d2461f5f9994a7',
      action: 'unstake',
      resource: 'BANDWIDTH',
      trx: '250',
    }),
    statuses: ['202'],
  },
  withdrawUnstakedTrx: {
    response: json({
      ...STAKING_OPERATION,
      operation_id: 'stk_019cd79e4600a57032d2461f5f9994a8',
      action: 'withdraw_unstaked',
      resource: null,
      trx: '250',
    }),
    statuses: ['202'],
  },
  getEnergyStrategy: { response: json({ object: 'energy_strategy', strategy: 'auto', source: 'config', effective: 'stake' }) },
  setEnergyStrategy: {
    request: { strategy: 'burn' },
    response: json({ object: 'energy_strategy', strategy: 'burn', source: 'merchant', effective: 'burn' }),
  },
  listAssets: {
    response: json({
      object: 'list',
      data: [
        { symbol: 'TRX', kind: 'native', contract: null, decimals: 6, blacklist: false },
        { symbol: 'USDT', kind: 'trc20', contract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', decimals: 6, blacklist: true },
      ],
    }),
  },
  listApiKeys: { response: json({ data: [{ ...API_KEY, last_used_at: LATER }] }) },
  createApiKey: {
    request: { name: 'shop backend', scopes: ['payments:read', 'payments:write'] },
    response: json({ ...API_KEY, secret: 'tpg_YceRhzm2fvAYEs2GOBBVf3vDv8adSZuPTY_Gk3AUfO4' }),
  },
  revokeApiKey: { response: json({ ...API_KEY, status: 'revoked', revoked_at: LATER }) },
  listAuditRecords: { response: json({ object: 'list', data: [AUDIT_RECORD], has_more: true, next_cursor: 17 }) },
  verifyAuditChain: {
    response: json({
      ok: true,
      done: false,
      checked: 1000,
      total: 2417,
      next: { after_seq: 1000, prev_hash: AUDIT_RECORD.hash },
      problem: null,
    }),
  },

  listSettlements: { response: json({ object: 'list', data: [SETTLEMENT], has_more: false, next_cursor: null }) },
  getSettlement: {
    response: json({
      ...SETTLEMENT,
      sweeps: [
        {
          sweep_id: SWEEP_ID,
          status: 'completed',
          deposit_address: DEPOSIT,
          asset: 'USDT',
          amount: '250.5',
          fuel_amount: '14',
          network_fee: '20.1295',
          network_cost: SWEEP_COST,
          failure_reason: null,
          created_at: '2026-03-10T23:00:00.000Z',
          completed_at: '2026-03-10T23:00:42.000Z',
        },
      ],
    }),
  },
  createRefund: { request: { payment_id: PAYMENT_ID, amount: '25', reason: 'user_request' }, response: json(REFUND) },
  getRefund: {
    response: json({
      ...REFUND,
      status: 'completed',
      transaction_id: TX_2,
      network_fee: '13.3735',
      network_cost: {
        energy_used: 130285,
        energy_delegated: 0,
        energy_burned_trx: '13.0285',
        bandwidth_used: 345,
        bandwidth_burned_trx: '0.345',
        activation_trx: '0',
        trx_burned: '13.3735',
      },
      completed_at: '2026-03-10T14:31:06.000Z',
    }),
  },
  reconcilePayment: { request: { payment_id: PAYMENT_ID, notes: 'customer says paid' }, response: json(RECONCILIATION) },
  listReconciliations: { response: json({ object: 'list', data: [RECONCILIATION], has_more: false, next_cursor: null }) },

  logIn: {
    request: { email: 'ann@shop.example', password: 'correct horse battery staple', totp_code: '287082' },
    response: json(SESSION_ANSWER),
  },
  getSession: { response: json(SESSION_ANSWER) },
  logOut: { response: json(ENDED_SESSION) },
  changePassword: {
    request: { current_password: 'correct horse battery staple', new_password: 'a longer passphrase of mine' },
    response: json(DASHBOARD_USER),
  },
  beginTotpEnrolment: {
    response: json({
      secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      otpauth_uri:
        'otpauth://totp/TRON%20Payment%20Gateway:ann%40shop.example?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=TRON%20Payment%20Gateway&algorithm=SHA1&digits=6&period=30',
    }),
  },
  confirmTotpEnrolment: {
    request: { totp_code: '287082' },
    response: json({
      recovery_codes: [
        'k7m2q-xw4rp',
        'b3tz6-nh5ya',
        'f2jv7-qd3ms',
        'p6wc4-za2ke',
        'r5hn3-ty7bg',
        'e4xq2-mv6jd',
        'u7ka5-sc3pw',
        'g3rd6-lb4xn',
        'y2fm7-he5qt',
        'w6pj3-ok2vc',
      ],
    }),
  },
  disableTotp: { request: { totp_code: '287082' }, response: json({ ...DASHBOARD_USER, totp_enabled: false }) },
  listSessions: {
    response: json({
      data: [
        {
          id: SESSION_ID,
          current: true,
          client_ip: '203.0.113.7',
          user_agent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/132.0',
          created_at: LATER,
          last_seen_at: LATER,
          expires_at: '2026-03-11T02:30:00.000Z',
        },
      ],
    }),
  },
  revokeSession: { response: json(ENDED_SESSION) },
  listUsers: { response: json({ data: [{ ...DASHBOARD_USER, role: 'owner', email: 'owner@shop.example' }, DASHBOARD_USER] }) },
  createUser: {
    request: { email: 'ann@shop.example', role: 'operator' },
    response: json({ ...DASHBOARD_USER, must_change_password: true, totp_enabled: false, one_time_password: 'Wk7dHq3ZpR9tYx2MbN5c' }),
  },
  changeUserRole: { request: { role: 'admin' }, response: json({ ...DASHBOARD_USER, role: 'admin' }) },
  disableUser: { response: json({ ...DASHBOARD_USER, status: 'disabled' }) },
  resetUserPassword: {
    response: json({ ...DASHBOARD_USER, must_change_password: true, one_time_password: 'Pq4sVb8nXc2mTz6kLw9d' }),
  },
};

// ------------------------------------------------------------------ problem answers

export interface ProblemExample {
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
}

/** One typical problem per documented status; `default` stands for the 5xx answers. */
export const PROBLEM_EXAMPLES: Record<string, ProblemExample> = {
  400: { code: 'malformed_request', detail: 'body is not valid JSON' },
  401: { code: 'unauthorized', detail: 'the API key is unknown or revoked' },
  403: { code: 'forbidden', detail: 'the API key lacks the scope "payments:write"' },
  404: { code: 'not_found', detail: `payment ${PAYMENT_ID} not found` },
  409: { code: 'invalid_transition', detail: `payment ${PAYMENT_ID} is completed and cannot become cancelled` },
  413: { code: 'payload_too_large', detail: 'request body is larger than 1048576 bytes' },
  415: { code: 'unsupported_media_type', detail: 'Content-Type "text/plain" is not supported; send application/json' },
  422: {
    code: 'validation_failed',
    detail: 'amount must be written without an exponent; payee_address is not a valid TRON address',
    errors: [
      { path: 'amount', message: 'must be written without an exponent' },
      { path: 'payee_address', message: 'is not a valid TRON address' },
    ],
  },
  429: {
    code: 'rate_limited',
    detail: 'at most 1000 create requests (a batch counts once) are accepted per minute; 0 remain in this minute',
  },
  503: { code: 'chain_unavailable', detail: 'the TRON node did not answer; balances are unavailable right now' },
  default: { code: 'internal', detail: 'internal error' },
};
