import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load.js';

const load = (overrides: Record<string, unknown>, env: Record<string, string> = {}) =>
  loadConfig({ file: '/nonexistent/assets-test.yaml', allowMissingFile: true, env, overrides });

function problemsOf(fn: () => unknown): Array<{ key: string; message: string }> {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('the assets list', () => {
  it('TRX is always there, first; USDT is the default entry', () => {
    const config = load({});
    expect(config.assets.symbols).toEqual(['TRX', 'USDT']);
    expect(config.assets.get('TRX')).toMatchObject({ kind: 'native', decimals: 6, contract: null });
  });

  it('mainnet and Nile know USDT’s contract; another token must name its own', () => {
    const seed = { TPG_WALLET_MNEMONIC: 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about' };
    const mainnet = load({ network: { name: 'mainnet', rpc_urls: ['https://api.trongrid.io'] } }, seed);
    expect(mainnet.assets.get('USDT').contract).toBe('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t');
    const nile = load({ network: { name: 'nile', rpc_urls: ['https://nile.trongrid.io'] } }, seed);
    expect(nile.assets.get('USDT').contract).toBe('TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf');
    const problems = problemsOf(() =>
      load(
        {
          network: { name: 'mainnet', rpc_urls: ['https://api.trongrid.io'] },
          assets: [{ symbol: 'USDT' }, { symbol: 'USDD', decimals: 18 }, { symbol: 'BAD', contract: 'devnet' }],
        },
        seed,
      ),
    );
    expect(problems).toEqual([
      { key: 'assets.1.contract', message: "must name USDD's contract on mainnet" },
      { key: 'assets.2.contract', message: '"devnet" only works on a devnet, not on mainnet' },
    ]);
  });

  it('amounts are in each asset’s own units: tiers, limits and thresholds of an 18-decimal token', () => {
    const config = load({
      assets: [
        { symbol: 'USDT', blacklist: true },
        {
          symbol: 'USDD',
          decimals: 18,
          volume_discounts: [{ threshold: '1.5', discount: '0.1' }],
          limits: { min_amount: '0.000000000000000001', max_single_payment: '4' },
        },
      ],
    });
    const usdd = config.assets.get('USDD');
    expect(usdd.volumeDiscounts).toEqual([{ threshold: 1_500_000_000_000_000_000n, discount: 100_000_000n }]);
    expect(usdd.limits.minAmount).toBe(1n);
    expect(usdd.limits.maxSinglePayment).toBe(4n * 10n ** 18n);
    // the shared daily limit (100,000,000,000 units) read in 18 decimals: far beyond 64 bits, kept exact
    expect(usdd.limits.dailyLimit).toBe(100_000_000_000n * 10n ** 18n);
    expect(config.assets.get('USDT').limits.minAmount).toBe(1_000_000n);
  });

  it('refuses duplicates, a contract for TRX, bad decimals and an unknown default currency, naming the key', () => {
    const problems = problemsOf(() =>
      load({
        assets: [{ symbol: 'USDT' }, { symbol: 'USDT' }, { symbol: 'TRX', contract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t' }],
        payment_processing: { default_currency: 'USDC' },
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { key: 'assets.1.symbol', message: 'USDT is listed twice' },
        { key: 'assets.2.contract', message: 'TRX is the native asset and has no contract' },
        { key: 'payment_processing.default_currency', message: 'must be one of: TRX, USDT' },
      ]),
    );
    expect(problemsOf(() => load({ assets: [{ symbol: 'USDD', decimals: 19 }] })).map((p) => p.key)).toEqual(['assets.0.decimals']);
  });

  it('a limit with more decimals than a 0-decimal token has says which token', () => {
    const problems = problemsOf(() => load({ assets: [{ symbol: 'WHOLE', decimals: 0 }], transaction_limits: { min_amount: '0.5' } }));
    expect(problems).toContainEqual({
      key: 'transaction_limits.min_amount',
      message: 'must have at most 0 decimal places (WHOLE has 0 decimals)',
    });
  });
});
