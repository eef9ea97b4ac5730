/**
 * The configuration schema: every key typed, defaulted and described. `config/payment-gateway-config.yaml`
 * mirrors it; environment variables override a fixed list of keys (env.ts). Amounts are whole units
 * (strings or numbers) and become bigint base units in the resolved config (load.ts).
 */
import { type Static, Type } from 'typebox';
import { PAYMENT_METHODS } from '../shared/catalogues/payment-methods.js';
import { PRIORITIES, PRIORITY_CATALOGUE, type Priority, type PriorityEntry } from '../shared/catalogues/priorities.js';
import { ALL_EVENTS, WEBHOOK_EVENTS } from '../shared/catalogues/webhook-events.js';

const Amount = (defaultValue: string, description: string) =>
  Type.Union([Type.String(), Type.Number()], { default: defaultValue, description: `${description} (whole units)` });
const Rate = (defaultValue: string, description: string) =>
  Type.String({
    default: defaultValue,
    pattern: '^\\d+(\\.\\d{1,9})?$',
    description: `${description} (decimal fraction, "0.0015" = 0.15 %)`,
  });
const Seconds = (defaultValue: number, description: string, minimum = 0) =>
  Type.Integer({ default: defaultValue, minimum, description: `${description} (seconds)` });
const Strict = { additionalProperties: false, default: {} } as const;

// The catalogues' lists, where the config's users have always found them.
export { PAYMENT_METHODS, PRIORITIES };
export const NETWORKS = ['devnet', 'nile', 'shasta', 'mainnet'] as const;
export const SETTLEMENT_FREQUENCIES = ['instant', 'hourly', 'daily', 'weekly'] as const;
/** `energy.strategy` and a merchant's run-time override: `auto` resolves to stake or burn (src/modules/energy). */
export const ENERGY_STRATEGY_SETTINGS = ['auto', 'burn', 'stake'] as const;
export const ROLES = ['api', 'workers', 'scanner'] as const;
export const DEPOSIT_ADDRESS_REUSE = ['never', 'after_quiet_period'] as const;
export const REFUND_REASONS = ['user_request', 'payment_failure', 'duplicate_payment', 'merchant_initiated', 'system_error'] as const;
const PriorityPolicy = ({ feeRate, processingTimeSeconds, maxRetries, confirmations }: PriorityEntry['defaults']) =>
  Type.Object(
    {
      fee_rate: Rate(feeRate, 'fee rate'),
      processing_time_seconds: Seconds(processingTimeSeconds, 'target processing time', 1),
      max_retries: Type.Integer({ default: maxRetries, minimum: 0, maximum: 100, description: 'retries for transient failures' }),
      confirmations: Type.Integer({
        default: confirmations,
        minimum: 1,
        maximum: 1000,
        description: 'blocks on top before a collection is confirmed',
      }),
    },
    Strict,
  );

/** One policy per priority of the catalogue, defaulted from it. */
function priorityPolicies() {
  const policies = {} as Record<Priority, ReturnType<typeof PriorityPolicy>>;
  for (const priority of PRIORITIES) policies[priority] = PriorityPolicy(PRIORITY_CATALOGUE[priority].defaults);
  return Type.Object(policies, Strict);
}

const VolumeDiscount = Type.Object(
  { threshold: Type.Union([Type.String(), Type.Number()]), discount: Rate('0', 'discount off the fee') },
  { additionalProperties: false },
);
const defaultDiscounts = [
  { threshold: '10000', discount: '0.05' },
  { threshold: '100000', discount: '0.10' },
  { threshold: '1000000', discount: '0.15' },
];

