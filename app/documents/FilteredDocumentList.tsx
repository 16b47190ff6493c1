import { useEffect, useMemo } from 'react';
import { useProject } from '../hooks/data';
import { useKnownAnnotators } from '../hooks/knownAnnotators';
import { useReviewSummary } from '../review/reviewSummary';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';
import { DocumentFilters } from './DocumentFilters';
import { DocumentList } from './DocumentList';
import type { FilteredDetail } from './filteredMark';
import { FilterSummary } from './FilterSummary';
import { listAnnotator } from './listAnnotator';
import { setListedDocuments } from './listedDocuments';
import { useFilteredDocuments } from './useFilteredDocuments';
import { useWarmIndex } from './useWarmIndex';

const NONE: readonly string[] = [];

/** The filters, their summary and the list they narrow, for a project that has documents. */
export function FilteredDocumentList({ projectId, documentIds }: { projectId: string; documentIds: readonly string[] }) {
  const filters = useWorkbench((state) => state.documentFilters);
  // The statuses warmed ahead are those the list shows.
  const annotator = useWorkbench((state) => listAnnotator(state.documentFilters, state.annotator));
  const project = useProject();
  const labels = useMemo(() => project?.labels.map((label) => label.name) ?? NONE, [project]);
  const annotators = useKnownAnnotators();
  useWarmIndex(projectId, annotator, labels, annotators, documentIds.length);

  const t = useT();
  const result = useFilteredDocuments(projectId, documentIds);
  const searching = result.search !== null && !result.search.done;
  const { total, pending } = result;
  // The review view can narrow the list to documents with open clusters.
  const reviewing = useWorkbench((state) => state.view === 'review');
  const onlyOpen = useWorkbench((state) => state.onlyOpenClusters) && reviewing;
  const summary = useReviewSummary();
  const ids = useMemo(
    () => (onlyOpen && summary ? result.ids.filter((id) => (summary.byDocument[id] ?? 0) > 0) : result.ids),
    [onlyOpen, summary, result.ids],
  );
  const filtered = result.filtered || onlyOpen;
  useEffect(() => {
    setListedDocuments({ all: documentIds, shown: filtered ? ids : null });
    return () => setListedDocuments(null);
  }, [documentIds, filtered, ids]);
  const report = useMemo<FilteredDetail | null>(() => (pending ? null : { count: ids.length, total, filtered, searching }), [pending, ids, total, filtered, searching]);

  return (
    <>
      <DocumentFilters labels={labels} annotators={annotators} />
      {reviewing ? (
        <label className="only-open-clusters">
          <input type="checkbox" checked={onlyOpen} onChange={(event) => useWorkbench.setState({ onlyOpenClusters: event.target.checked })} />
          {t('review.onlyOpen')}
        </label>
      ) : null}
      <FilterSummary result={result} />
      <DocumentList documentIds={ids} scrollKey={JSON.stringify(filters)} report={report} />
    </>
  );
}
