import { describe, expect, it } from 'vitest';
import { addressVectors } from '../../../test/vectors.js';
import { type GatewayConfig, loadConfig } from '../../config/load.js';
import type { FieldError } from '../../shared/errors.js';
import type { Asset } from '../../shared/money.js';
import { base58CheckEncode } from '../../tron/base58.js';
import { hexToBytes } from '../../tron/bytes.js';
import { generatePrivateKey, privateKeyToAccount } from '../../tron/keys.js';
import {
  buildPaymentDraft,
  type CreatePaymentInput,
  type DraftContext,
  type DraftResult,
  MAX_DESCRIPTION_LENGTH,
  type PaymentDraft,
} from './payment-draft.js';
import { unpayableAddresses, ZERO_ADDRESS } from './unpayable-addresses.js';

/** Deterministic accounts from fixed private keys 1, 2, 3. */
const account = (n: number) => privateKeyToAccount(n.toString(16).padStart(64, '0'));
const HOT_WALLET = account(1).base58;
const PAYER = account(2).base58;
const PAYEE = account(3).base58;
const NETWORK_FEE_SUN = 13_845_000n;
/** stands for the network's USDT contract */
const TOKEN_CONTRACT = account(9).base58;

const defaults = loadConfig({ allowMissingFile: true, env: {} });

function configWith(overrides: Record<string, unknown>): GatewayConfig {
  return loadConfig({ allowMissingFile: true, env: {}, overrides });
}

function contextFor(config: GatewayConfig = defaults) {
  const estimates: Asset[] = [];
  const context: DraftContext = {
    config,
    hotWalletAddress: HOT_WALLET,
    networkFeeEstimate(asset) {
      estimates.push(asset);
      return asset === 'USDT' ? NETWORK_FEE_SUN : 268_000n;
    },
    unpayable: unpayableAddresses([TOKEN_CONTRACT]),
  };
  return { context, estimates };
}

function build(
  input: Partial<CreatePaymentInput> & Record<string, unknown>,
  config: GatewayConfig = defaults,
  pathPrefix = '',
): DraftResult {
  return buildPaymentDraft({ payee_address: PAYEE, amount: '100', ...input } as CreatePaymentInput, contextFor(config).context, pathPrefix);
}

function draftOf(input: Partial<CreatePaymentInput> & Record<string, unknown>, config: GatewayConfig = defaults): PaymentDraft {
  const result = build(input, config);
  if (!result.ok) throw new Error(`expected a draft, got ${JSON.stringify(result.errors)}`);
  return result.draft;
}

function errorsOf(
  input: Partial<CreatePaymentInput> & Record<string, unknown>,
  config: GatewayConfig = defaults,
  pathPrefix = '',
): FieldError[] {
  const result = build(input, config, pathPrefix);
  if (result.ok) throw new Error('expected the draft to be refused');
  expect(result.errors.length).toBeGreaterThan(0);
  return result.errors;
}

function pathsOf(errors: FieldError[]): string[] {
  return errors.map((e) => e.path);
}

/** The address of `base58` with its version byte replaced. */
function withVersionByte(hex: string, version: number): string {
  const bytes = hexToBytes(hex);
  bytes[0] = version;
  return base58CheckEncode(bytes);
}

/** `base58` with its last character changed to another base58 digit: same length, broken checksum. */
function mistyped(base58: string): string {
  const last = base58.at(-1);
  return `${base58.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`;
}

describe('test fixtures', () => {
  it('use three distinct valid addresses', () => {
    expect(new Set([HOT_WALLET, PAYER, PAYEE]).size).toBe(3);
    for (const address of [HOT_WALLET, PAYER, PAYEE]) expect(address).toMatch(/^T[1-9A-HJ-NP-Za-km-z]{33}$/);
  });
});

