import { clearFilters } from '../actions/filters';
import { useT } from '../i18n/useT';
import type { FilteredDocuments } from './useFilteredDocuments';

/** "N of M documents", the search's progress, and a way back to the whole list. */
export function FilterSummary({ result }: { result: FilteredDocuments }) {
  const t = useT();
  if (!result.filtered) return null;
  const { search } = result;
  const searching = search !== null && !search.done;
  const percent = search === null || search.total === 0 ? 0 : Math.floor((search.scanned / search.total) * 100);
  const empty = result.ids.length === 0 && !searching && !result.pending;
  return (
    <div className="filter-summary">
      {/* The live region holds the count only: the search's percentage stays out, so it is not read out at every tick. */}
      <span aria-live="polite">
        <span className="filter-count">{t('documents.matchCount', { count: result.ids.length, total: result.total })}</span>
        {empty ? <span className="filter-empty">{t('documents.noMatches')}</span> : null}
      </span>
      {searching ? <span className="filter-searching">{t('documents.searching', { percent })}</span> : null}
      <button type="button" className="link-button" onClick={clearFilters}>
        {t('documents.clearFilters')}
      </button>
    </div>
  );
}
