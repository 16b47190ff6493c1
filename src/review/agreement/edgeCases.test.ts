import { describe, expect, it } from 'vitest';
import { span } from '../testing';
import { boundaryF1 } from './boundaryF1';
import { characterCategories } from './characterCategories';
import { characterUnits } from './characterUnits';
import { cohenKappa } from './cohenKappa';
import { exactF1 } from './exactF1';
import { fleissKappa } from './fleissKappa';
import { krippendorffAlpha } from './krippendorffAlpha';
import { overlapF1 } from './overlapF1';

describe('undefined values are n/a with a reason, never 1', () => {
  const empty = [{ text: '刘艳霞在通州区', a: [], b: [] }];

  it('gives null span F1s for two layers with no spans', () => {
    for (const measure of [exactF1(empty), boundaryF1(empty), overlapF1(empty)]) {
      expect(measure.value).toBeNull();
      expect(measure.reason).toMatch(/no|neither/);
    }
  });

  it("gives a null Cohen's κ when chance agreement is 1 (both layers all O), and for no characters", () => {
    expect(cohenKappa(empty).kappa).toMatchObject({ value: null });
    expect(cohenKappa(empty).kappa.reason).toMatch(/chance agreement/);
    expect(cohenKappa([]).kappa).toMatchObject({ value: null, reason: 'no characters to compare' });
  });

  it("gives null Fleiss' κ and α when every value is one category", () => {
    const units = characterUnits([{ text: 'abc', layers: [[], [], []] }]);
    expect(fleissKappa(units).value).toBeNull();
    expect(krippendorffAlpha(characterUnits([{ text: 'abc', layers: [[], []] }])).value).toBeNull();
    expect(krippendorffAlpha([]).reason).toMatch(/no unit/);
  });

  it('gives an empty-spans pair an exact F1 of 0, not n/a, when only one side has spans', () => {
    expect(exactF1([{ text: 'ab', a: [span('a', 0, 1, 'x')], b: [] }]).value).toBe(0);
  });
});

describe("Krippendorff's α and Fleiss' κ on small units", () => {
  it('gives α = −1/2 for units [A,B],[B,A] (REVIEW.md)', () => {
    const alpha = krippendorffAlpha([
      ['A', 'B'],
      ['B', 'A'],
    ]);
    expect(Math.abs((alpha.value ?? Number.NaN) + 1 / 2)).toBeLessThan(1e-12);
  });

  it('gives 1 for perfect agreement over two categories, and ignores units with one value in α', () => {
    const units = [
      ['A', 'A', 'A'],
      ['B', 'B', 'B'],
    ];
    expect(fleissKappa(units).value).toBe(1);
    expect(krippendorffAlpha([...units, ['A']]).value).toBe(1);
  });

  it('refuses Fleiss over units of different sizes', () => {
    expect(fleissKappa([['A', 'B'], ['A']]).reason).toMatch(/different numbers/);
  });

  it('matches a textbook Fleiss computation (every rater splits evenly: κ = −1/(m − 1))', () => {
    // Two raters, two units, always disagreeing over two balanced categories: P̄ = 0, P̄e = 1/2, κ = −1.
    expect(fleissKappa([
      ['A', 'B'],
      ['B', 'A'],
    ]).value).toBe(-1);
  });
});

describe('characters are code points', () => {
  it('counts 𠮷 as one character', () => {
    const text = '𠮷野家在';
    expect(text).toHaveLength(5);
    expect(characterCategories(text, [span('a', 0, 2, 'person')])).toEqual(['person', 'O', 'O', 'O']);
    expect(characterCategories(text, [span('a', 0, 3, 'person'), span('b', 2, 5, 'place')])).toEqual([
      'person',
      'person+place',
      'place',
      'place',
    ]);
  });

  it("computes Cohen's κ over code points: 1/2 here, where UTF-16 units would give 8/13", () => {
    const kappa = cohenKappa([{ text: '𠮷野家在', a: [span('a', 0, 2, 'person')], b: [span('b', 0, 3, 'person')] }]).kappa;
    expect(Math.abs((kappa.value ?? Number.NaN) - 1 / 2)).toBeLessThan(1e-12);
  });

  it('never confuses a label named O with untagged text', () => {
    expect(characterCategories('ab', [span('a', 0, 1, 'O')])).toEqual(['[O]', 'O']);
  });
});
