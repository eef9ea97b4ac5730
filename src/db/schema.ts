/**
 * Table types for Kysely. Every integer column is int8 and reads back as `bigint` on both engines
 * (better-sqlite3 with safe integers, pg with an int8 parser); row mappers narrow counts and timestamps
 * to numbers. Timestamps are milliseconds since the epoch; booleans are 0/1; JSON is text.
 */
import type { ColumnType } from 'kysely';

/**
 * int8 columns: they arrive as bigint at run time, but are typed `bigint | number` so that numbers can be
 * compared and written directly; row mappers convert with Number() or BigInt() explicitly.
 */
type Int = bigint | number;
type Col<R, W = R> = ColumnType<R, W, W>;
type IntCol = Col<Int, Int>;
type NullableIntCol = Col<Int | null, Int | null>;

export interface MerchantsTable {
  id: string;
  name: string;
  hd_index: IntCol;
  status: string;
  settlement_frequency: string | null;
  created_at: IntCol;
  updated_at: IntCol;
}

export interface ApiKeysTable {
  id: string;
  merchant_id: string;
  name: string;
  key_hash: string;
  key_prefix: string;
  scopes: string;
  created_at: IntCol;
  last_used_at: NullableIntCol;
  revoked_at: NullableIntCol;
}

export interface PaymentsTable {
  id: string;
  merchant_id: string;
  batch_id: string | null;
  batch_index: NullableIntCol;
  status: string;
  payment_method: string;
  priority: string;
  currency: string;
  amount: IntCol;
  fee: IntCol;
  net_amount: IntCol;
  fee_rate_ppb: IntCol;
  discount_ppb: IntCol;
  network_fee_estimate: NullableIntCol;
  payer_address: string | null;
  payee_address: string;
  deposit_address: string | null;
  deposit_index: NullableIntCol;
  reference_id: string | null;
  description: string | null;
  metadata: string | null;
  expires_at: NullableIntCol;
  amount_received: IntCol;
  exception: string | null;
  confirmations: IntCol;
  finalized: IntCol;
  transaction_id: string | null;
  network_fee: NullableIntCol;
  flags: string;
  approval_status: string | null;
  approved_at: NullableIntCol;
  approved_by: string | null;
  failure_reason: string | null;
  cancel_reason: string | null;
  created_at: IntCol;
  updated_at: IntCol;
  processing_at: NullableIntCol;
  confirmed_at: NullableIntCol;
  completed_at: NullableIntCol;
  failed_at: NullableIntCol;
  cancelled_at: NullableIntCol;
  version: IntCol;
  /** hosted checkout (0008): SHA-256 (hex) of the checkout token's secret; null: no checkout page */
  checkout_secret_hash: string | null;
  checkout_success_url: string | null;
  checkout_cancel_url: string | null;
  customer_email: string | null;
  /** the payment link this payment was created through */
  payment_link_id: string | null;
  /** the checkout token was revoked (cancelled from the page): the page stays readable, its actions do not */
  checkout_revoked_at: NullableIntCol;
  /** unique-amount direct_transfer (0011): what the payer must send, the amount plus its offset; null otherwise */
  amount_due: NullableIntCol;
  /** payout approval (0014): the note given when the held payout was approved or rejected */
  approval_note: string | null;
}

export interface PaymentHistoryTable {
  payment_id: string;
  seq: IntCol;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  actor: string | null;
  at: IntCol;
}

export interface BatchesTable {
  id: string;
  merchant_id: string;
  batch_reference: string | null;
  atomic: IntCol;
  status: string;
  item_count: IntCol;
  created_count: IntCol;
  rejected_count: IntCol;
  totals: string;
  created_at: IntCol;
  updated_at: IntCol;
  completed_at: NullableIntCol;
  /** when the batch was found not final after `batch_timeout_seconds` (migration 0004) */
  stalled_at: NullableIntCol;
}

export interface OutboxTable {
  id: string;
  merchant_id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: string;
  created_at: IntCol;
  dispatched_at: NullableIntCol;
}

export interface JobsTable {
  id: string;
  type: string;
  payload: string;
  status: string;
  priority: IntCol;
  run_at: IntCol;
  attempts: IntCol;
  max_attempts: IntCol;
  locked_by: string | null;
  locked_until: NullableIntCol;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: IntCol;
  updated_at: IntCol;
  finished_at: NullableIntCol;
}

export interface IdempotencyKeysTable {
  merchant_id: string;
  key: string;
  request_hash: string;
  method: string;
  path: string;
  status_code: IntCol;
  response_body: string;
  created_at: IntCol;
  expires_at: IntCol;
}

