import { describe, expect, it } from 'vitest';
import { Progress } from './progress.js';

/** A stream that records what is written, a terminal or not. */
function stream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const fake = {
    isTTY,
    write(chunk: string) {
      text += chunk;
      return true;
    },
  };
  return { stream: fake as unknown as NodeJS.WriteStream, text: () => text };
}

describe('Progress', () => {
  it('on a terminal, redraws one line in place with bar, share, rate and ETA, and ends it on finish', () => {
    let now = 0;
    const out = stream(true);
    const progress = new Progress({ label: 'scan', unit: 'blocks', stream: out.stream, now: () => now });
    now = 1000;
    progress.update(50, 200);
    now = 1050;
    progress.update(60, 200); // within 100 ms of the last draw: skipped
    now = 2000;
    progress.update(100, 200, 'credited 3');
    progress.finish();
    const draws = out.text().split('\r').filter(Boolean);
    expect(draws).toEqual([
      `[${'#'.repeat(8)}${'-'.repeat(22)}]   25%  50/200 blocks  50 blocks/s  ETA 3s\x1b[K`,
      `[${'#'.repeat(15)}${'-'.repeat(15)}]   50%  100/200 blocks  50 blocks/s  ETA 2s  credited 3\x1b[K`,
      `[${'#'.repeat(15)}${'-'.repeat(15)}]   50%  100/200 blocks  50 blocks/s  ETA 2s  credited 3\x1b[K\n`,
    ]);
  });

  it('elsewhere, writes plain lines: none for work that ends within lineEveryMs, then at most one per lineEveryMs, and the last state', () => {
    let now = 0;
    const quick = stream(false);
    const short = new Progress({ label: 'export', unit: 'rows', stream: quick.stream, now: () => now });
    now = 400;
    short.update(10, 10);
    short.finish();
    expect(quick.text()).toBe('');

    now = 0;
    const slow = stream(false);
    const long = new Progress({ label: 'export', unit: 'rows', stream: slow.stream, now: () => now });
    for (const [at, done] of [
      [1000, 100],
      [1500, 150],
      [2100, 210],
      [2200, 220],
    ] as const) {
      now = at;
      long.update(done, 300);
    }
    long.finish();
    expect(slow.text()).toBe('export: 100/300 rows (33%)\nexport: 210/300 rows (70%)\nexport: 220/300 rows (73%)\n');
  });

  it('with lineEveryMs 0, writes a line for every change and never the same line twice', () => {
    const out = stream(false);
    const progress = new Progress({ label: 'batch b1', unit: 'payouts final', stream: out.stream, lineEveryMs: 0, rate: false });
    progress.update(0, 3, 'pending 3');
    progress.update(0, 3, 'pending 3');
    progress.update(1, 3, 'completed 1  processing 2');
    progress.update(3, 3, 'completed 3');
    progress.finish();
    expect(out.text()).toBe(
      'batch b1: 0/3 payouts final (0%)  pending 3\nbatch b1: 1/3 payouts final (33%)  completed 1  processing 2\nbatch b1: 3/3 payouts final (100%)  completed 3\n',
    );
  });
});
