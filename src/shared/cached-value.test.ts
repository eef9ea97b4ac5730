import { describe, expect, it } from 'vitest';
import { cachedValue } from './cached-value.js';

describe('cachedValue', () => {
  it('computes once per TTL, then again', async () => {
    let now = 1_000;
    let loads = 0;
    const read = cachedValue(async () => ++loads, { ttlMs: 5_000, now: () => now });
    expect(await read()).toBe(1);
    now += 4_999;
    expect(await read()).toBe(1);
    now += 1;
    expect(await read()).toBe(2);
    expect(loads).toBe(2);
  });

  it('lets concurrent readers share one computation', async () => {
    let loads = 0;
    let release: (value: number) => void = () => {};
    const read = cachedValue(
      () =>
        new Promise<number>((resolve) => {
          loads++;
          release = resolve;
        }),
      { ttlMs: 1_000, now: () => 0 },
    );
    const first = read();
    const second = read();
    release(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(loads).toBe(1);
  });

  it('keeps no failure: the next reader computes again', async () => {
    let loads = 0;
    const read = cachedValue(
      async () => {
        loads++;
        if (loads === 1) throw new Error('database down');
        return 'ok';
      },
      { ttlMs: 1_000, now: () => 0 },
    );
    await expect(read()).rejects.toThrow('database down');
    expect(await read()).toBe('ok');
    expect(loads).toBe(2);
  });

  it('with serveStale answers the last value after expiry while one refresh runs', async () => {
    let now = 0;
    const pending: Array<(value: string) => void> = [];
    const read = cachedValue(() => new Promise<string>((resolve) => pending.push(resolve)), {
      ttlMs: 100,
      now: () => now,
      serveStale: true,
    });
    const first = read();
    pending[0]?.('v1');
    expect(await first).toBe('v1');
    now = 200;
    expect(await read()).toBe('v1');
    expect(await read()).toBe('v1');
    expect(pending).toHaveLength(2); // one refresh for both readers
    pending[1]?.('v2');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await read()).toBe('v2');
  });
});
