import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './db-harness.js';
import { type MoneyGateway, startMoneyGateway } from './money-harness.js';

describe.each(ENGINES)('money harness (%s)', (engine) => {
  let gw: MoneyGateway;
  beforeAll(async () => {
    gw = await startMoneyGateway(engine);
  });
  afterAll(async () => gw?.close());

  it('funds the hot wallet on the devnet and the lease store hands one holder the lease', async () => {
    expect((await gw.tronChain.balances(gw.hotWalletAddress)).USDT).toBe(100_000_000_000n);
    const a = await gw.core.leases.acquire('scanner', 'a', 10_000);
    const b = await gw.core.leases.acquire('scanner', 'b', 10_000);
    expect(a?.token).toBe(1n);
    expect(b).toBeNull();
    const again = await gw.core.leases.acquire('scanner', 'a', 10_000);
    expect(again?.token).toBe(1n);
  });
});