export interface RateWindowsTable {
  scope: string;
  window_start: IntCol;
  count: IntCol;
}

export interface VolumeTotalsTable {
  merchant_id: string;
  currency: string;
  day: IntCol;
  total: IntCol;
}

export interface HdCountersTable {
  name: string;
  next_index: IntCol;
}

export interface DepositPoolTable {
  deposit_index: IntCol;
  address: string;
  created_at: IntCol;
  /** a reused address (0011): when it was known to exist on chain; null for a fresh one */
  activated_at: NullableIntCol;
}

/** Deposit addresses known to exist on chain (0011): their next sweep needs no activation. */
export interface DepositActivationsTable {
  address: string;
  deposit_index: IntCol;
  activated_at: IntCol;
}

/** One row per amount held by an open unique-amount direct_transfer (0011), per payee and asset. */
export interface UniqueAmountClaimsTable {
  payee_address: string;
  asset: string;
  amount: IntCol;
  payment_id: string;
  claimed_at: IntCol;
}

export interface SettlementsTable {
  id: string;
  merchant_id: string;
  status: string;
  currency: string;
  amount: IntCol;
  payee_address: string;
  transaction_id: string | null;
  network_fee: NullableIntCol;
  created_at: IntCol;
  completed_at: NullableIntCol;
  failure_reason: string | null;
  /** TRX the settlement's sweeps burned */
  sweep_cost: NullableIntCol;
  /** schedule | threshold | manual */
  trigger: string | null;
  updated_at: NullableIntCol;
  /** when the retention job archived it (older than settlement.retention_period_days) */
  archived_at: NullableIntCol;
}

export interface GatewayMetaTable {
  key: string;
  value: string;
  updated_at: IntCol;
}

export interface WebhooksTable {
  id: string;
  merchant_id: string;
  url: string;
  /** JSON array of event names, or ["*"] */
  events: string;
  /** JSON object of custom headers */
  headers: string;
  description: string | null;
  active: IntCol;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: NullableIntCol;
  failing_since: NullableIntCol;
  last_success_at: NullableIntCol;
  last_failure_at: NullableIntCol;
  disabled_at: NullableIntCol;
  disabled_reason: string | null;
  created_at: IntCol;
  updated_at: IntCol;
  deleted_at: NullableIntCol;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  merchant_id: string;
  event_id: string;
  event_type: string;
  /** event | redelivery | test */
  kind: string;
  redelivery_of: string | null;
  /** pending | succeeded | failed */
  status: string;
  attempts: IntCol;
  next_attempt_at: IntCol;
  locked_by: string | null;
  locked_until: NullableIntCol;
  last_status_code: NullableIntCol;
  last_error: string | null;
  created_at: IntCol;
  updated_at: IntCol;
  completed_at: NullableIntCol;
}

export interface WebhookAttemptsTable {
  delivery_id: string;
  attempt: IntCol;
  webhook_id: string;
  started_at: IntCol;
  latency_ms: IntCol;
  status_code: NullableIntCol;
  /** succeeded | retry | failed */
  outcome: string;
  error: string | null;
  /** at most 1 KiB of the response body */
  response_excerpt: string | null;
}

export interface RefundsTable {
  id: string;
  merchant_id: string;
  payment_id: string;
  currency: string;
  amount: IntCol;
  /** pending | processing | completed | failed */
  status: string;
  reason: string | null;
  refund_address: string;
  transaction_id: string | null;
  network_fee: NullableIntCol;
  failure_reason: string | null;
  created_at: IntCol;
  updated_at: IntCol;
  completed_at: NullableIntCol;
  /** api | auto (overpayment) */
  origin: string | null;
  actor: string | null;
  /** 1 when it did not complete within refund_timeout_hours */
  flagged: NullableIntCol;
}

export interface ReportsTable {
  id: string;
  merchant_id: string;
  status: string;
  format: string;
  start_at: IntCol;
  end_at: IntCol;
  status_filter: string | null;
  include_failed: IntCol;
  summary: string;
  row_count: IntCol;
  created_at: IntCol;
  completed_at: NullableIntCol;
}

export interface AuditLogTable {
  seq: IntCol;
  at: IntCol;
  merchant_id: string | null;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  request_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: IntCol;
  seq: IntCol;
  hash: string;
}

export interface ChainCursorsTable {
  name: string;
  /** the last block fully processed */
  block_number: IntCol;
  block_id: string | null;
  updated_at: IntCol;
}

