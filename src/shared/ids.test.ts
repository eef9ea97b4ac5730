import { describe, expect, it } from 'vitest';
import { isId, newId, orderedHex16 } from './ids.js';

const secondOf = (hex: string) => Number.parseInt(hex.slice(0, 8), 16);
const counterOf = (hex: string) => Number.parseInt(hex.slice(8), 16);

describe('ids', () => {
  it('are the prefix and 16 lowercase hex characters', () => {
    const id = newId('pay');
    expect(id).toMatch(/^pay_[0-9a-f]{16}$/);
    expect(isId('pay', id)).toBe(true);
    expect(isId('batch', id)).toBe(false);
  });

  it('sort in the order they were made, across many in one second', () => {
    const ids = Array.from({ length: 20_000 }, () => newId('evt'));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('lead with the creation second; the counter restarts at a random point each second', () => {
    const base = Math.floor(Date.now() / 1000) + 10_000;
    const a = orderedHex16(base * 1000 + 5);
    const b = orderedHex16(base * 1000 + 999);
    expect(secondOf(a)).toBe(base);
    expect(secondOf(b)).toBe(base);
    expect(counterOf(b)).toBe(counterOf(a) + 1);
    const starts = new Set<number>();
    for (let s = 1; s <= 20; s++) {
      const next = orderedHex16((base + s) * 1000);
      expect(secondOf(next)).toBe(base + s);
      starts.add(counterOf(next));
    }
    expect(starts.size).toBeGreaterThan(15);
  });

  it('keep their order when the clock steps back', () => {
    const base = Math.floor(Date.now() / 1000) + 20_000;
    const before = orderedHex16(base * 1000);
    const after = orderedHex16((base - 30) * 1000);
    expect(secondOf(after)).toBe(base);
    expect(after > before).toBe(true);
  });
});
