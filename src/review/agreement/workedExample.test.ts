/**
 * Every number of REVIEW.md's worked example, as exact fractions (to 1e-12).
 */
import { describe, expect, it } from 'vitest';
import { codePointLength } from '../../core/offsets';
import { annotatorPairs } from '../layers';
import { LABELS, WORKED_LAYERS, WORKED_TEXT } from '../testing';
import { boundaryF1 } from './boundaryF1';
import { characterUnits } from './characterUnits';
import { cohenKappa } from './cohenKappa';
import { f1, sumCounts } from './counts';
import { exactF1, exactPairCounts } from './exactF1';
import { fleissKappa } from './fleissKappa';
import { krippendorffAlpha } from './krippendorffAlpha';
import type { Measure } from './measure';
import { overlapF1 } from './overlapF1';
import { pairDocuments, type AgreementDocument } from './scope';

const documents: AgreementDocument[] = [{ id: 'd1', text: WORKED_TEXT, layers: WORKED_LAYERS }];
const pairs = annotatorPairs(['A', 'B', 'C']).map(([a, b]) => pairDocuments(documents, a, b));
const [ab = [], ac = [], bc = []] = pairs;
const valueOf = (measure: Measure): number => {
  expect(measure.reason).toBeNull();
  return measure.value ?? Number.NaN;
};
const expectFraction = (measure: Measure, numerator: number, denominator: number) =>
  expect(Math.abs(valueOf(measure) - numerator / denominator)).toBeLessThan(1e-12);
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe("REVIEW.md's worked example", () => {
  it('has 22 characters', () => {
    expect(codePointLength(WORKED_TEXT)).toBe(22);
  });

  it('exact span F1: 1/2, 4/7, 2/7; pooled 5/11; mean of pairs 19/42', () => {
    expectFraction(exactF1(ab), 1, 2);
    expectFraction(exactF1(ac), 4, 7);
    expectFraction(exactF1(bc), 2, 7);
    expectFraction(f1(sumCounts(pairs.map((pair) => exactPairCounts(pair)))), 5, 11);
    expect(Math.abs(mean(pairs.map((pair) => valueOf(exactF1(pair)))) - 19 / 42)).toBeLessThan(1e-12);
  });

  it('boundary F1: 1/2, 6/7, 4/7', () => {
    expectFraction(boundaryF1(ab), 1, 2);
    expectFraction(boundaryF1(ac), 6, 7);
    expectFraction(boundaryF1(bc), 4, 7);
  });

  it('overlap F1: 1, 4/7, 4/7; mean of pairs 5/7', () => {
    expectFraction(overlapF1(ab), 1, 1);
    expectFraction(overlapF1(ac), 4, 7);
    expectFraction(overlapF1(bc), 4, 7);
    expect(Math.abs(mean(pairs.map((pair) => valueOf(overlapF1(pair)))) - 5 / 7)).toBeLessThan(1e-12);
  });

  it("Cohen's κ over characters: 109/186, 74/195, 31/75", () => {
    expectFraction(cohenKappa(ab).kappa, 109, 186);
    expectFraction(cohenKappa(ac).kappa, 74, 195);
    expectFraction(cohenKappa(bc).kappa, 31, 75);
    expect(cohenKappa(ab).characters).toBe(22);
    // A leaves 5 characters untagged, B 12: 17 of 44 assignments are O.
    expectFraction(cohenKappa(ab).untaggedShare, 17, 44);
  });

  it("Fleiss' κ 665/1523 and Krippendorff's α 678/1523 over all three", () => {
    const layers = [{ text: WORKED_TEXT, layers: WORKED_LAYERS.map((layer) => layer.spans) }];
    expectFraction(fleissKappa(characterUnits(layers)), 665, 1523);
    expectFraction(krippendorffAlpha(characterUnits(layers)), 678, 1523);
  });

  it('per-label exact F1 pooled over pairs: person 3/4, place 1/2, policy 1/3, metric 0', () => {
    const perLabel = (label: string) => f1(sumCounts(pairs.map((pair) => exactPairCounts(pair, label))));
    expect(LABELS.map((label) => valueOf(perLabel(label)))).toEqual([3 / 4, 1 / 2, 1 / 3, 0]);
    expectFraction(perLabel('person'), 3, 4);
    expectFraction(perLabel('place'), 1, 2);
    expectFraction(perLabel('policy'), 1, 3);
    expectFraction(perLabel('metric'), 0, 1);
  });
});
