import { describe, expect, it } from 'vitest';
import { clusterDocument } from '../clusters';
import { WORKED_LAYERS } from '../testing';
import { clusterMatches, confusionFilter, filterKey, labelFilter, pairFilter } from './disagreementFilter';

const starts = (filter: Parameters<typeof clusterMatches>[1]) =>
  clusterDocument(WORKED_LAYERS, filter.annotators)
    .filter((cluster) => clusterMatches(cluster, filter))
    .map((cluster) => cluster.start);

describe('click-through filters on the worked example', () => {
  it('a pair: every cluster not unanimous between the two', () => {
    expect(starts(pairFilter('A', 'B'))).toEqual([7, 12]);
    expect(starts(pairFilter('A', 'C'))).toEqual([3, 12]);
  });

  it('a label row: disagreements with a candidate of that label', () => {
    expect(starts(labelFilter(['A', 'B', 'C'], 'person'))).toEqual([3]);
    expect(starts(labelFilter(['A', 'B', 'C'], 'policy'))).toEqual([7]);
  });

  it('a confusion cell: both labels on one range', () => {
    expect(starts(confusionFilter(['A', 'B', 'C'], 'place', 'person'))).toEqual([3]);
    expect(starts(confusionFilter(['A', 'B', 'C'], 'policy', 'metric'))).toEqual([]);
  });

  it('has a key that ignores order', () => {
    expect(filterKey(pairFilter('B', 'A'))).toBe(filterKey(pairFilter('A', 'B')));
    expect(filterKey(null)).toBe('');
  });
});
