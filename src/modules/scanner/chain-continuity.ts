/**
 * Whether blocks follow on from each other (issue 20, docs/adr/0034), pure: each block's parent must be
 * the block before it, and the first one's the block the scanner stored last. A break means the node
 * switched to another branch: the scanner walks back to the common ancestor and rewinds (chain-rewind.ts).
 */

export interface LinkedBlock {
  number: number;
  blockId: string;
  parentHash: string;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * The index of the first block whose parent is not the block before it (the first block against
 * `parentOfFirst`, when known), or -1 when the run is unbroken.
 */
export function firstBreak(blocks: readonly LinkedBlock[], parentOfFirst: string | null): number {
  let parent = parentOfFirst;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as LinkedBlock;
    if (parent !== null && !same(block.parentHash, parent)) return i;
    parent = block.blockId;
  }
  return -1;
}

/**
 * The highest block both sides know with the same id: the common ancestor of the scanner's branch
 * (`stored`) and the node's (`node`); null when they share none of the blocks compared.
 */
export function commonAncestor(stored: ReadonlyMap<number, string>, node: ReadonlyMap<number, string>): number | null {
  const numbers = [...stored.keys()].sort((a, b) => b - a);
  for (const n of numbers) {
    const ours = stored.get(n) as string;
    const theirs = node.get(n);
    if (theirs !== undefined && same(ours, theirs)) return n;
  }
  return null;
}
