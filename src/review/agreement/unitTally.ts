/**
 * What Fleiss' κ and Krippendorff's α need from their units, accumulated in one pass so that
 * millions of characters never sit in memory as arrays: per-category totals and, per unit, the
 * sum of squared category counts (`Σ_k n_uk²`).
 */
export interface UnitTally {
  readonly units: number;
  /** The common number of values per unit, or null when units differ (Fleiss needs it constant). */
  readonly valuesPerUnit: number | null;
  /** Σ over units of Σ_k n_uk². */
  readonly sumOfSquares: number;
  /** Σ over pairable units (m_u ≥ 2) of (m_u² − Σ_k n_uk²) / (m_u − 1): Krippendorff's disagreeing coincidences. */
  readonly disagreeingCoincidences: number;
  /** Values in pairable units, per category. */
  readonly pairableTotals: ReadonlyMap<string, number>;
  /** Values in all units, per category. */
  readonly categoryTotals: ReadonlyMap<string, number>;
}

export function tallyUnits(units: Iterable<readonly string[]>): UnitTally {
  let count = 0;
  let valuesPerUnit: number | null | undefined;
  let sumOfSquares = 0;
  let disagreeingCoincidences = 0;
  const pairableTotals = new Map<string, number>();
  const categoryTotals = new Map<string, number>();
  const inUnit = new Map<string, number>();
  for (const unit of units) {
    count++;
    const m = unit.length;
    valuesPerUnit = valuesPerUnit === undefined ? m : valuesPerUnit === m ? m : null;
    inUnit.clear();
    for (const value of unit) inUnit.set(value, (inUnit.get(value) ?? 0) + 1);
    let squares = 0;
    for (const [category, n] of inUnit) {
      squares += n * n;
      categoryTotals.set(category, (categoryTotals.get(category) ?? 0) + n);
      if (m >= 2) pairableTotals.set(category, (pairableTotals.get(category) ?? 0) + n);
    }
    sumOfSquares += squares;
    if (m >= 2) disagreeingCoincidences += (m * m - squares) / (m - 1);
  }
  return { units: count, valuesPerUnit: valuesPerUnit ?? null, sumOfSquares, disagreeingCoincidences, pairableTotals, categoryTotals };
}