/** Ids of the blocks the scanner processed above the solidified block (migration 0018): where a reorganisation is traced back to. */
export interface ScannedBlocksTable {
  block_number: IntCol;
  block_id: string;
}

export interface LeasesTable {
  name: string;
  holder: string;
  /** grows with every new holder: writes under a lease are fenced on it */
  token: IntCol;
  expires_at: IntCol;
  updated_at: IntCol;
}

export interface ChainTransfersTable {
  id: string;
  tx_id: string;
  /** -1 for a TRX transfer, else the TRC-20 log's index in its transaction */
  log_index: IntCol;
  block_number: IntCol;
  block_timestamp: IntCol;
  asset: string;
  from_address: string;
  to_address: string;
  amount: IntCol;
  merchant_id: string | null;
  payment_id: string | null;
  /** deposit | direct | late | unmatched | internal */
  match: string;
  note: string | null;
  /** scanner | reconciliation */
  source: string;
  /** seen | confirmed | final | dropped */
  status: string;
  confirmations: IntCol;
  created_at: IntCol;
  updated_at: IntCol;
}

export interface ChainSendsTable {
  id: string;
  /** payout | refund | settlement | sweep | sweep_fuel */
  purpose: string;
  owner_id: string;
  merchant_id: string;
  /** 1, then +1 only after the previous transaction provably expired without landing */
  sequence: IntCol;
  /** key reference: hot:<merchant index> | deposit:<index> */
  signer: string;
  from_address: string;
  to_address: string;
  asset: string;
  amount: IntCol;
  fee_limit: IntCol;
  priority: IntCol;
  max_retries: IntCol;
  /** queued | signed | broadcast | confirmed | completed | failed | expired */
  status: string;
  tx_id: string | null;
  /** hex of the signed protobuf */
  signed_tx: string | null;
  expiration: NullableIntCol;
  attempts: IntCol;
  next_attempt_at: IntCol;
  locked_by: string | null;
  locked_until: NullableIntCol;
  last_error: string | null;
  block_number: NullableIntCol;
  energy_used: NullableIntCol;
  network_fee: NullableIntCol;
  /** from the receipt (0009): energy paid by stake (own or delegated), in energy units */
  energy_delegated: NullableIntCol;
  /** sun burned for energy (money column) */
  energy_burned_trx: NullableIntCol;
  /** bytes: net_usage, or the transaction's bytes when they were paid in TRX */
  bandwidth_used: NullableIntCol;
  /** sun burned for bandwidth (money column) */
  bandwidth_burned_trx: NullableIntCol;
  /** sun the chain charged for creating the receiver's account (money column) */
  activation_trx: NullableIntCol;
  /** the receipt's whole fee in sun (money column) */
  trx_burned: NullableIntCol;
  /** 0013: how a hot-wallet token send paid for energy (energy-wait.ts ENERGY_DECISIONS), set when signed */
  energy_decision: string | null;
  /** 0013: how long it had waited for energy when signed */
  energy_wait_ms: NullableIntCol;
  failure_reason: string | null;
  created_at: IntCol;
  updated_at: IntCol;
  broadcast_at: NullableIntCol;
  confirmed_at: NullableIntCol;
  completed_at: NullableIntCol;
  /** ENERGY | BANDWIDTH for stake, unstake, delegate and reclaim sends (0010); null otherwise */
  resource: string | null;
}

/** Per merchant (0009): the energy strategy set at run time, and whether the low-energy alert is raised. */
export interface MerchantEnergyTable {
  merchant_id: string;
  /** auto | burn | stake; null: the configuration's */
  strategy: string | null;
  energy_low: IntCol;
  updated_at: IntCol;
}

export interface LedgerEntriesTable {
  id: string;
  merchant_id: string;
  payee_address: string;
  currency: string;
  /** collection | fee_owed | refund | refund_reversal | settlement | settlement_reversal | adjustment */
  kind: string;
  reference_id: string;
  /** signed: credits positive, debits negative */
  amount: IntCol;
  created_at: IntCol;
}

export interface MerchantBalancesTable {
  merchant_id: string;
  payee_address: string;
  currency: string;
  balance: IntCol;
  updated_at: IntCol;
}

export interface SweepsTable {
  id: string;
  merchant_id: string;
  settlement_id: string | null;
  deposit_address: string;
  deposit_index: IntCol;
  asset: string;
  amount: IntCol;
  /** pending | fueling | sweeping | completed | failed */
  status: string;
  fuel_amount: NullableIntCol;
  network_fee: NullableIntCol;
  failure_reason: string | null;
  created_at: IntCol;
  updated_at: IntCol;
  completed_at: NullableIntCol;
}

