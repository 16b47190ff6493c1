/**
 * `spanwright:documents-filtered`: the Documents list has painted the result of its filters (titles
 * of the visible entries included). The bench times filter changes by it; `searching` is true while
 * a text search is still scanning, so its first and its last mark give time-to-first-results and
 * time-to-complete.
 */
export interface FilteredDetail {
  count: number;
  total: number;
  filtered: boolean;
  searching: boolean;
}

export const MARK_DOCUMENTS_FILTERED = 'spanwright:documents-filtered';

export function markDocumentsFiltered(detail: FilteredDetail): void {
  performance.mark(MARK_DOCUMENTS_FILTERED, { detail });
}

/**
 * `spanwright:documents-index-warmed`: the search worker has asked ahead every criterion the
 * filters offer and loaded the titles; `detail.steps` says what each cost (a filter's first use
 * costs as much when it comes before this).
 */
export const MARK_DOCUMENTS_INDEX_WARMED = 'spanwright:documents-index-warmed';

export function markIndexWarmed(steps: readonly { key: string; ms: number }[]): void {
  performance.mark(MARK_DOCUMENTS_INDEX_WARMED, { detail: { ms: steps.reduce((sum, step) => sum + step.ms, 0), steps } });
}
