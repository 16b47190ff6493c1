import { describe, expect, it } from 'vitest';
import { clusterDocument } from '../clusters';
import { decisionFor } from '../decide';
import { openClusters } from '../summary';
import { span, WORKED_LAYERS } from '../testing';
import { clusterMatches, confusionFilter, filterKey, labelFilter, openMatchingClusters, pairFilter } from './disagreementFilter';

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

describe('the review summary under a filter', () => {
  const stamp = { reviewer: 'r', at: 0 };
  const agreed = [
    { annotator: 'A', spans: [span('a1', 0, 2, 'person')] },
    { annotator: 'B', spans: [span('b1', 0, 2, 'person')] },
  ];
  const decided = clusterDocument(agreed, ['A', 'B']).flatMap((cluster) => cluster.candidates.map((candidate) => decisionFor(candidate, 'accepted', stamp)));
  // Open, but unanimous: no pair filter matches it, yet the document is not without open clusters.
  const unanimousOpen = { documentId: 'open', layers: agreed, decisions: [] };
  const inputs = [
    { documentId: 'worked', layers: WORKED_LAYERS, decisions: [] },
    { documentId: 'decided', layers: agreed, decisions: decided },
    unanimousOpen,
    { documentId: 'only C', layers: [{ annotator: 'C', spans: [] }], decisions: [] },
  ];

  it('counts the open clusters it matches, and names the documents with no cluster open at all', () => {
    const filtered = openMatchingClusters(inputs, pairFilter('A', 'B'));
    expect(filtered.byDocument).toEqual({ worked: 2 });
    expect(filtered.total).toBe(2);
    // As without a filter (same annotators): "mark every document without open clusters" works under one too.
    expect(filtered.closed).toEqual(['decided']);
    expect(filtered.closed).toEqual(openClusters(inputs, ['A', 'B']).closed);
  });
});
