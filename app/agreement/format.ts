/** A metric value as the view shows it: three decimals, or `n/a` (REVIEW.md: never 1 for undefined). */
export function formatValue(value: number | null | undefined, na: string): string {
  return value === null || value === undefined ? na : value.toFixed(3);
}

/** A share as a percentage with one decimal. */
export function formatShare(value: number | null | undefined, na: string): string {
  return value === null || value === undefined ? na : `${(value * 100).toFixed(1)}%`;
}
