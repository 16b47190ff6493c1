import { describe, expect, it } from 'vitest';
import { span, WORKED_LAYERS } from '../testing';
import { againstGold } from './againstGold';

const gold = [span('g1', 0, 2, 'person'), span('g2', 3, 5, 'place'), span('g3', 7, 11, 'policy')];
const layer = (annotator: string) => WORKED_LAYERS.find((entry) => entry.annotator === annotator)?.spans ?? [];

describe('annotator against gold', () => {
  it('scores A and C against the majority-of-three gold of the worked example', () => {
    const a = againstGold([{ annotator: layer('A'), gold }]);
    expect(a).toMatchObject({ documents: 1, spans: 4, goldSpans: 3, matched: 3, missed: 0, extra: 1 });
    expect(a.precision.value).toBeCloseTo(3 / 4, 12);
    expect(a.recall.value).toBe(1);
    expect(a.f1.value).toBeCloseTo(6 / 7, 12);
    const c = againstGold([{ annotator: layer('C'), gold }]);
    expect(c.precision.value).toBeCloseTo(2 / 3, 12);
    expect(c.recall.value).toBeCloseTo(2 / 3, 12);
    expect(c.perLabel.person?.precision.value).toBe(1 / 2);
    expect(c.perLabel.place?.precision).toEqual({ value: null, reason: 'the annotator has no span here' });
    expect(c.perLabel.place?.recall.value).toBe(0);
  });

  it('gives n/a, not 1, with no adjudicated documents', () => {
    const none = againstGold([]);
    expect(none.f1.value).toBeNull();
    expect(none.precision.reason).toBeTruthy();
  });
});
