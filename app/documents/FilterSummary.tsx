import { clearFilters } from '../actions/filters';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';
import type { FilteredDocuments } from './useFilteredDocuments';

/** "N of M documents", the search's progress, and a way back to the whole list. */
export function FilterSummary({ result }: { result: FilteredDocuments }) {
  const t = useT();
  const language = useWorkbench((state) => state.language);
  if (!result.filtered) return null;
  const number = new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-US');
  const { search } = result;
  const searching = search !== null && !search.done;
  const percent = search === null || search.total === 0 ? 0 : Math.floor((search.scanned / search.total) * 100);
  const empty = result.ids.length === 0 && !searching && !result.pending;
  return (
    <div className="filter-summary">
      {/* The live region holds the count only: the search's percentage stays out, so it is not read out at every tick. */}
      <span aria-live="polite">
        <span className="filter-count">{t('documents.matchCount', { count: number.format(result.ids.length), total: number.format(result.total) })}</span>
        {empty ? <span className="filter-empty">{t('documents.noMatches')}</span> : null}
      </span>
      {searching ? <span className="filter-searching">{t('documents.searching', { percent })}</span> : null}
      <button type="button" className="link-button" onClick={clearFilters}>
        {t('documents.clearFilters')}
      </button>
    </div>
  );
}
