/** `GET /api/v1/wallet`: the merchant's hot wallet and its balances as the chain reports them. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requirePrincipal } from '../../http/auth.js';
import { ProblemSchema } from '../../http/problem.js';
import type { AssetCatalog } from '../../shared/catalogues/asset-catalog.js';
import { AppError } from '../../shared/errors.js';
import type { MerchantDirectory } from '../payments/payments.service.js';
import type { HotWalletService } from './hot-wallet.service.js';

const WalletSchema = Type.Object({
  object: Type.Literal('wallet'),
  address: Type.String(),
  network: Type.String(),
  balances: Type.Record(Type.String(), Type.String(), { description: 'whole units of every configured asset, by symbol' }),
  energy: Type.Object({ available: Type.String(), limit: Type.String() }),
  bandwidth: Type.Object({ available: Type.String(), limit: Type.String() }),
  block_number: Type.Integer(),
});

export function walletRoutes(deps: {
  wallet: HotWalletService;
  merchants: MerchantDirectory;
  network: string;
  assets: AssetCatalog;
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
        return {
          object: 'wallet' as const,
          address: view.address,
          network: deps.network,
          balances: deps.assets.formatTotals(view.balances),
          energy: { available: view.energy.available.toString(), limit: view.energy.limit.toString() },
          bandwidth: { available: view.bandwidth.available.toString(), limit: view.bandwidth.limit.toString() },
          block_number: view.blockNumber,
        };
      },
    );
  };
}
