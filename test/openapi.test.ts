/** The committed docs/openapi.json is the document the routes generate (API changes show in review). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../src/app/openapi-document.js';
import { packageVersion } from '../src/cli/start.command.js';

describe('docs/openapi.json', () => {
  it('matches the document generated from the route schemas (run `npm run openapi` after changing the API)', async () => {
    const generated = await buildOpenApiDocument(packageVersion());
    const committed = JSON.parse(readFileSync(new URL('../docs/openapi.json', import.meta.url), 'utf8')) as unknown;
    expect(committed).toEqual(generated);
  });

  it('documents every payments endpoint of the seed and the service routes', async () => {
    const document = (await buildOpenApiDocument(packageVersion())) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/payments/create',
      '/api/v1/payments/batch',
      '/api/v1/payments/status/{payment_id}',
      '/api/v1/payments/fees/calculate',
      '/api/v1/payments/settlement/info',
      '/api/v1/payments/health',
      '/api/v1/payments/batches/{batch_id}',
      '/api/v1/payments/{payment_id}/cancel',
      '/api/v1/payments/{payment_id}/approve',
      '/api/v1/wallet',
      '/api/v1/payments',
      '/health/ready',
      '/metrics',
    ]) {
      expect(Object.keys(document.paths)).toContain(path);
    }
  });
});