describe('payment_gateway (the default method)', () => {
  it('builds a collection draft with a deposit address and the default expiry of 3600 s', () => {
    const { context, estimates } = contextFor();
    const result = buildPaymentDraft({ payee_address: PAYEE, amount: '100' }, context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.draft).toMatchObject({
      method: 'payment_gateway',
      priority: 'normal',
      currency: 'USDT',
      payerAddress: null,
      payeeAddress: PAYEE,
      referenceId: null,
      description: null,
      metadata: null,
      expiresInMs: 3_600_000,
      needsDepositAddress: true,
      approvalRequired: false,
      flags: [],
      networkFeeEstimate: null,
    });
    expect(result.draft.quote).toMatchObject({
      amount: 100_000_000n,
      fee: 150_000n,
      netAmount: 99_850_000n,
      ratePpb: 1_500_000n,
      discountPpb: 0n,
    });
    expect(estimates).toEqual([]);
  });

  it('keeps a given payer as the refund address and passes the other fields through', () => {
    const draft = draftOf({
      payer_address: PAYER,
      priority: 'urgent',
      currency: 'TRX',
      reference_id: 'order-42',
      description: 'Invoice 42',
      metadata: { order: 42, tags: ['a'] },
      expires_in_seconds: 600,
    });
    expect(draft).toMatchObject({
      payerAddress: PAYER,
      priority: 'urgent',
      currency: 'TRX',
      referenceId: 'order-42',
      description: 'Invoice 42',
      metadata: { order: 42, tags: ['a'] },
      expiresInMs: 600_000,
    });
    expect(draft.quote.fee).toBe(300_000n);
  });

  it('accepts a payer_address of null as omitted', () => {
    expect(draftOf({ payer_address: null }).payerAddress).toBeNull();
  });

  it('accepts expires_in_seconds up to the configured maximum (7 days)', () => {
    expect(defaults.raw.payment_processing.max_expiry_seconds).toBe(604_800);
    expect(draftOf({ expires_in_seconds: 604_800 }).expiresInMs).toBe(604_800_000);
  });

  it('refuses expires_in_seconds over the maximum', () => {
    const errors = errorsOf({ expires_in_seconds: 604_801 });
    expect(errors).toEqual([{ path: 'expires_in_seconds', message: 'must be at most 604800' }]);
  });

  it('direct_transfer waits for funds but needs no deposit address', () => {
    const draft = draftOf({ payment_method: 'direct_transfer', payer_address: PAYER });
    expect(draft).toMatchObject({
      method: 'direct_transfer',
      needsDepositAddress: false,
      expiresInMs: 3_600_000,
      payerAddress: PAYER,
      networkFeeEstimate: null,
    });
  });

  it('direct_transfer without a payer gets a unique amount, or is refused naming payer_address when unique amounts are off', () => {
    expect(draftOf({ payment_method: 'direct_transfer' }).needsUniqueAmount).toBe(true);
    expect(draftOf({ payment_method: 'direct_transfer', payer_address: PAYER }).needsUniqueAmount).toBe(false);
    const off = configWith({ payment_processing: { unique_amount_max_offset: 0 } });
    for (const payer of [undefined, null]) {
      expect(errorsOf({ payment_method: 'direct_transfer', payer_address: payer }, off)).toEqual([
        {
          path: 'payer_address',
          message: 'is required for direct_transfer while unique amounts are off (payment_processing.unique_amount_max_offset is 0)',
        },
      ]);
    }
    expect(build({ payment_method: 'direct_transfer', payer_address: PAYER }, off).ok).toBe(true);
    // a deposit address tells payments apart by itself
    expect(build({ payment_method: 'payment_gateway' }, off).ok).toBe(true);
  });

  it('refuses payer = payee on a collection', () => {
    expect(errorsOf({ payer_address: PAYEE })).toEqual([
      { path: 'payee_address', message: 'must differ from payer_address: self-transfers are not allowed' },
    ]);
  });

  it('allows payer = payee when self-transfers are enabled', () => {
    expect(build({ payer_address: PAYEE }, configWith({ transaction_limits: { allow_self_transfer: true } })).ok).toBe(true);
  });
});

