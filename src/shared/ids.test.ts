import { describe, expect, it } from 'vitest';
import { isId, newId, orderedIdSource, sequentialIds } from './ids.js';

const msOf = (hex: string) => Number.parseInt(hex.slice(0, 12), 16);
const tickOf = (hex: string) => Number.parseInt(hex.slice(12, 16), 16);
const randomOf = (hex: string) => BigInt(`0x${hex.slice(16)}`);
const TICKS = 0x10000;

function bitsSet(value: bigint): number {
  let count = 0;
  for (let v = value; v > 0n; v >>= 1n) count += Number(v & 1n);
  return count;
}

/** A source on clocks the test moves. */
function controlledSource(startWall: number) {
  const clock = { wall: startWall, monotonic: 1_000 };
  const next = orderedIdSource(
    () => clock.monotonic,
    () => clock.wall,
  );
  return { clock, next };
}

describe('ids', () => {
  it('are the prefix and 32 lowercase hex characters', () => {
    const id = newId('pay');
    expect(id).toMatch(/^pay_[0-9a-f]{32}$/);
    expect(isId('pay', id)).toBe(true);
    expect(isId('batch', id)).toBe(false);
  });

  it("still accept the first build's 16-digit ids, and nothing else", () => {
    expect(isId('pay', 'pay_0193a1b2c3d4e5f6')).toBe(true);
    expect(isId('pay', sequentialIds()('pay'))).toBe(true);
    for (const bad of [
      'pay_0193a1b2c3d4e5f',
      'pay_0193A1B2C3D4E5F6',
      `pay_${'a'.repeat(24)}`,
      `pay_${'a'.repeat(30)}`,
      `pay_${'a'.repeat(33)}`,
      'pay0193a1b2c3d4e5f6',
    ])
      expect(isId('pay', bad), bad).toBe(false);
  });

  it('lead with the creation time in ms, and are unique and in creation order across many', () => {
    const before = Date.now();
    const ids = Array.from({ length: 50_000 }, () => newId('evt'));
    const after = Date.now();
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const hex = (id: string) => id.slice('evt_'.length);
    expect(msOf(hex(ids[0] as string))).toBeGreaterThanOrEqual(before - 1);
    expect(msOf(hex(ids.at(-1) as string))).toBeLessThanOrEqual(after + 1);
  });

  it('carry 64 fresh random bits each: consecutive ids show no counter', () => {
    const source = orderedIdSource();
    const ids = Array.from({ length: 2_000 }, () => source());
    const differing: number[] = [];
    for (let i = 1; i < ids.length; i++) differing.push(bitsSet(randomOf(ids[i] as string) ^ randomOf(ids[i - 1] as string)));
    // 64 independent bits: about 32 differ on average; a counter changes one or two
    const mean = differing.reduce((a, b) => a + b, 0) / differing.length;
    expect(mean).toBeGreaterThan(30);
    expect(mean).toBeLessThan(34);
    expect(Math.min(...differing)).toBeGreaterThan(8);
    // the time part does not count ids either: it moves with the clock, not by one per id
    const steps = new Set<number>();
    for (let i = 1; i < ids.length; i++) {
      const a = ids[i - 1] as string;
      const b = ids[i] as string;
      steps.add((msOf(b) - msOf(a)) * TICKS + tickOf(b) - tickOf(a));
    }
    expect(steps.size).toBeGreaterThan(10);
  });

  it('differ between sources reading the same clock at the same instant (two threads or processes)', () => {
    const wall = Date.UTC(2030, 0, 1);
    const one = controlledSource(wall);
    const other = controlledSource(wall);
    const ids = new Set<string>();
    for (let i = 0; i < 5_000; i++) {
      const a = one.next();
      const b = other.next();
      expect(a.slice(0, 16)).toBe(b.slice(0, 16));
      ids.add(a).add(b);
    }
    expect(ids.size).toBe(10_000);
  });

  it('order by time across milliseconds and within one, to 1/65536 ms', () => {
    const wall = Date.UTC(2030, 0, 1);
    const { clock, next } = controlledSource(wall);
    const a = next();
    clock.monotonic += 0.25;
    const b = next();
    clock.monotonic += 0.000001;
    const c = next();
    clock.monotonic += 1;
    const d = next();
    expect([msOf(a), tickOf(a)]).toEqual([wall, 0]);
    expect([msOf(b), tickOf(b)]).toEqual([wall, TICKS / 4]);
    expect([msOf(c), tickOf(c)]).toEqual([wall, TICKS / 4 + 1]);
    expect([msOf(d), tickOf(d)]).toEqual([wall + 1, TICKS / 4]);
    expect(a < b && b < c && c < d).toBe(true);
  });

  it('stay in order when the clock does not move or the wall clock steps back', () => {
    const wall = Date.UTC(2030, 0, 1);
    const { clock, next } = controlledSource(wall);
    const a = next();
    const b = next();
    expect([msOf(b), tickOf(b)]).toEqual([wall, 1]);
    clock.wall -= 30_000;
    clock.monotonic += 2;
    const c = next();
    expect([msOf(c), tickOf(c)]).toEqual([wall + 2, 0]);
    expect(a < b && b < c).toBe(true);
  });

  it('follow the wall clock forward when it runs ahead of the monotonic clock (a suspended machine)', () => {
    const wall = Date.UTC(2030, 0, 1);
    const { clock, next } = controlledSource(wall);
    const a = next();
    clock.wall += 60_000;
    clock.monotonic += 1;
    const b = next();
    expect([msOf(b), tickOf(b)]).toEqual([wall + 60_000, 0]);
    clock.wall += 1;
    clock.monotonic += 1.5;
    const c = next();
    expect([msOf(c), tickOf(c)]).toEqual([wall + 60_001, TICKS / 2]);
    expect(a < b && b < c).toBe(true);
  });
});
