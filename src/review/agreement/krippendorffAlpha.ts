/**
 * Krippendorff's α, nominal, from the coincidence matrix: every ordered pair of values within a
 * unit of `m_u ≥ 2` values adds `1 / (m_u − 1)` to `o_ck`; `n_c = Σ_k o_ck`, `n = Σ_c n_c`;
 * `α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k`. Units with one value cannot be paired and
 * are left out; n/a when the pairable values all fall in one category.
 */
import { measured, undefinedBecause, type Measure } from './measure';
import { tallyUnits, type UnitTally } from './unitTally';

export function krippendorffAlpha(units: Iterable<readonly string[]>): Measure {
  return alphaFromTally(tallyUnits(units));
}

export function alphaFromTally(tally: Pick<UnitTally, 'pairableTotals' | 'disagreeingCoincidences'>): Measure {
  let n = 0;
  let sumSquares = 0;
  for (const count of tally.pairableTotals.values()) {
    n += count;
    sumSquares += count * count;
  }
  if (n === 0) return undefinedBecause('no unit has two values to compare');
  const expectedDisagreement = n * n - sumSquares; // Σ_{c≠k} n_c n_k
  if (expectedDisagreement === 0) return undefinedBecause('every value is the same category: no variation to agree on');
  return measured(1 - ((n - 1) * tally.disagreeingCoincidences) / expectedDisagreement);
}
