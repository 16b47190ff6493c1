/**
 * A number that may be undefined. REVIEW.md: an undefined value is shown as "n/a" with its reason,
 * never silently as 1 (or 0), so the reason travels with the missing value.
 */
export type Measure = { readonly value: number; readonly reason: null } | { readonly value: null; readonly reason: string };

export function measured(value: number): Measure {
  return { value, reason: null };
}

export function undefinedBecause(reason: string): Measure {
  return { value: null, reason };
}

/** `numerator / denominator`, or n/a with `reason` when the denominator is 0. */
export function ratio(numerator: number, denominator: number, reason: string): Measure {
  return denominator === 0 ? undefinedBecause(reason) : measured(numerator / denominator);
}

/** The mean of the defined values; n/a when none is defined. */
export function meanOfDefined(measures: readonly Measure[], reason: string): Measure {
  const values = measures.flatMap((measure) => (measure.value === null ? [] : [measure.value]));
  if (values.length === 0) return undefinedBecause(reason);
  return measured(values.reduce((sum, value) => sum + value, 0) / values.length);
}
