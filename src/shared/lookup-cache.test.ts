import { describe, expect, it } from 'vitest';
import { LookupCache } from './lookup-cache.js';

/** A lookup whose answers the test releases one at a time. */
function controlledLookup<V>() {
  const calls: Array<{ resolve(value: V | null): void; reject(error: Error): void }> = [];
  const load = () =>
    new Promise<V | null>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  return { calls, load };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('LookupCache', () => {
  it('serves a value for its TTL and looks it up again after', async () => {
    let now = 1_000;
    let lookups = 0;
    const cache = new LookupCache<string>({ ttlMs: 100, now: () => now });
    const load = async () => `v${++lookups}`;
    expect(await cache.get('k', load)).toBe('v1');
    now += 50;
    expect(await cache.get('k', load)).toBe('v1');
    now += 50; // 100 ms after the lookup began: expired
    expect(await cache.get('k', load)).toBe('v2');
    expect(lookups).toBe(2);
  });

  it('lets concurrent misses of one key share a single lookup', async () => {
    const cache = new LookupCache<string>({ ttlMs: 1_000, now: () => 0 });
    const { calls, load } = controlledLookup<string>();
    const answers = Promise.all(Array.from({ length: 50 }, () => cache.get('k', load)));
    expect(calls).toHaveLength(1);
    calls[0]?.resolve('principal');
    expect(await answers).toEqual(Array(50).fill('principal'));
    // other keys are looked up on their own
    void cache.get('other', load);
    expect(calls).toHaveLength(2);
  });

  it('refreshes an entry in the last quarter of its life in the background, serving the old value meanwhile', async () => {
    let now = 0;
    const cache = new LookupCache<string>({ ttlMs: 100, now: () => now });
    const { calls, load } = controlledLookup<string>();
    const first = cache.get('k', load);
    calls[0]?.resolve('old');
    expect(await first).toBe('old');
    now = 74;
    expect(await cache.get('k', load)).toBe('old');
    expect(calls).toHaveLength(1);
    now = 80;
    // served at once, one refresh started however many ask
    expect(await cache.get('k', load)).toBe('old');
    expect(await cache.get('k', load)).toBe('old');
    expect(calls).toHaveLength(2);
    calls[1]?.resolve('new');
    await settle();
    now = 150; // past the first lookup's TTL, within the refresh's (which began at 80)
    expect(await cache.get('k', load)).toBe('new');
    expect(calls).toHaveLength(2);
  });

  it('never serves an entry past its TTL, even while its refresh is slow', async () => {
    let now = 0;
    const cache = new LookupCache<string>({ ttlMs: 100, now: () => now });
    const { calls, load } = controlledLookup<string>();
    const first = cache.get('k', load);
    calls[0]?.resolve('old');
    await first;
    now = 90;
    await cache.get('k', load); // starts the refresh, which hangs
    now = 100;
    let answered = false;
    const waiting = cache.get('k', load).then((value) => {
      answered = true;
      return value;
    });
    await settle();
    expect(answered).toBe(false); // waits for the refresh rather than getting the expired value
    expect(calls).toHaveLength(2);
    calls[1]?.resolve('fresh');
    expect(await waiting).toBe('fresh');
  });

  it('does not cache a null answer: the next call looks up again', async () => {
    let lookups = 0;
    const cache = new LookupCache<string>({ ttlMs: 1_000, now: () => 0 });
    const load = async () => {
      lookups++;
      return null;
    };
    expect(await cache.get('unknown', load)).toBeNull();
    expect(await cache.get('unknown', load)).toBeNull();
    expect(lookups).toBe(2);
  });

  it('forgets entries on clear, and a lookup already under way does not store what it read', async () => {
    const cache = new LookupCache<string>({ ttlMs: 1_000, now: () => 0 });
    const { calls, load } = controlledLookup<string>();
    const before = cache.get('k', load);
    cache.clear(); // e.g. the key was revoked while its lookup ran
    calls[0]?.resolve('read before the revocation');
    expect(await before).toBe('read before the revocation');
    const after = cache.get('k', load);
    expect(calls).toHaveLength(2);
    calls[1]?.resolve(null);
    expect(await after).toBeNull();
  });

  it('passes a failed lookup to every caller waiting on it, and the next call tries again', async () => {
    const cache = new LookupCache<string>({ ttlMs: 1_000, now: () => 0 });
    const { calls, load } = controlledLookup<string>();
    const a = cache.get('k', load);
    const b = cache.get('k', load);
    calls[0]?.reject(new Error('database down'));
    await expect(a).rejects.toThrow('database down');
    await expect(b).rejects.toThrow('database down');
    const retry = cache.get('k', load);
    expect(calls).toHaveLength(2);
    calls[1]?.resolve('v');
    expect(await retry).toBe('v');
  });

  it('reports a failed background refresh and keeps serving the entry until it expires', async () => {
    let now = 0;
    const errors: unknown[] = [];
    const cache = new LookupCache<string>({ ttlMs: 100, now: () => now, onRefreshError: (error) => errors.push(error) });
    const { calls, load } = controlledLookup<string>();
    const first = cache.get('k', load);
    calls[0]?.resolve('v');
    await first;
    now = 80;
    expect(await cache.get('k', load)).toBe('v');
    calls[1]?.reject(new Error('database down'));
    await settle();
    expect(errors).toHaveLength(1);
    now = 99;
    expect(await cache.get('k', load)).toBe('v'); // another refresh is tried
    expect(calls).toHaveLength(3);
  });

  it('looks up every time with a TTL of 0', async () => {
    let lookups = 0;
    const cache = new LookupCache<string>({ ttlMs: 0, now: () => 0 });
    const load = async () => `v${++lookups}`;
    await Promise.all([cache.get('k', load), cache.get('k', load)]);
    expect(lookups).toBe(2);
  });

  it('drops its entries when full rather than growing without bound', async () => {
    let lookups = 0;
    const cache = new LookupCache<string>({ ttlMs: 1_000, now: () => 0, maxEntries: 2 });
    const load = async () => `v${++lookups}`;
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('c', load); // full: a and b are dropped
    await cache.get('c', load);
    expect(lookups).toBe(3);
    await cache.get('a', load);
    expect(lookups).toBe(4);
  });
});
