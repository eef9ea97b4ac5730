/** `GET /api/v1/assets`: the assets a merchant may use as `currency`, with their contracts and decimals. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemSchema } from '../../http/problem.js';
import { type AssetCatalog, DEVNET_CONTRACT } from '../../shared/catalogues/asset-catalog.js';
import type { AssetRegistry } from './asset-registry.js';

const AssetSchema = Type.Object({
  symbol: Type.String({ description: 'what `currency` takes', examples: ['USDT'] }),
  kind: Type.Union([Type.Literal('native'), Type.Literal('trc20')]),
  contract: Type.Union([Type.String({ description: 'base58 TRC-20 contract' }), Type.Null()], {
    description: 'null for TRX, and for a devnet token before the chain was reached',
  }),
  decimals: Type.Integer({ minimum: 0, maximum: 18 }),
  blacklist: Type.Boolean({ description: 'the contract can blacklist addresses (payouts and refunds check it)' }),
});

const AssetListSchema = Type.Object({ object: Type.Literal('list'), data: Type.Array(AssetSchema) });

/** `registry` when the chain is connected (every contract resolved); else what the configuration names. */
export function assetsRoutes(deps: { catalog: AssetCatalog; registry: AssetRegistry | null }): FastifyPluginAsyncTypebox {
  // a token's contract as the chain resolved it, else as configured (a devnet's is unknown without its node)
  const data = deps.catalog.specs.map((spec) => {
    const contract = deps.registry?.get(spec.symbol).asset.contract ?? spec.contract;
    return {
      symbol: spec.symbol,
      kind: spec.kind,
      contract: contract === DEVNET_CONTRACT ? null : contract,
      decimals: spec.decimals,
      blacklist: spec.blacklist,
    };
  });
  return async (app) => {
    app.get(
      '/',
      {
        config: { scope: 'payments:read' },
        schema: {
          tags: ['assets'],
          operationId: 'listAssets',
          summary: 'Assets this gateway takes and sends',
          response: { 200: AssetListSchema, 401: ProblemSchema, 403: ProblemSchema },
        },
      },
      async () => ({ object: 'list' as const, data }),
    );
  };
}
