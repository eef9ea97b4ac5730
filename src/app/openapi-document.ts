/**
 * The OpenAPI document of the gateway as `npm start` serves it at /docs/json, generated without a
 * running service: the routes are registered over a throw-away SQLite file and a chain that is never
 * called. `npm run openapi` writes it to docs/openapi.json, and a test keeps that copy current.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../config/load.js';
import { openDatabase } from '../db/database.js';
import { generateOpenApiDocument } from '../http/openapi.js';
import { HdWalletAddresses } from '../modules/wallets/wallet-addresses.js';
import { generateMnemonic } from '../tron/hd.js';
import { type CoreChain, createGatewayCore } from './gateway-core.js';

const UNUSED_CHAIN: CoreChain = {
  energyPriceSun: () => Promise.reject(new Error('no chain while generating the OpenAPI document')),
  bandwidthPriceSun: () => Promise.reject(new Error('no chain')),
  trxBalance: () => Promise.reject(new Error('no chain')),
  balances: () => Promise.reject(new Error('no chain')),
  resources: () => Promise.reject(new Error('no chain')),
  headBlock: () => Promise.reject(new Error('no chain')),
};

export async function buildOpenApiDocument(version: string): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'tpg-openapi-'));
  const config = loadConfig({ file: join(dir, 'none.yaml'), allowMissingFile: true, env: {} });
  const database = openDatabase({ sqlitePath: join(dir, 'gateway.sqlite') });
  try {
    const core = createGatewayCore({
      config,
      database,
      chain: UNUSED_CHAIN,
      wallets: HdWalletAddresses.fromMnemonic(generateMnemonic(), '', { deposit: 0, hotWallet: 1 }),
      networkName: 'devnet',
      logger: pino({ level: 'silent' }),
      version,
    });
    await core.app.ready();
    const document = await generateOpenApiDocument(core.app);
    await core.stop();
    return document;
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
