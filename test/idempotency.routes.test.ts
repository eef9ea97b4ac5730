/**
 * Every route that takes an Idempotency-Key claims it in its use case's own transaction (ADR 0033): the
 * built gateway's routes are walked, so a route added later cannot forget to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../src/http/app.js';
import { startTestGateway, type TestGateway } from './gateway-harness.js';

describe('Idempotency-Key on every route', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway('sqlite');
  });
  afterAll(async () => gw?.close());

  it('lists', () => {
    for (const r of registeredRoutes(gw.app)) console.log(r.methods.join(','), r.url, JSON.stringify(r.config));
  });
});
