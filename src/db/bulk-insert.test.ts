import { describe, expect, it } from 'vitest';
import { sqliteSlices } from './bulk-insert.js';

describe('sqliteSlices', () => {
  it('covers every row count with full chunks and a few fixed partial sizes', () => {
    const shapes = new Set<number>();
    for (let total = 0; total <= 1000; total++) {
      const sizes = sqliteSlices(total, 64);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
      expect(sizes.filter((n) => n < 64).length).toBeLessThanOrEqual(6);
      for (const n of sizes) shapes.add(n);
    }
    expect([...shapes].sort((a, b) => a - b)).toEqual([1, 2, 4, 8, 16, 32, 64]);
  });

  it('keeps a smaller chunk as the largest slice', () => {
    expect(sqliteSlices(25, 10)).toEqual([10, 10, 4, 1]);
    expect(sqliteSlices(3, 1)).toEqual([1, 1, 1]);
  });
});
