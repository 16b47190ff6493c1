import { describe, expect, it } from 'vitest';
import { clusterDocument } from './clusters';
import { acceptVersionOf, decisionsByKey, isOpen, rejectCluster, withDecisions } from './decide';
import { WORKED_LAYERS } from './testing';
import type { Cluster } from './types';

const stamp = { reviewer: 'R', at: 1 };
const clusters = clusterDocument(WORKED_LAYERS, ['A', 'B', 'C']);
const policy = clusters[2] as Cluster;
const metric = clusters[3] as Cluster;

describe('hand decisions on a cluster', () => {
  it("accepts one annotator's version and rejects the others there", () => {
    expect(acceptVersionOf(policy, 'B', stamp).map((decision) => [decision.candidateKey, decision.state, decision.sources])).toEqual([
      ['7:9:policy', 'accepted', ['B']],
      ['7:11:policy', 'rejected', ['A', 'C']],
    ]);
  });

  it('takes "no span" as the version of an annotator who proposed nothing there', () => {
    expect(acceptVersionOf(metric, 'C', stamp).map((decision) => decision.state)).toEqual(['rejected', 'rejected']);
  });

  it('rejects every candidate of a cluster, stamped with reviewer and time', () => {
    expect(rejectCluster(metric, { reviewer: 'R', at: 42 })).toEqual([
      { candidateKey: '12:21:metric', state: 'rejected', sources: ['A'], reviewer: 'R', at: 42 },
      { candidateKey: '17:21:metric', state: 'rejected', sources: ['B'], reviewer: 'R', at: 42 },
    ]);
  });

  it('keeps a cluster open while one candidate is undecided', () => {
    const [first] = acceptVersionOf(policy, 'A', stamp);
    expect(isOpen(policy, [])).toBe(true);
    expect(isOpen(policy, first ? [first] : [])).toBe(true);
    expect(isOpen(policy, acceptVersionOf(policy, 'A', stamp))).toBe(false);
    expect(isOpen(policy, decisionsByKey(acceptVersionOf(policy, 'A', stamp)))).toBe(false);
  });

  it('lets a later hand decision replace an earlier one on the same candidate', () => {
    const first = acceptVersionOf(policy, 'A', stamp);
    const second = acceptVersionOf(policy, 'B', { reviewer: 'R', at: 2 });
    expect(withDecisions(first, second).map((decision) => [decision.candidateKey, decision.state, decision.at])).toEqual([
      ['7:11:policy', 'rejected', 2],
      ['7:9:policy', 'accepted', 2],
    ]);
  });
});