describe('route payouts', () => {
  it('take the hot wallet as payer when it is omitted, and carry a network fee estimate', () => {
    const { context, estimates } = contextFor();
    const result = buildPaymentDraft({ payment_method: 'route', payee_address: PAYEE, amount: '250' }, context);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.draft).toMatchObject({
      method: 'route',
      payerAddress: HOT_WALLET,
      payeeAddress: PAYEE,
      expiresInMs: null,
      needsDepositAddress: false,
      approvalRequired: false,
      networkFeeEstimate: NETWORK_FEE_SUN,
    });
    expect(estimates).toEqual(['USDT']);
  });

  it('ask for the estimate in the payout asset', () => {
    const { context, estimates } = contextFor();
    const result = buildPaymentDraft({ payment_method: 'route', payee_address: PAYEE, amount: '5', currency: 'TRX' }, context);
    expect(result.ok && result.draft.networkFeeEstimate).toBe(268_000n);
    expect(estimates).toEqual(['TRX']);
  });

  it('accept the hot wallet given explicitly as payer', () => {
    expect(draftOf({ payment_method: 'route', payer_address: HOT_WALLET }).payerAddress).toBe(HOT_WALLET);
  });

  it('refuse a payer other than the hot wallet', () => {
    const errors = errorsOf({ payment_method: 'route', payer_address: PAYER });
    expect(pathsOf(errors)).toEqual(['payer_address']);
    expect(errors[0]?.message).toContain(HOT_WALLET);
  });

  it('refuse the hot wallet as payee (self-transfer)', () => {
    const errors = errorsOf({ payment_method: 'route', payee_address: HOT_WALLET });
    expect(errors).toEqual([{ path: 'payee_address', message: 'is the hot wallet itself: self-transfers are not allowed' }]);
  });

  it('refuse the hot wallet as payee even when self-transfers are allowed', () => {
    const config = configWith({ transaction_limits: { allow_self_transfer: true } });
    expect(pathsOf(errorsOf({ payment_method: 'route', payee_address: HOT_WALLET }, config))).toEqual(['payee_address']);
  });

  it('refuse the zero address and the token contract as payee', () => {
    expect(ZERO_ADDRESS).toBe(base58CheckEncode(hexToBytes(`41${'00'.repeat(20)}`)));
    expect(errorsOf({ payment_method: 'route', payee_address: ZERO_ADDRESS })).toEqual([
      { path: 'payee_address', message: 'is the zero address: whatever is sent there is burned' },
    ]);
    expect(errorsOf({ payment_method: 'route', payee_address: TOKEN_CONTRACT }, defaults, 'payments/7/')).toEqual([
      { path: 'payments/7/payee_address', message: 'is a token contract: tokens sent to a contract are lost' },
    ]);
  });

  it('refuse payer = payee', () => {
    const errors = errorsOf({ payment_method: 'route', payer_address: HOT_WALLET, payee_address: HOT_WALLET });
    expect(pathsOf(errors)).toEqual(['payee_address', 'payee_address']);
    expect(errors.map((e) => e.message).join(' ')).toMatch(/must differ from payer_address/);
  });

  it('refuse expires_in_seconds', () => {
    expect(errorsOf({ payment_method: 'route', expires_in_seconds: 600 })).toEqual([
      { path: 'expires_in_seconds', message: 'applies to collections only' },
    ]);
  });

  it('wait for approval at or above 1,000,000 (and are flagged), not below', () => {
    const at = draftOf({ payment_method: 'route', amount: '1000000' });
    expect(at.approvalRequired).toBe(true);
    expect(at.flags.map((f) => f.code)).toEqual(['large_amount']);
    expect(draftOf({ payment_method: 'route', amount: '999999.999999' }).approvalRequired).toBe(false);
    expect(draftOf({ payment_method: 'route', amount: '1000000000' }).approvalRequired).toBe(true);
  });
});

describe('large amounts', () => {
  it('flag a collection at or above 1,000,000 without holding it for approval', () => {
    const draft = draftOf({ amount: '1000000' });
    expect(draft.approvalRequired).toBe(false);
    expect(draft.flags).toHaveLength(1);
    expect(draft.flags[0]?.code).toBe('large_amount');
    expect(draft.flags[0]?.detail).toBe('amount 1000000 USDT is at or above 1000000');
  });

  it('do not flag 999,999.999999', () => {
    expect(draftOf({ amount: '999999.999999' }).flags).toEqual([]);
  });

  it('follow the configured thresholds', () => {
    const config = configWith({ transaction_limits: { suspicious_amount_threshold: '500', approval_threshold: '200' } });
    expect(draftOf({ amount: '500' }, config).flags).toHaveLength(1);
    expect(draftOf({ amount: '499' }, config).flags).toHaveLength(0);
    expect(draftOf({ payment_method: 'route', amount: '200' }, config).approvalRequired).toBe(true);
    expect(draftOf({ payment_method: 'route', amount: '199.999999' }, config).approvalRequired).toBe(false);
  });
});