const AssetLimitOverrides = Type.Object(
  {
    min_amount: Type.Optional(Type.Union([Type.String(), Type.Number()])),
    max_single_payment: Type.Optional(Type.Union([Type.String(), Type.Number()])),
    daily_limit: Type.Optional(Type.Union([Type.String(), Type.Number()])),
    monthly_limit: Type.Optional(Type.Union([Type.String(), Type.Number()])),
    suspicious_amount_threshold: Type.Optional(Type.Union([Type.String(), Type.Number()])),
    approval_threshold: Type.Optional(Type.Union([Type.String(), Type.Number()])),
    minimum_fee: Type.Optional(Type.Union([Type.String(), Type.Number()])),
    min_settlement_amount: Type.Optional(Type.Union([Type.String(), Type.Number()])),
    max_settlement_amount: Type.Optional(Type.Union([Type.String(), Type.Number()])),
  },
  {
    additionalProperties: false,
    description: 'this asset’s own limits in its whole units; absent keys use transaction_limits, fee_management and settlement',
  },
);

/** One configured asset. TRX is always there; an entry named TRX only sets its tiers, limits and funding. */
const AssetEntry = Type.Object(
  {
    symbol: Type.String({ pattern: '^[A-Za-z0-9]{1,16}$', description: 'ticker used as `currency` in the API' }),
    contract: Type.String({
      default: '',
      description:
        'base58 TRC-20 contract; "devnet" deploys it on the devnet (or finds the one with this symbol); empty: the network’s known contract (USDT on mainnet and Nile) or "devnet" on a devnet',
    }),
    decimals: Type.Integer({ default: 6, minimum: 0, maximum: 18, description: 'decimals of the token (0–18)' }),
    blacklist: Type.Boolean({ default: false, description: 'the contract has USDT’s isBlackListed/getBlackListStatus' }),
    energy_existing_holder: Type.Integer({ default: 64_285, minimum: 0, description: 'energy of a transfer to a holder' }),
    energy_new_holder: Type.Integer({ default: 130_285, minimum: 0, description: 'energy of a transfer to an address holding none' }),
    bandwidth_bytes: Type.Integer({ default: 345, minimum: 0, description: 'bandwidth of one signed transfer' }),
    volume_discounts: Type.Optional(Type.Array(VolumeDiscount, { description: 'fee discount tiers, thresholds in this asset’s units' })),
    limits: Type.Optional(AssetLimitOverrides),
    devnet_funding: Type.Optional(
      Type.Union([Type.String(), Type.Number()], { description: 'what the devnet faucet sends a new hot wallet' }),
    ),
  },
  { additionalProperties: false },
);

