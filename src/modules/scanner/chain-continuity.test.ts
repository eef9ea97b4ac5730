import { describe, expect, it } from 'vitest';
import { commonAncestor, firstBreak, type LinkedBlock } from './chain-continuity.js';

const chain = (from: number, ids: string[], parentOfFirst: string): LinkedBlock[] =>
  ids.map((id, i) => ({ number: from + i, blockId: id, parentHash: i === 0 ? parentOfFirst : (ids[i - 1] as string) }));

describe('firstBreak', () => {
  it('an unbroken run that follows the stored block', () => {
    expect(firstBreak(chain(10, ['b', 'c', 'd'], 'a'), 'a')).toBe(-1);
  });
  it('the first block against the stored one (ids compared without case)', () => {
    expect(firstBreak(chain(10, ['B', 'C'], 'A'), 'a')).toBe(-1);
    expect(firstBreak(chain(10, ['b', 'c'], 'x'), 'a')).toBe(0);
  });
  it('a break inside the run, and no check of the first block when nothing is stored', () => {
    const blocks = chain(10, ['b', 'c', 'd'], 'x');
    (blocks[2] as LinkedBlock).parentHash = 'other';
    expect(firstBreak(blocks, null)).toBe(2);
  });
});

describe('commonAncestor', () => {
  it('the highest block with the same id on both sides', () => {
    const stored = new Map([
      [5, 'e'],
      [6, 'f'],
      [7, 'g'],
    ]);
    expect(
      commonAncestor(
        stored,
        new Map([
          [5, 'e'],
          [6, 'f'],
          [7, 'G2'],
        ]),
      ),
    ).toBe(6);
    expect(
      commonAncestor(
        stored,
        new Map([
          [5, 'E'],
          [6, 'x'],
          [7, 'y'],
        ]),
      ),
    ).toBe(5);
    expect(commonAncestor(stored, new Map([[5, 'x']]))).toBeNull();
  });
});
