/** `GET /api/v1/wallet`: the merchant's hot wallet and its balances as the chain reports them. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requirePrincipal } from '../../http/auth.js';
import { ProblemSchema } from '../../http/problem.js';
import { type AssetCatalog, NATIVE_SYMBOL } from '../../shared/catalogues/asset-catalog.js';
import { toIso } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { MerchantDirectory } from '../payments/payments.service.js';
import type { HotWalletService } from './hot-wallet.service.js';
import type { WalletStaking } from './wallet-staking.js';

const WalletSchema = Type.Object({
  object: Type.Literal('wallet'),
  address: Type.String(),
  network: Type.String(),
  balances: Type.Record(Type.String(), Type.String(), { description: 'whole units of every configured asset, by symbol' }),
  energy: Type.Object({ available: Type.String(), limit: Type.String() }, { description: 'energy units (getaccountresource)' }),
  bandwidth: Type.Object(
    { available: Type.String(), limit: Type.String() },
    { description: 'bandwidth bytes, free and staked together (getaccountresource)' },
  ),
  staking: Type.Union(
    [
      Type.Object({
        energy_trx: Type.String({ description: 'TRX staked for energy, lent out included' }),
        bandwidth_trx: Type.String({ description: 'TRX staked for bandwidth, lent out included' }),
        energy_delegated_out_trx: Type.String({ description: 'TRX of the energy stake delegated to other accounts' }),
        bandwidth_delegated_out_trx: Type.String(),
        pending_unstakes: Type.Array(
          Type.Object({
            resource: Type.String({ description: 'ENERGY | BANDWIDTH | TRON_POWER' }),
            trx: Type.String(),
            withdrawable_at: Type.String({ format: 'date-time' }),
          }),
          { description: 'unstaked TRX waiting out the unfreeze delay' },
        ),
      }),
      Type.Null(),
    ],
    { description: 'Stake 2.0 state of the hot wallet (getaccount); null when the node could not tell' },
  ),
  block_number: Type.Integer(),
  deposit_addresses: Type.Object(
    {
      free: Type.Integer({ description: 'derived ahead and never used, waiting in the pool' }),
      reusable: Type.Integer({ description: 'swept and quiet, back in the pool already activated' }),
      in_use: Type.Integer({ description: "this merchant's addresses on a payment that can still be paid" }),
      target: Type.Integer({ description: 'how many the pool keeps derived ahead (wallets.deposit_pool_size)' }),
    },
    { description: 'the deposit-address pool (shared by the merchants of this gateway) and what is in use' },
  ),
});

const stakingView = (staking: WalletStaking | null, assets: AssetCatalog) => {
  if (!staking) return null;
  const trx = (sun: bigint) => assets.format(NATIVE_SYMBOL, sun);
  return {
    energy_trx: trx(staking.stakedForEnergy),
    bandwidth_trx: trx(staking.stakedForBandwidth),
    energy_delegated_out_trx: trx(staking.energyDelegatedOut),
    bandwidth_delegated_out_trx: trx(staking.bandwidthDelegatedOut),
    pending_unstakes: staking.pendingUnstakes.map((u) => ({
      resource: u.resource,
      trx: trx(u.amount),
      withdrawable_at: toIso(u.withdrawableAt),
    })),
  };
};

export function walletRoutes(deps: {
  wallet: HotWalletService;
  merchants: MerchantDirectory;
  network: string;
  assets: AssetCatalog;
  depositAddresses: { levels(merchantId: string): Promise<{ fresh: number; reusable: number; inUse: number }>; target: number };
}): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/',
      {
        config: { scope: 'payments:read' },
        schema: {
          tags: ['wallet'],
          operationId: 'getWallet',
          summary: "The merchant's hot wallet and its balances",
          response: { 200: WalletSchema, 401: ProblemSchema, 503: ProblemSchema },
        },
      },
      async (request) => {
        const principal = requirePrincipal(request);
        const index = await deps.merchants.hotWalletIndex(principal.merchantId);
        if (index === null) throw new AppError('not_found', 'merchant not found');
        let view: Awaited<ReturnType<HotWalletService['view']>>;
        try {
          view = await deps.wallet.view(index);
        } catch (error) {
          request.log.warn({ err: error }, 'hot wallet balances unavailable');
          throw new AppError('chain_unavailable', 'the TRON node did not answer; balances are unavailable right now');
        }
        const levels = await deps.depositAddresses.levels(principal.merchantId);
        return {
          object: 'wallet' as const,
          address: view.address,
          network: deps.network,
          balances: deps.assets.formatTotals(view.balances),
          energy: { available: view.energy.available.toString(), limit: view.energy.limit.toString() },
          bandwidth: { available: view.bandwidth.available.toString(), limit: view.bandwidth.limit.toString() },
          staking: stakingView(view.staking, deps.assets),
          block_number: view.blockNumber,
          deposit_addresses: { free: levels.fresh, reusable: levels.reusable, in_use: levels.inUse, target: deps.depositAddresses.target },
        };
      },
    );
  };
}