/** A sweep done on energy the hot wallet delegates to its deposit address (0010). */
export interface EnergyDelegationsTable {
  id: string;
  sweep_id: string;
  merchant_id: string;
  hot_address: string;
  receiver_address: string;
  energy: IntCol;
  sun: IntCol;
  /** 1 when the deposit address did not exist on chain and is activated first */
  needs_activation: IntCol;
  /** activating | delegating | sweeping | reclaiming | reclaimed | failed */
  status: string;
  activation_send_id: string | null;
  delegate_send_id: string | null;
  sweep_send_id: string | null;
  reclaim_send_id: string | null;
  failure_reason: string | null;
  created_at: IntCol;
  updated_at: IntCol;
}

export interface ReconciliationsTable {
  id: string;
  merchant_id: string | null;
  payment_id: string | null;
  /** payment | balances */
  kind: string;
  /** api | background */
  trigger: string;
  /** the seed's ReconciliationStatus: pending | processing | completed | failed | disputed */
  status: string;
  /** what the run found: verified | credited | pending | disputed | error (a payment), balanced | differences (balances) */
  outcome: string;
  external_transaction_id: string | null;
  notes: string | null;
  /** JSON */
  checks: string;
  /** JSON array */
  discrepancies: string;
  actor: string;
  created_at: IntCol;
}

export interface PaymentLinksTable {
  id: string;
  merchant_id: string;
  /** the public token in the link's URL */
  token: string;
  currency: string;
  /** where settlement pays what the link's payments collect */
  payee_address: string;
  /** fixed amount, a decimal string of base units; null: the customer chooses */
  amount: string | null;
  description: string;
  success_url: string | null;
  expires_at: NullableIntCol;
  max_uses: NullableIntCol;
  uses: IntCol;
  active: IntCol;
  created_at: IntCol;
  updated_at: IntCol;
}

export interface MerchantBrandingTable {
  merchant_id: string;
  /** the merchant's id on public URLs (the logo), unrelated to its internal id */
  public_id: string;
  display_name: string | null;
  accent_color: string | null;
  support_email: string | null;
  /** the logo's bytes, base64 (portable: text on both engines) */
  logo_base64: string | null;
  logo_content_type: string | null;
  logo_sha256: string | null;
  updated_at: IntCol;
}

export interface DashboardUsersTable {
  id: string;
  merchant_id: string;
  email: string;
  role: string;
  status: string;
  password_hash: string;
  must_change_password: IntCol;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: NullableIntCol;
  created_at: IntCol;
  updated_at: IntCol;
}

export interface DashboardRecoveryCodesTable {
  user_id: string;
  code_hash: string;
  used_at: NullableIntCol;
}

export interface DashboardSessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  client_ip: string;
  user_agent: string;
  created_at: IntCol;
  last_seen_at: IntCol;
  expires_at: IntCol;
  revoked_at: NullableIntCol;
}

export interface DashboardLoginFailuresTable {
  subject: string;
  at: IntCol;
}

export interface DB {
  merchants: MerchantsTable;
  api_keys: ApiKeysTable;
  payments: PaymentsTable;
  payment_history: PaymentHistoryTable;
  batches: BatchesTable;
  outbox: OutboxTable;
  jobs: JobsTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_windows: RateWindowsTable;
  volume_totals: VolumeTotalsTable;
  hd_counters: HdCountersTable;
  deposit_pool: DepositPoolTable;
  deposit_activations: DepositActivationsTable;
  unique_amount_claims: UniqueAmountClaimsTable;
  settlements: SettlementsTable;
  gateway_meta: GatewayMetaTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  refunds: RefundsTable;
  reports: ReportsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  chain_cursors: ChainCursorsTable;
  scanned_blocks: ScannedBlocksTable;
  leases: LeasesTable;
  chain_transfers: ChainTransfersTable;
  chain_sends: ChainSendsTable;
  ledger_entries: LedgerEntriesTable;
  merchant_balances: MerchantBalancesTable;
  sweeps: SweepsTable;
  energy_delegations: EnergyDelegationsTable;
  reconciliations: ReconciliationsTable;
  payment_links: PaymentLinksTable;
  merchant_branding: MerchantBrandingTable;
  merchant_energy: MerchantEnergyTable;
  dashboard_users: DashboardUsersTable;
  dashboard_recovery_codes: DashboardRecoveryCodesTable;
  dashboard_sessions: DashboardSessionsTable;
  dashboard_login_failures: DashboardLoginFailuresTable;
}
