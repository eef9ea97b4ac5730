import { describe, expect, it } from 'vitest';
import { operatorChoseHeapGrowth } from './heap-tuning.js';

describe('operatorChoseHeapGrowth', () => {
  it('is false when neither the command line nor NODE_OPTIONS names the flag', () => {
    expect(operatorChoseHeapGrowth([], undefined)).toBe(false);
    expect(operatorChoseHeapGrowth(['--max-old-space-size=512'], '--enable-source-maps')).toBe(false);
  });

  it('sees the flag on the command line, in either spelling', () => {
    expect(operatorChoseHeapGrowth(['--heap-growing-percent=100'], undefined)).toBe(true);
    expect(operatorChoseHeapGrowth(['--heap_growing_percent=10'], '')).toBe(true);
  });

  it('sees the flag among other NODE_OPTIONS', () => {
    expect(operatorChoseHeapGrowth([], '--enable-source-maps  --heap-growing-percent=20')).toBe(true);
  });
});
