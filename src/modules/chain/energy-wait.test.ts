import { describe, expect, it } from 'vitest';
import { decideEnergy, type EnergyWaitInput } from './energy-wait.js';

const T0 = 1_800_000_000_000;
const base: EnergyWaitInput = {
  needed: 64_285n,
  available: 10_000n,
  limit: 100_000n,
  strategy: 'stake',
  rank: 2,
  queuedAt: T0,
  now: T0,
  maxWaitMs: 60_000,
  recheckMs: 3_000,
};

describe('decideEnergy', () => {
  it('spends staked energy when enough is left, whatever the priority or strategy', () => {
    for (const rank of [0, 1, 2, 3]) {
      expect(decideEnergy({ ...base, rank, available: 64_285n })).toEqual({ kind: 'send', decision: 'staked', waitedMs: 0 });
    }
    expect(decideEnergy({ ...base, strategy: 'burn', available: 70_000n, now: T0 + 5 })).toEqual({
      kind: 'send',
      decision: 'staked',
      waitedMs: 5,
    });
  });

  it('burns at once for urgent (0) and high (1) when short', () => {
    expect(decideEnergy({ ...base, rank: 0 })).toMatchObject({ kind: 'send', decision: 'burn_priority' });
    expect(decideEnergy({ ...base, rank: 1 })).toMatchObject({ kind: 'send', decision: 'burn_priority' });
  });

  it('lets normal (2) and low (3) wait, looking again soon but never past their wait', () => {
    expect(decideEnergy({ ...base, rank: 2 })).toEqual({ kind: 'wait', retryAt: T0 + 3_000, burnsFrom: T0 + 60_000 });
    expect(decideEnergy({ ...base, rank: 3, maxWaitMs: 120_000, now: T0 + 118_500 })).toEqual({
      kind: 'wait',
      retryAt: T0 + 120_000,
      burnsFrom: T0 + 120_000,
    });
  });

  it('burns once the wait is over, and says how long it waited', () => {
    expect(decideEnergy({ ...base, now: T0 + 60_000 })).toEqual({ kind: 'send', decision: 'burn_after_wait', waitedMs: 60_000 });
  });

  it('never waits under burn, or when nothing is staked that could come back', () => {
    expect(decideEnergy({ ...base, strategy: 'burn' })).toMatchObject({ kind: 'send', decision: 'burn_strategy' });
    expect(decideEnergy({ ...base, limit: 0n, available: 0n })).toMatchObject({ kind: 'send', decision: 'burn_strategy' });
  });
});