describe('unpayable payees of collections', () => {
  it.each(['payment_gateway', 'direct_transfer'] as const)(
    '%s refuses the zero address and the token contract (settlement would pay them)',
    (method) => {
      expect(pathsOf(errorsOf({ payment_method: method, payee_address: ZERO_ADDRESS }))).toEqual(['payee_address']);
      expect(pathsOf(errorsOf({ payment_method: method, payee_address: TOKEN_CONTRACT }))).toEqual(['payee_address']);
    },
  );
});

describe('swap and disabled methods', () => {
  it('refuses swap while no venue is configured, saying so', () => {
    const errors = errorsOf({ payment_method: 'swap' });
    expect(pathsOf(errors)).toEqual(['payment_method']);
    expect(errors[0]?.message).toMatch(/swap venue/);
    expect(errors[0]?.message).toContain('payment_processing.swap_venue');
  });

  it('refuses swap whatever the venue says: the configuration refuses any venue, and the draft does not trust one', () => {
    expect(() => configWith({ payment_processing: { swap_venue: 'example-venue' } })).toThrow(/payment_processing\.swap_venue/);
    const raw = { ...defaults.raw, payment_processing: { ...defaults.raw.payment_processing, swap_venue: 'example-venue' } };
    const errors = errorsOf({ payment_method: 'swap' }, { ...defaults, raw });
    expect(pathsOf(errors)).toEqual(['payment_method']);
    expect(errors[0]?.message).toMatch(/swap venue/);
  });

  it('refuses a method that is not enabled', () => {
    const config = configWith({ payment_processing: { supported_methods: ['payment_gateway'] } });
    const errors = errorsOf({ payment_method: 'route' }, config);
    expect(pathsOf(errors)).toEqual(['payment_method']);
    expect(errors[0]?.message).toMatch(/route is not enabled/);
  });
});

describe('addresses', () => {
  const base = account(3);
  const bad: Array<[string, string, RegExp]> = [
    ['a bad checksum', mistyped(base.base58), /checksum/],
    ['a vector with a bad checksum', 'TYPG8VeuoVAh2hP7Vfw6ww7vK98nvXXXUs', /checksum/],
    ['33 characters', base.base58.slice(0, 33), /34 characters, got 33/],
    ['35 characters', `${base.base58}A`, /34 characters, got 35/],
    ['version byte 0x42', withVersionByte(base.hex, 0x42), /version byte 0x42/],
    ['version byte 0x00', withVersionByte(base.hex, 0x00), /version byte 0x00/],
    ['the hex 41… form', base.hex, /hex form/],
    ['the 0x EVM form', `0x${base.hex.slice(2)}`, /hex form/],
    ['a character outside base58', `T0${base.base58.slice(2)}`, /base58 alphabet/],
    ['an empty string', '', /empty/],
    ['a number', 12345 as unknown as string, /must be a string/],
  ];

  it.each(bad)('payee with %s is refused on payee_address', (_name, address, message) => {
    const errors = errorsOf({ payee_address: address });
    expect(pathsOf(errors)).toEqual(['payee_address']);
    expect(errors[0]?.message).toMatch(/^is not a valid TRON address: /);
    expect(errors[0]?.message).toMatch(message);
  });

  it.each(bad)('payer with %s is refused on payer_address', (_name, address, message) => {
    const errors = errorsOf({ payer_address: address });
    expect(pathsOf(errors)).toEqual(['payer_address']);
    expect(errors[0]?.message).toMatch(message);
  });

  it('a missing payee is refused on payee_address', () => {
    expect(pathsOf(errorsOf({ payee_address: undefined }))).toEqual(['payee_address']);
  });

  it('the vectors’ valid base58 addresses and freshly generated ones are accepted', () => {
    const vectors = addressVectors();
    const addresses = [
      // the zero address is a valid address, but no payee (see 'refuse the zero address …')
      ...vectors.knownAddresses.map((a) => a.base58).filter((a) => a !== ZERO_ADDRESS),
      ...vectors.keyVectors.map((k) => k.addressBase58),
      privateKeyToAccount(generatePrivateKey()).base58,
      privateKeyToAccount(generatePrivateKey()).base58,
    ];
    for (const address of addresses) {
      const result = build({ payee_address: address, payer_address: PAYER });
      expect(result.ok, address).toBe(true);
      if (result.ok) expect(result.draft.payeeAddress).toBe(address);
    }
  });
});

