/**
 * Fleiss' κ over units that each received the same number `m ≥ 2` of category values (here:
 * characters, one value per annotator of S). `P_i = Σ_k n_ik(n_ik − 1) / (m(m − 1))`, `P̄` their
 * mean, `P̄_e = Σ_k p_k²`, `κ = (P̄ − P̄_e) / (1 − P̄_e)`; n/a when `P̄_e = 1`.
 */
import { measured, undefinedBecause, type Measure } from './measure';
import { tallyUnits, type UnitTally } from './unitTally';

export function fleissKappa(units: Iterable<readonly string[]>): Measure {
  return fleissFromTally(tallyUnits(units));
}

export function fleissFromTally(tally: UnitTally): Measure {
  if (tally.units === 0) return undefinedBecause('no characters to compare');
  if (tally.valuesPerUnit === null) return undefinedBecause('units have different numbers of values');
  const m = tally.valuesPerUnit;
  if (m < 2) return undefinedBecause('fewer than two annotators');
  const total = tally.units * m;
  // Exact integer sums; divide once at the end.
  const agreementPairs = tally.sumOfSquares - total; // Σ_i Σ_k n_ik(n_ik − 1)
  let sumSquaredTotals = 0;
  for (const count of tally.categoryTotals.values()) sumSquaredTotals += count * count;
  const pBar = agreementPairs / (tally.units * m * (m - 1));
  const pBarE = sumSquaredTotals / (total * total);
  if (sumSquaredTotals === total * total) return undefinedBecause('chance agreement is 1: every value is the same category');
  return measured((pBar - pBarE) / (1 - pBarE));
}
