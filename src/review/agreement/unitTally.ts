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

/**
 * The same tally over characters given as category ids, one array per annotator (every annotator
 * of S has a layer on each document added). Σ_k n_uk² is Σ over the unit's values of how many
 * values equal it, which for a handful of annotators is cheaper than counting into a map.
 */
export class CategoryUnitTally {
  /** Documents added. */
  documents = 0;
  private units = 0;
  private valuesPerUnit: number | null | undefined;
  private sumOfSquares = 0;
  /** Σ (m² − Σ_k n_uk²), divided by (m − 1) per unit size at the end. */
  private readonly disagreeing = new Map<number, number>();
  private readonly totals: number[] = [];

  add(layers: readonly Int32Array[]): void {
    const m = layers.length;
    const length = Math.min(...layers.map((categories) => categories.length));
    this.documents++;
    if (m === 0 || length <= 0) return;
    this.valuesPerUnit = this.valuesPerUnit === undefined ? m : this.valuesPerUnit === m ? m : null;
    let squares = 0;
    for (let i = 0; i < length; i++) {
      for (let x = 0; x < m; x++) {
        const category = layers[x]?.[i] ?? 0;
        this.totals[category] = (this.totals[category] ?? 0) + 1;
        for (let y = 0; y < m; y++) if ((layers[y]?.[i] ?? 0) === category) squares++;
      }
    }
    this.units += length;
    this.sumOfSquares += squares;
    if (m >= 2) this.disagreeing.set(m, (this.disagreeing.get(m) ?? 0) + length * m * m - squares);
  }

  /** As `tallyUnits` gives it, categories named by `names`. */
  tally(names: readonly string[]): UnitTally {
    const categoryTotals = new Map<string, number>();
    this.totals.forEach((count, category) => categoryTotals.set(names[category] ?? String(category), count));
    let disagreeingCoincidences = 0;
    for (const [m, sum] of this.disagreeing) disagreeingCoincidences += sum / (m - 1);
    return {
      units: this.units,
      valuesPerUnit: this.valuesPerUnit ?? null,
      sumOfSquares: this.sumOfSquares,
      disagreeingCoincidences,
      pairableTotals: categoryTotals,
      categoryTotals,
    };
  }
}