describe('deny-list', () => {
  const denied = account(4).base58;
  const config = configWith({ transaction_limits: { deny_list: [denied] } });

  it('refuses a denied payee', () => {
    expect(errorsOf({ payee_address: denied }, config)).toEqual([{ path: 'payee_address', message: 'is on the deny-list' }]);
  });

  it('refuses a denied payer', () => {
    expect(errorsOf({ payer_address: denied }, config)).toEqual([{ path: 'payer_address', message: 'is on the deny-list' }]);
  });

  it('refuses a denied payee of a payout', () => {
    expect(errorsOf({ payment_method: 'route', payee_address: denied }, config)).toEqual([
      { path: 'payee_address', message: 'is on the deny-list' },
    ]);
  });

  it('lets other addresses through', () => {
    expect(build({ payer_address: PAYER }, config).ok).toBe(true);
  });
});

describe('amount', () => {
  it.each([
    ['0', 0],
    ['"0"', '0'],
    ['-1', -1],
    ['"-1"', '-1'],
    ['"1e3"', '1e3'],
    ['"1.0000001"', '1.0000001'],
    ['"abc"', 'abc'],
    ['""', ''],
    ['null', null],
    ['undefined', undefined],
    ['true', true],
    ['NaN', Number.NaN],
    ['"0.999999" (below the minimum of 1)', '0.999999'],
    ['1000000000.000001 (over the maximum single payment)', 1000000000.000001],
    ['"1000000000.000001"', '1000000000.000001'],
    ['"1e400"', '1e400'],
    ['31 integer digits', '1'.repeat(31)],
  ])('%s is refused on amount', (_name, amount) => {
    const errors = errorsOf({ amount: amount as string });
    expect(pathsOf(errors)).toEqual(['amount']);
  });

  it('names the limits in its messages', () => {
    expect(errorsOf({ amount: '0.5' })).toEqual([{ path: 'amount', message: 'must be at least 1' }]);
    expect(errorsOf({ amount: 1000000000.000001 })).toEqual([{ path: 'amount', message: 'must be at most 1000000000' }]);
    expect(errorsOf({ amount: '1e3' })[0]?.message).toMatch(/exponent/);
    expect(errorsOf({ amount: '1.0000001' })[0]?.message).toMatch(/6 decimal places/);
  });

  it.each([
    ['1', 1_000_000n],
    ['1000000000', 1_000_000_000_000_000n],
    ['998.5', 998_500_000n],
    [12.5, 12_500_000n],
  ] as const)('%s is accepted', (amount, units) => {
    expect(draftOf({ amount }).quote.amount).toBe(units);
  });

  it('follows the configured minimum', () => {
    const config = configWith({ transaction_limits: { min_amount: '0.01' } });
    expect(draftOf({ amount: '0.01' }, config).quote.amount).toBe(10_000n);
    expect(errorsOf({ amount: '0.009999' }, config)).toEqual([{ path: 'amount', message: 'must be at least 0.01' }]);
  });
});

