import { describe, expect, it } from 'vitest';
import { annotatorOrder, textRuns } from './display';

describe('annotator order', () => {
  it('is sorted when not blind, and a reproducible per-document shuffle when blind', () => {
    expect(annotatorOrder(['C', 'A', 'B'], 'd1', false)).toEqual(['A', 'B', 'C']);
    const once = annotatorOrder(['C', 'A', 'B'], 'd1', true);
    expect(annotatorOrder(['B', 'C', 'A'], 'd1', true)).toEqual(once);
    expect([...once].sort()).toEqual(['A', 'B', 'C']);
    const orders = new Set(Array.from({ length: 30 }, (_, i) => annotatorOrder(['A', 'B', 'C'], `doc${i}`, true).join('')));
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('text runs', () => {
  it('cut the text at every boundary and say what covers each run', () => {
    const runs = textRuns(10, [[{ start: 2, end: 5 }], [{ start: 3, end: 6 }]]);
    expect(runs.map((run) => [run.start, run.end, run.covering.map((list) => list.length).join('')])).toEqual([
      [0, 2, '00'],
      [2, 3, '10'],
      [3, 5, '11'],
      [5, 6, '01'],
      [6, 10, '00'],
    ]);
  });
});