export const ConfigSchema = Type.Object(
  {
    server: Type.Object(
      {
        host: Type.String({ default: '127.0.0.1', description: 'address the API listens on (0.0.0.0 in containers)' }),
        port: Type.Integer({ default: 8097, minimum: 0, maximum: 65535, description: 'API port (SERVICE_PORT)' }),
        body_limit_bytes: Type.Integer({ default: 1_048_576, minimum: 1024, description: 'largest request body; larger answers 413' }),
        trust_proxy: Type.Boolean({ default: false, description: 'take client addresses from X-Forwarded-For' }),
        request_timeout_ms: Type.Integer({ default: 30_000, minimum: 1000, description: 'requests running longer are aborted' }),
        data_dir: Type.String({ default: 'data', description: 'embedded database, devnet chain and devnet wallet seed (DATA_DIR)' }),
        roles: Type.Array(Type.Enum(ROLES), {
          default: ['api', 'workers', 'scanner'],
          minItems: 1,
          description: 'what this process runs',
        }),
        instance_id: Type.String({ default: '', description: 'name of this process in job locks and logs; empty derives one' }),
        shutdown_grace_ms: Type.Integer({ default: 10_000, minimum: 0, description: 'time for in-flight work on SIGTERM' }),
        public_url: Type.String({
          default: 'http://127.0.0.1:8097',
          description: 'base URL customers reach the gateway at (checkout pages and payment links are under it)',
        }),
      },
      Strict,
    ),
    checkout: Type.Object(
      {
        frame_ancestors: Type.Array(Type.String({ maxLength: 200 }), {
          default: ["'none'"],
          description: 'CSP frame-ancestors of checkout pages: origins that may embed them ("\'none\'" forbids embedding)',
        }),
        redirect_seconds: Type.Integer({
          default: 5,
          minimum: 0,
          maximum: 60,
          description: 'countdown before a completed checkout returns to success_url',
        }),
        explorer_tx_url: Type.String({
          default: '',
          description: 'transaction link shown on the page, with {txid}; empty: Tronscan of the network (none on a devnet)',
        }),
        sse_heartbeat_seconds: Seconds(15, 'comment sent on idle status streams', 1),
        poll_interval_ms: Type.Integer({
          default: 250,
          minimum: 20,
          maximum: 5000,
          description: 'how often the shared status poller looks for changes of watched payments while streams are open',
        }),
        max_streams: Type.Integer({ default: 10_000, minimum: 1, description: 'open status streams per process; more answer 503' }),
        rate_limit_per_minute: Type.Integer({
          default: 120,
          minimum: 1,
          description: 'requests per client address per minute to checkout pages, status and payment links',
        }),
        link_visit_limit_per_minute: Type.Integer({
          default: 10,
          minimum: 1,
          description: 'payments a client address may create through payment links per minute',
        }),
      },
      Strict,
    ),
    dashboard: Type.Object(
      {
        session_idle_minutes: Type.Integer({
          default: 30,
          minimum: 1,
          maximum: 1440,
          description: 'a dashboard session ends after this long without a request (minutes)',
        }),
        session_absolute_hours: Type.Integer({
          default: 12,
          minimum: 1,
          maximum: 720,
          description: 'a dashboard session ends this long after its login, however active (hours)',
        }),
        login_failures_per_account: Type.Integer({
          default: 5,
          minimum: 1,
          description: 'failed logins of one account within login_throttle_minutes before its logins answer 429',
        }),
        login_failures_per_client: Type.Integer({
          default: 20,
          minimum: 1,
          description: 'failed logins from one client address within login_throttle_minutes before its logins answer 429',
        }),
        login_throttle_minutes: Type.Integer({
          default: 15,
          minimum: 1,
          maximum: 1440,
          description: 'window failed logins count in (minutes)',
        }),
      },
      Strict,
    ),
    network: Type.Object(
      {
        name: Type.Enum(NETWORKS, { default: 'devnet', description: 'TRON network (TRON_NETWORK)' }),
        rpc_urls: Type.Array(Type.String(), {
          default: [],
          description: 'full-node URLs in failover order (TRON_RPC_URL); empty on devnet embeds one',
        }),
        solidity_urls: Type.Array(Type.String(), { default: [], description: 'solidity-node URLs; empty uses rpc_urls' }),
        event_urls: Type.Array(Type.String(), { default: [], description: 'TronGrid v1 URLs; empty uses rpc_urls' }),
        trongrid_api_key: Type.String({ default: '', description: 'TRON-PRO-API-KEY (TRONGRID_API_KEY); secret' }),
        usdt_contract: Type.String({ default: '', description: 'contract of the USDT asset when its entry names none (USDT_CONTRACT)' }),
        timeout_ms: Type.Integer({ default: 10_000, minimum: 100, description: 'per-request node timeout' }),
        max_attempts: Type.Integer({ default: 3, minimum: 1, maximum: 10, description: 'attempts per node request' }),
        devnet: Type.Object(
          {
            host: Type.String({ default: '127.0.0.1', description: 'embedded devnet listen address' }),
            port: Type.Integer({ default: 8090, minimum: 0, maximum: 65535, description: 'embedded devnet port (DEVNET_PORT)' }),
            block_time_ms: Type.Integer({ default: 3000, minimum: 10, description: 'ms between blocks (DEVNET_BLOCK_TIME_MS)' }),
            solidify_lag: Type.Integer({ default: 19, minimum: 0, maximum: 1000, description: 'blocks behind head (DEVNET_SOLIDIFY_LAG)' }),
            resource_window_ms: Type.Integer({
              default: 86_400_000,
              minimum: 1000,
              description: 'bandwidth and energy usage recover over this window (24 h on mainnet); fixed when the chain is created',
            }),
            unfreeze_delay_ms: Type.Integer({
              default: 1_209_600_000,
              minimum: 0,
              description: 'unstaked TRX is withdrawable after this delay (14 days on mainnet); fixed when the chain is created',
            }),
            fund_hot_wallet_trx: Amount('10000', 'TRX the faucet sends a new merchant hot wallet'),
            fund_hot_wallet_tokens: Amount(
              '100000',
              'of each token, what the faucet sends a new merchant hot wallet (an asset’s devnet_funding overrides)',
            ),
          },
          Strict,
        ),
        scanner: Type.Object(
          {
            poll_interval_ms: Type.Integer({ default: 1000, minimum: 10, description: 'pause between scans once the head is reached' }),
            range_blocks: Type.Integer({
              default: 100,
              minimum: 1,
              maximum: 100,
              description: 'blocks per node call (java-tron allows 100)',
            }),
            fetch_threads: Type.Integer({
              default: 2,
              minimum: 0,
              maximum: 8,
              description: 'threads that fetch and parse block ranges during a catch-up (0: on the scanner thread)',
            }),
            max_blocks_per_pass: Type.Integer({
              default: 2000,
              minimum: 1,
              description: 'blocks one pass processes before it renews its lease and records progress',
            }),
            lease_ttl_seconds: Seconds(30, 'the scanner lease; a stand-by takes over when it lapses', 2),
            start_block: Type.Integer({ default: -1, minimum: -1, description: 'first block of a fresh database; -1 starts at the head' }),
            watch_days: Type.Integer({
              default: 7,
              minimum: 1,
              maximum: 3650,
              description: 'final payments stay watched this long after creation; older deposits are left to reconciliation',
            }),
            watch_reload_seconds: Seconds(600, 'full reload of the watch set (drops payments that left it)', 1),
          },
          Strict,
        ),
      },
      Strict,
    ),
    wallets: Type.Object(
      {
        mnemonic: Type.String({ default: '', description: 'BIP-39 seed phrase (TPG_WALLET_MNEMONIC); secret' }),
        mnemonic_file: Type.String({ default: '', description: 'file holding the seed phrase (TPG_WALLET_MNEMONIC_FILE)' }),
        passphrase: Type.String({ default: '', description: 'optional BIP-39 passphrase; secret' }),
        deposit_account: Type.Integer({
          default: 0,
          minimum: 0,
          maximum: 2_147_483_647,
          description: "deposit addresses at m/44'/195'/<n>'/0/i",
        }),
        deposit_pool_size: Type.Integer({
          default: 10_000,
          minimum: 0,
          maximum: 1_000_000,
          description:
            'deposit addresses derived ahead in idle time so that creating a payment does not wait for derivation; 0 derives on demand',
        }),
        hot_wallet_account: Type.Integer({
          default: 1,
          minimum: 0,
          maximum: 2_147_483_647,
          description: "hot wallets at m/44'/195'/<n>'/0/<merchant>",
        }),
        deposit_address_reuse: Type.Enum(DEPOSIT_ADDRESS_REUSE, {
          default: 'never',
          description:
            'never: every invoice gets a fresh deposit address; after_quiet_period: a swept address quiet for quiet_period_days goes back to the pool, already activated',
        }),
        quiet_period_days: Type.Integer({
          default: 30,
          minimum: 1,
          maximum: 3650,
          description:
            'days without activity (no incoming transfer, no open payment) before a swept deposit address may serve another invoice; must exceed late_payment_window_days',
        }),
      },
      Strict,
    ),
    assets: Type.Array(AssetEntry, {
      default: [{ symbol: 'USDT', contract: '', decimals: 6, blacklist: true }],
      description: 'TRC-20 tokens taken and sent besides TRX; the first build knew USDT only',
    }),
    payment_processing: Type.Object(
      {
        supported_methods: Type.Array(Type.Enum(PAYMENT_METHODS), {
          default: [...PAYMENT_METHODS],
          description: 'methods accepted on create',
        }),
        default_method: Type.Enum(PAYMENT_METHODS, { default: 'payment_gateway' }),
        default_currency: Type.String({ default: 'USDT', description: 'a configured asset symbol' }),
        default_priority: Type.Enum(PRIORITIES, { default: 'normal' }),
        payment_expiry_seconds: Seconds(3600, 'how long a deposit address waits for funds', 60),
        max_expiry_seconds: Seconds(7 * 86_400, 'largest expires_in_seconds accepted', 60),
        underpayment_tolerance: Rate('0', 'shortfall still accepted as paid'),
        late_payment_window_days: Type.Integer({
          default: 7,
          minimum: 0,
          maximum: 3650,
          description:
            'days after its expiry during which a transfer still pays an expired collection (paid_late); later ones stay unmatched',
        }),
        unique_amount_max_offset: Type.Integer({
          default: 9999,
          minimum: 0,
          maximum: 1_000_000,
          description:
            'direct_transfer without payer_address: largest offset added to the amount to make it unique among the payee’s open payments, in steps of the asset’s smallest display unit (0.000001 for 6 or more decimals); 0 turns unique amounts off, and a direct_transfer must then name its payer_address',
        }),
        swap_venue: Type.String({
          default: '',
          description: 'swap venue; must stay empty until the gateway supports one (swap payments are refused)',
        }),
        priorities: priorityPolicies(),
        payouts: Type.Object(
          {
            tx_expiration_seconds: Seconds(120, 'lifetime of a signed transaction after its reference block', 10),
            batch_size: Type.Integer({ default: 100, minimum: 1, maximum: 1000, description: 'sends the sender claims at once' }),
            poll_interval_ms: Type.Integer({
              default: 500,
              minimum: 10,
              description: 'pause of the sender and the send tracker when nothing is due',
            }),
            broadcast_concurrency: Type.Integer({ default: 16, minimum: 1, maximum: 256, description: 'broadcasts in flight at once' }),
            fee_limit_energy: Type.Integer({
              default: 150_000,
              minimum: 1,
              description: 'energy a token transfer may burn (a USDT transfer to a new holder needs about 130,285)',
            }),
            max_fee_limit_trx: Type.Integer({
              default: 100,
              minimum: 1,
              maximum: 15_000,
              description: 'cap of a token transfer fee limit (TRX)',
            }),
            retry_base_ms: Type.Integer({ default: 1000, minimum: 10, description: 'first backoff after a transient broadcast failure' }),
            retry_max_ms: Type.Integer({ default: 30_000, minimum: 10, description: 'longest backoff between broadcast attempts' }),
            claim_lease_seconds: Seconds(30, 'how long a claimed send is reserved for one sender process', 1),
            tracker_blocks_per_run: Type.Integer({
              default: 100,
              minimum: 1,
              maximum: 1000,
              description: 'blocks the send tracker reads per run',
            }),
          },
          Strict,
        ),
      },
      Strict,
    ),
    batch_processing: Type.Object(
      {
        max_batch_size: Type.Integer({ default: 1000, minimum: 1, maximum: 1000, description: 'payments per batch' }),
        max_concurrent_batches: Type.Integer({ default: 10, minimum: 1, description: 'batches in flight per merchant' }),
        batch_timeout_seconds: Seconds(
          3600,
          'a batch not final this long after its creation is flagged stalled and batch.stalled is sent; 0 never flags',
        ),
      },
      Strict,
    ),
    fee_management: Type.Object(
      {
        volume_discounts: Type.Array(VolumeDiscount, {
          default: defaultDiscounts,
          description: 'fee discount tiers of every asset without its own (thresholds in that asset’s units)',
        }),
        minimum_fee: Amount('0', 'smallest fee charged'),
      },
      Strict,
    ),
    reconciliation: Type.Object(
      {
        auto_reconcile: Type.Boolean({ default: true }),
        reconciliation_interval_seconds: Seconds(300, 'background re-verification interval', 1),
        lookback_hours: Type.Integer({ default: 24, minimum: 1, description: 'how far back the background job re-verifies' }),
      },
      Strict,
    ),
    settlement: Type.Object(
      {
        frequency: Type.Enum(SETTLEMENT_FREQUENCIES, { default: 'daily' }),
        settlement_time_utc: Type.String({
          default: '23:00',
          pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
          description: 'HH:MM for daily/weekly',
        }),
        weekly_day: Type.Integer({ default: 0, minimum: 0, maximum: 6, description: 'weekday of weekly settlement, 0 = Sunday' }),
        min_settlement_amount: Amount('100', 'balance that triggers a settlement early'),
        max_settlement_amount: Amount('1000000', 'most one settlement moves'),
        retention_period_days: Type.Integer({ default: 365, minimum: 1 }),
        check_interval_seconds: Seconds(60, 'how often the settlement job looks for due balances and archives old records', 1),
        failed_retry_minutes: Type.Integer({
          default: 60,
          minimum: 0,
          description: 'a balance whose settlement failed is not settled again by threshold or instant before this',
        }),
      },
      Strict,
    ),
    webhooks: Type.Object(
      {
        max_retries: Type.Integer({ default: 8, minimum: 0, maximum: 50 }),
        retry_interval_seconds: Seconds(30, 'first retry delay; doubles each attempt', 1),
        delivery_timeout_seconds: Seconds(10, 'per attempt', 1),
        max_webhooks: Type.Integer({ default: 10, minimum: 1 }),
        allow_private_targets: Type.Boolean({
          default: false,
          description: 'allow loopback/private URLs (WEBHOOKS_ALLOW_PRIVATE_TARGETS)',
        }),
        require_https: Type.Boolean({ default: true }),
        disable_after_failing_hours: Type.Integer({ default: 72, minimum: 1 }),
        concurrency: Type.Integer({ default: 64, minimum: 1, maximum: 1024, description: 'delivery attempts in flight per process' }),
        per_endpoint_concurrency: Type.Integer({
          default: 8,
          minimum: 1,
          maximum: 256,
          description: 'delivery attempts in flight per endpoint, so a slow receiver cannot take every slot',
        }),
        events: Type.Array(Type.Enum([ALL_EVENTS, ...WEBHOOK_EVENTS]), {
          default: [ALL_EVENTS],
          minItems: 1,
          description: 'events endpoints may subscribe to; ["*"] is every event the gateway emits, including ones added later',
        }),
      },
      Strict,
    ),
    transaction_limits: Type.Object(
      {
        min_amount: Amount('1', 'smallest payment'),
        max_single_payment: Amount('1000000000', 'largest payment'),
        daily_limit: Amount('100000000000', 'total created per merchant per UTC day'),
        monthly_limit: Amount('1000000000000', 'total created per merchant per UTC month'),
        rate_limit_per_minute: Type.Integer({ default: 1000, minimum: 1, description: 'payments created per merchant per minute' }),
        max_concurrent_payouts: Type.Integer({ default: 100, minimum: 1, description: 'payouts in flight' }),
        suspicious_amount_threshold: Amount('1000000', 'payments at or above are flagged'),
        approval_threshold: Amount('1000000', 'payouts at or above wait for approval'),
        two_person_approval: Type.Boolean({
          default: false,
          description: 'the key or dashboard user that created a held payout can never approve it, not even an admin',
        }),
        address_activity_per_minute: Type.Integer({
          default: 100,
          minimum: 1,
          description: 'payments per minute involving one address before flagging',
        }),
        deny_list: Type.Array(Type.String(), { default: [], description: 'addresses refused as payer or payee' }),
        allow_self_transfer: Type.Boolean({ default: false }),
      },
      Strict,
    ),
    refunds: Type.Object(
      {
        auto_refund: Type.Boolean({ default: false, description: 'refund overpayments automatically' }),
        refund_timeout_hours: Type.Integer({ default: 24, minimum: 1 }),
        allowed_reasons: Type.Array(Type.Enum(REFUND_REASONS), { default: [...REFUND_REASONS] }),
      },
      Strict,
    ),
    energy: Type.Object(
      {
        strategy: Type.Enum(ENERGY_STRATEGY_SETTINGS, {
          default: 'auto',
          description:
            'how sends pay for energy: burn TRX, spend staked energy (stake), or auto = stake when the hot wallet has staked energy; a merchant can override it at run time (PUT /api/v1/wallet/energy-strategy)',
        }),
        estimate_margin_percent: Type.Integer({
          default: 10,
          minimum: 0,
          maximum: 100,
          description: 'added to an energy estimate before delegating or budgeting for it',
        }),
        low_energy_threshold: Type.Integer({
          default: 200_000,
          minimum: 0,
          description: 'energy units: a hot wallet with less available sends wallet.energy_low once (again only after it recovered)',
        }),
        low_energy_check_seconds: Type.Integer({
          default: 60,
          minimum: 1,
          description: 'how often hot wallets’ energy is read for the alert',
        }),
        wait_recheck_seconds: Type.Integer({
          default: 3,
          minimum: 1,
          description:
            'a normal or low priority send short of staked energy looks again this often, up to its priority’s processing_time_seconds, then burns TRX',
        }),
      },
      Strict,
    ),
    monitoring: Type.Object(
      {
        metrics_enabled: Type.Boolean({ default: true }),
        metrics_require_key: Type.Boolean({ default: false, description: 'ask for an admin key on /metrics' }),
      },
      Strict,
    ),
    health_check: Type.Object(
      {
        chain_timeout_ms: Type.Integer({ default: 2000, minimum: 100 }),
        max_scanner_lag_blocks: Type.Integer({ default: 100, minimum: 1 }),
        max_webhook_backlog: Type.Integer({ default: 10_000, minimum: 1 }),
      },
      Strict,
    ),
    api: Type.Object(
      {
        docs_enabled: Type.Boolean({ default: true, description: 'serve OpenAPI at /docs' }),
        default_page_size: Type.Integer({ default: 50, minimum: 1, maximum: 1000 }),
        max_page_size: Type.Integer({ default: 500, minimum: 1, maximum: 1000 }),
        idempotency_ttl_hours: Type.Integer({ default: 24, minimum: 1 }),
      },
      Strict,
    ),
    security: Type.Object(
      {
        cors_origins: Type.Array(Type.String(), { default: [], description: 'allowed origins (CORS_ORIGINS, comma-separated)' }),
        bootstrap_api_key: Type.String({
          default: '',
          description: 'first API key of the default merchant (TPG_BOOTSTRAP_API_KEY); secret',
        }),
      },
      Strict,
    ),
    database: Type.Object(
      {
        url: Type.String({ default: '', description: 'postgres://… (DATABASE_URL); empty uses SQLite in data_dir' }),
        sqlite_file: Type.String({ default: 'gateway.sqlite', description: 'SQLite file name inside data_dir' }),
        pool_size: Type.Integer({ default: 10, minimum: 1, maximum: 200 }),
        statement_timeout_ms: Type.Integer({ default: 15_000, minimum: 100 }),
      },
      Strict,
    ),
    logging: Type.Object(
      {
        level: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
        audit_log_path: Type.String({ default: '', description: 'mirror the audit log to this JSON-lines file' }),
      },
      Strict,
    ),
    caching: Type.Object(
      {
        backend: Type.Literal('memory', { default: 'memory' }),
        ttl_seconds: Seconds(30, 'cached chain reads (energy price, balances)'),
        analytics_ttl_seconds: Seconds(60, 'analytics answers cached per merchant and period_days; 0 disables the cache'),
      },
      Strict,
    ),
    deployment: Type.Object(
      {
        environment: Type.Enum(['development', 'staging', 'production'], { default: 'development' }),
      },
      Strict,
    ),
  },
  { additionalProperties: false },
);

export type RawConfig = Static<typeof ConfigSchema>;
export type { PaymentMethod } from '../shared/catalogues/payment-methods.js';
export type { Priority };
export type NetworkName = (typeof NETWORKS)[number];
export type SettlementFrequency = (typeof SETTLEMENT_FREQUENCIES)[number];
export type EnergyStrategySetting = (typeof ENERGY_STRATEGY_SETTINGS)[number];
export type Role = (typeof ROLES)[number];
