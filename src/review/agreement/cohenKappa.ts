/**
 * Cohen's κ over characters for one pair, pooled over the pair's documents:
 * `p_o` = share of characters with equal categories, `p_e = Σ_k (n_a,k / N)(n_b,k / N)`,
 * `κ = (p_o − p_e) / (1 − p_e)`, n/a when `p_e = 1` (both annotators used one same category
 * everywhere: agreement is then total but says nothing). κ rises with untagged text, so the share
 * of `O` characters is reported beside it.
 */
import { OffsetMap } from '../../core/offsets';
import { characterCategories, UNTAGGED } from './characterCategories';
import { measured, ratio, undefinedBecause, type Measure } from './measure';
import type { PairDocument } from './pairDocument';

export interface CohenKappa {
  readonly kappa: Measure;
  /** Characters compared (code points). */
  readonly characters: number;
  /** Share of the 2·N category assignments that are `O`. */
  readonly untaggedShare: Measure;
}

export function cohenKappa(documents: readonly PairDocument[]): CohenKappa {
  const countsA = new Map<string, number>();
  const countsB = new Map<string, number>();
  let agreed = 0;
  let characters = 0;
  for (const document of documents) {
    const offsets = new OffsetMap(document.text);
    const categoriesA = characterCategories(document.text, document.a, offsets);
    const categoriesB = characterCategories(document.text, document.b, offsets);
    categoriesA.forEach((categoryA, i) => {
      const categoryB = categoriesB[i] ?? UNTAGGED;
      if (categoryA === categoryB) agreed++;
      countsA.set(categoryA, (countsA.get(categoryA) ?? 0) + 1);
      countsB.set(categoryB, (countsB.get(categoryB) ?? 0) + 1);
    });
    characters += categoriesA.length;
  }
  const untaggedShare = ratio((countsA.get(UNTAGGED) ?? 0) + (countsB.get(UNTAGGED) ?? 0), 2 * characters, 'no characters to compare');
  if (characters === 0) return { kappa: undefinedBecause('no characters to compare'), characters, untaggedShare };
  // In integer counts: κ = (N·agreed − Σ n_a,k·n_b,k) / (N² − Σ n_a,k·n_b,k), exact until the last division.
  let expected = 0;
  for (const [category, countA] of countsA) expected += countA * (countsB.get(category) ?? 0);
  const denominator = characters * characters - expected;
  const kappa =
    denominator === 0
      ? undefinedBecause('chance agreement is 1: both layers give every character the same single category')
      : measured((characters * agreed - expected) / denominator);
  return { kappa, characters, untaggedShare };
}
