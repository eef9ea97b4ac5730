import { describe, expect, it } from 'vitest';
import { isId, newId, orderedIdSource, sequentialIds } from './ids.js';

const secondOf = (hex: string) => Number.parseInt(hex.slice(0, 8), 16);
const tickOf = (hex: string) => Number.parseInt(hex.slice(8, 14), 16);
const randomOf = (hex: string) => BigInt(`0x${hex.slice(14)}`);
/** An id's time in ms, to the tick. */
const msOf = (hex: string) => secondOf(hex) * 1000 + tickOf(hex) / 16_777.216;
const TICKS = 0x1000000;

function bitsSet(value: bigint): number {
  let count = 0;
  for (let v = value; v > 0n; v >>= 1n) count += Number(v & 1n);
  return count;
}

/** A source on clocks the test moves: `at(wall, monotonic)`. */
function controlledSource(startWall: number) {
  const clock = { wall: startWall, monotonic: 1_000 };
  const next = orderedIdSource(
    () => clock.monotonic,
    () => clock.wall,
  );
  return { clock, next };
}

describe('ids', () => {
  it('are the prefix and 30 lowercase hex characters', () => {
    const id = newId('pay');
    expect(id).toMatch(/^pay_[0-9a-f]{30}$/);
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
      `pay_${'a'.repeat(31)}`,
      `pay_${'a'.repeat(32)}`,
      'pay0193a1b2c3d4e5f6',
    ])
      expect(isId('pay', bad), bad).toBe(false);
  });

  it('lead with the creation time, and are unique and in creation order across many', () => {
    const before = Date.now();
    const ids = Array.from({ length: 50_000 }, () => newId('evt'));
    const after = Date.now();
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const hex = (id: string) => id.slice('evt_'.length);
    expect(msOf(hex(ids[0] as string))).toBeGreaterThanOrEqual(before - 1);
    expect(msOf(hex(ids.at(-1) as string))).toBeLessThanOrEqual(after + 1);
  });

  it("sort after the first build's ids of earlier seconds and before those of later ones", () => {
    const hex = newId('pay').slice('pay_'.length);
    const second = secondOf(hex);
    const legacy = (s: number, counter: string) => `${s.toString(16).padStart(8, '0')}${counter}`;
    expect(legacy(second - 1, 'ffffffff') < hex).toBe(true);
    expect(hex < legacy(second + 1, '00000000')).toBe(true);
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
      steps.add((secondOf(b) - secondOf(a)) * TICKS + tickOf(b) - tickOf(a));
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
      expect(a.slice(0, 14)).toBe(b.slice(0, 14));
      ids.add(a).add(b);
    }
    expect(ids.size).toBe(10_000);
  });

  it('order by time across seconds and within one, to 1/2^24 s', () => {
    const wall = Date.UTC(2030, 0, 1);
    const { clock, next } = controlledSource(wall);
    const a = next();
    clock.monotonic += 250;
    const b = next();
    clock.monotonic += 0.0001;
    const c = next();
    clock.monotonic += 1000;
    const d = next();
    expect([secondOf(a), tickOf(a)]).toEqual([wall / 1000, 0]);
    expect([secondOf(b), tickOf(b)]).toEqual([wall / 1000, TICKS / 4]);
    expect([secondOf(c), tickOf(c)]).toEqual([wall / 1000, TICKS / 4 + 1]);
    expect([secondOf(d), tickOf(d)]).toEqual([wall / 1000 + 1, TICKS / 4 + 1]);
    expect(a < b && b < c && c < d).toBe(true);
  });

  it('stay in order when the clock does not move or the wall clock steps back', () => {
    const wall = Date.UTC(2030, 0, 1);
    const { clock, next } = controlledSource(wall);
    const a = next();
    const b = next();
    expect([secondOf(b), tickOf(b)]).toEqual([wall / 1000, 1]);
    clock.wall -= 30_000;
    clock.monotonic += 2_000;
    const c = next();
    expect([secondOf(c), tickOf(c)]).toEqual([wall / 1000 + 2, 0]);
    expect(a < b && b < c).toBe(true);
  });

  it('follow the wall clock forward when it runs ahead of the monotonic clock (a suspended machine)', () => {
    const wall = Date.UTC(2030, 0, 1);
    const { clock, next } = controlledSource(wall);
    const a = next();
    clock.wall += 60_000;
    clock.monotonic += 1_000;
    const b = next();
    expect([secondOf(b), tickOf(b)]).toEqual([wall / 1000 + 60, 0]);
    clock.wall += 1_500;
    clock.monotonic += 1_500;
    const c = next();
    expect([secondOf(c), tickOf(c)]).toEqual([wall / 1000 + 61, TICKS / 2]);
    expect(a < b).toBe(true);
  });
});