describe('description and metadata', () => {
  it(`accepts a description of ${MAX_DESCRIPTION_LENGTH} characters and refuses one more`, () => {
    expect(MAX_DESCRIPTION_LENGTH).toBe(500);
    expect(draftOf({ description: 'x'.repeat(500) }).description).toHaveLength(500);
    expect(errorsOf({ description: 'x'.repeat(501) })).toEqual([{ path: 'description', message: 'must be at most 500 characters' }]);
  });

  it('counts characters, not UTF-16 code units', () => {
    expect(build({ description: '💸'.repeat(500) }).ok).toBe(true);
    expect(pathsOf(errorsOf({ description: '💸'.repeat(501) }))).toEqual(['description']);
  });

  it('accepts 50 metadata keys and refuses 51', () => {
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    expect(build({ metadata: keys(50) }).ok).toBe(true);
    expect(errorsOf({ metadata: keys(51) })).toEqual([{ path: 'metadata', message: 'must have at most 50 keys' }]);
  });

  it('accepts metadata keys of 64 characters and refuses longer ones, naming the key', () => {
    const long = 'k'.repeat(65);
    expect(build({ metadata: { ['k'.repeat(64)]: 1, ['💸'.repeat(64)]: 2 } }).ok).toBe(true);
    expect(errorsOf({ metadata: { ok: 1, [long]: 2 } })).toEqual([
      { path: `metadata/${long}`, message: 'key must be at most 64 characters' },
    ]);
    expect(pathsOf(errorsOf({ metadata: { [long]: 2 } }, defaults, 'payments/2/'))).toEqual([`payments/2/metadata/${long}`]);
  });

  it('refuses control characters in metadata keys, not in values', () => {
    expect(errorsOf({ metadata: { 'a\u0000b': 1 } })).toEqual([
      { path: 'metadata/a\u0000b', message: 'key must not contain control characters' },
    ]);
    expect(build({ metadata: { note: 'line\nnext\u0000' } }).ok).toBe(true);
  });

  it('refuses metadata over 8 KiB as JSON', () => {
    expect(errorsOf({ metadata: { blob: 'x'.repeat(8200) } })).toEqual([
      { path: 'metadata', message: 'must be at most 8192 bytes as JSON' },
    ]);
    expect(build({ metadata: { blob: 'x'.repeat(8000) } }).ok).toBe(true);
  });
});

describe('error reporting', () => {
  it('reports every problem at once', () => {
    const errors = errorsOf({
      amount: '1e3',
      payee_address: 'Tnope',
      payer_address: mistyped(PAYER),
      description: 'd'.repeat(600),
      metadata: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, i])),
      expires_in_seconds: 10_000_000,
      payment_method: 'swap',
    });
    expect(pathsOf(errors).sort()).toEqual([
      'amount',
      'description',
      'expires_in_seconds',
      'metadata',
      'payee_address',
      'payer_address',
      'payment_method',
    ]);
  });

  it('prefixes every path with pathPrefix (batch items)', () => {
    const errors = errorsOf(
      {
        amount: '-1',
        payee_address: HOT_WALLET,
        payer_address: PAYER,
        payment_method: 'route',
        description: 'd'.repeat(501),
        metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])),
        expires_in_seconds: 60,
      },
      defaults,
      'payments/3/',
    );
    expect(errors.length).toBeGreaterThanOrEqual(6);
    for (const error of errors)
      expect(error.path).toMatch(/^payments\/3\/(amount|payee_address|payer_address|description|metadata|expires_in_seconds)$/);
    expect(pathsOf(errors)).toEqual(
      expect.arrayContaining([
        'payments/3/amount',
        'payments/3/payee_address',
        'payments/3/payer_address',
        'payments/3/description',
        'payments/3/metadata',
        'payments/3/expires_in_seconds',
      ]),
    );
  });

  it('prefixes address, deny-list and method errors too', () => {
    const denied = account(4).base58;
    const config = configWith({ transaction_limits: { deny_list: [denied] } });
    expect(pathsOf(errorsOf({ payee_address: denied }, config, 'payments/3/'))).toEqual(['payments/3/payee_address']);
    expect(pathsOf(errorsOf({ payee_address: 'bad' }, defaults, 'payments/3/'))).toEqual(['payments/3/payee_address']);
    expect(pathsOf(errorsOf({ payment_method: 'swap' }, defaults, 'payments/3/'))).toEqual(['payments/3/payment_method']);
  });

  it('builds no draft when anything is wrong', () => {
    const result = build({ amount: '100', description: 'x'.repeat(501) });
    expect(result).not.toHaveProperty('draft');
  });
});
