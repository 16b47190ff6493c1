import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectCandidates, parseCandidateKey } from './candidates';
import { clusterDocument } from './clusters';
import { arbitraryLayers, shuffledLayers, span, WORKED_LAYERS } from './testing';
import type { Cluster } from './types';

const S = ['A', 'B', 'C'];

const summary = (clusters: readonly Cluster[]) =>
  clusters.map((cluster) => ({
    range: [cluster.start, cluster.end],
    kinds: cluster.kinds,
    candidates: cluster.candidates.map((candidate) => `${candidate.key} ${candidate.votes.join(',')}`),
  }));

describe('clusters of the worked example', () => {
  it('finds the four clusters of REVIEW.md, in text order, with their kinds and votes', () => {
    expect(summary(clusterDocument(WORKED_LAYERS, S))).toEqual([
      { range: [0, 2], kinds: ['unanimous'], candidates: ['0:2:person A,B,C'] },
      { range: [3, 5], kinds: ['label conflict'], candidates: ['3:5:person C', '3:5:place A,B'] },
      { range: [7, 11], kinds: ['boundary conflict'], candidates: ['7:9:policy B', '7:11:policy A,C'] },
      { range: [12, 21], kinds: ['boundary conflict', 'missing'], candidates: ['12:21:metric A', '17:21:metric B'] },
    ]);
  });

  it('counts only annotators of S; layers of others (gold) are ignored', () => {
    const withGold = [...WORKED_LAYERS, { annotator: 'gold', spans: [span('g', 0, 21, 'person')] }];
    expect(clusterDocument(withGold, S)).toEqual(clusterDocument(WORKED_LAYERS, S));
    const onlyAB = clusterDocument(WORKED_LAYERS, ['A', 'B']);
    expect(onlyAB[1]?.kinds).toEqual(['unanimous']);
    expect(onlyAB[0]?.present).toEqual(['A', 'B']);
  });

  it('counts an empty layer as present: its annotator is missing from every cluster', () => {
    const layers = [
      { annotator: 'A', spans: [span('a', 0, 2, 'person')] },
      { annotator: 'B', spans: [span('b', 0, 2, 'person')] },
    ];
    expect(clusterDocument(layers, S)[0]?.kinds).toEqual(['unanimous']);
    expect(clusterDocument([...layers, { annotator: 'C', spans: [] }], S)[0]?.kinds).toEqual(['missing']);
  });

  it('marks a cluster only one annotator tagged as single (and missing when others are present)', () => {
    const layers = [
      { annotator: 'A', spans: [span('a', 0, 2, 'person'), span('a2', 1, 4, 'place')] },
      { annotator: 'B', spans: [] },
    ];
    expect(clusterDocument(layers, S)[0]?.kinds).toEqual(['boundary conflict', 'missing', 'single']);
    expect(clusterDocument([layers[0] ?? { annotator: 'A', spans: [] }], S)[0]?.kinds).toEqual(['boundary conflict', 'single']);
  });

  it('joins candidates through a chain of overlaps, but not spans that merely touch', () => {
    const layers = [
      { annotator: 'A', spans: [span('a', 0, 2, 'x'), span('a2', 4, 6, 'x')] },
      { annotator: 'B', spans: [span('b', 1, 5, 'y'), span('b2', 6, 8, 'x')] },
    ];
    expect(summary(clusterDocument(layers, S)).map((cluster) => cluster.range)).toEqual([
      [0, 6],
      [6, 8],
    ]);
  });

  it('gives clusters ids that are stable and change with the candidates', () => {
    const first = clusterDocument(WORKED_LAYERS, S);
    expect(clusterDocument(WORKED_LAYERS, S).map((cluster) => cluster.id)).toEqual(first.map((cluster) => cluster.id));
    expect(new Set(first.map((cluster) => cluster.id)).size).toBe(first.length);
    const changed = clusterDocument([...WORKED_LAYERS.slice(0, 2), { annotator: 'C', spans: [span('c', 0, 2, 'place')] }], S);
    expect(changed[0]?.id).not.toBe(first[0]?.id);
    // The metric cluster's candidates did not change, so neither does its id.
    expect(changed[3]?.id).toBe(first[3]?.id);
  });

  it('does not depend on span order or annotator order (property)', () => {
    fc.assert(
      fc.property(
        arbitraryLayers().chain((layers) => fc.tuple(fc.constant(layers), shuffledLayers(layers), fc.shuffledSubarray(S, { minLength: 3 }))),
        ([layers, shuffled, compared]) => {
          expect(clusterDocument(shuffled, compared)).toEqual(clusterDocument(layers, S));
        },
      ),
    );
  });

  it('partitions the candidates into groups that overlap inside and never across (property)', () => {
    fc.assert(
      fc.property(arbitraryLayers(), (layers) => {
        const clusters = clusterDocument(layers, S);
        expect(clusters.flatMap((cluster) => cluster.candidates)).toEqual(collectCandidates(layers, S));
        for (let i = 1; i < clusters.length; i++) expect(clusters[i]?.start).toBeGreaterThanOrEqual(clusters[i - 1]?.end ?? 0);
        for (const cluster of clusters) {
          for (const candidate of cluster.candidates) expect(parseCandidateKey(candidate.key)).toEqual({ start: candidate.start, end: candidate.end, label: candidate.label });
        }
      }),
    );
  });
});

describe('parseCandidateKey', () => {
  it('keeps colons inside labels and refuses malformed keys', () => {
    expect(parseCandidateKey('3:5:a:b')).toEqual({ start: 3, end: 5, label: 'a:b' });
    expect(parseCandidateKey('x:5:a')).toBeNull();
  });
});
