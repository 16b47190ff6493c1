import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCandidateKey } from './candidates';
import { mergeDecisions, relabelDecisions } from './decisionLabels';
import type { Decision, DecisionState } from './types';

const decision = (candidateKey: string, state: DecisionState, at = 1): Decision => ({ candidateKey, state, sources: ['A'], reviewer: 'r', at });

describe('relabelDecisions', () => {
  const decisions = [decision('0:2:person', 'accepted'), decision('3:5:place', 'rejected'), decision('7:9:per:son', 'accepted')];

  it('moves the decisions on a renamed label with its spans, and leaves the others', () => {
    expect(relabelDecisions(decisions, 'person', 'people')).toEqual([decision('0:2:people', 'accepted'), decision('3:5:place', 'rejected'), decision('7:9:per:son', 'accepted')]);
    // A label with colons is the whole rest of the key.
    expect(relabelDecisions(decisions, 'per:son', 'x').map((entry) => entry.candidateKey)).toEqual(['0:2:person', '3:5:place', '7:9:x']);
  });

  it('drops them with deleted spans, and keeps the same array when nothing is on the label', () => {
    expect(relabelDecisions(decisions, 'place', null).map((entry) => entry.candidateKey)).toEqual(['0:2:person', '7:9:per:son']);
    expect(relabelDecisions(decisions, 'metric', 'x')).toBe(decisions);
  });

  it('keeps one decision where a merge of labels makes two name one candidate: accepted wins, else the later', () => {
    const clash = [decision('0:2:person', 'rejected', 5), decision('0:2:people', 'accepted', 1), decision('3:5:person', 'rejected', 1), decision('3:5:people', 'rejected', 9)];
    expect(relabelDecisions(clash, 'person', 'people')).toEqual([decision('0:2:people', 'accepted', 1), decision('3:5:people', 'rejected', 9)]);
  });

  it('loses no decision but those it merges, and leaves none on the old label', () => {
    const keys = fc.uniqueArray(
      fc.tuple(fc.nat(20), fc.nat(5), fc.constantFrom('a', 'b', 'c')).map(([start, width, label]) => `${start}:${start + width + 1}:${label}`),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(keys, fc.constantFrom('a', 'b'), fc.constantFrom('b', 'c', null), (candidateKeys, from, to) => {
        const before = candidateKeys.map((key) => decision(key, 'accepted'));
        const after = relabelDecisions(before, from, to);
        expect(after.some((entry) => parseCandidateKey(entry.candidateKey)?.label === from && from !== to)).toBe(false);
        const expected = new Set(
          candidateKeys.flatMap((key) => {
            const parsed = parseCandidateKey(key);
            if (parsed?.label !== from) return [key];
            return to === null ? [] : [`${parsed.start}:${parsed.end}:${to}`];
          }),
        );
        expect(new Set(after.map((entry) => entry.candidateKey))).toEqual(expected);
        expect(after.length).toBe(expected.size);
      }),
    );
  });
});

describe('mergeDecisions', () => {
  it("adds the backup's decisions on undecided candidates and never overturns the workspace's", () => {
    const mine = [decision('0:2:person', 'rejected')];
    const theirs = [decision('0:2:person', 'accepted'), decision('3:5:place', 'accepted')];
    expect(mergeDecisions(mine, theirs)).toEqual([decision('0:2:person', 'rejected'), decision('3:5:place', 'accepted')]);
    expect(mergeDecisions(mine, [])).toBe(mine);
  });
});
