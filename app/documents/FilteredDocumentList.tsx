import { useEffect, useMemo } from 'react';
import { useProject } from '../hooks/data';
import { useKnownAnnotators } from '../hooks/knownAnnotators';
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

  const result = useFilteredDocuments(projectId, documentIds);
  const searching = result.search !== null && !result.search.done;
  const { ids, total, filtered, pending } = result;
  useEffect(() => {
    setListedDocuments({ all: documentIds, shown: filtered ? ids : null });
    return () => setListedDocuments(null);
  }, [documentIds, filtered, ids]);
  const report = useMemo<FilteredDetail | null>(() => (pending ? null : { count: ids.length, total, filtered, searching }), [pending, ids, total, filtered, searching]);

  return (
    <>
      <DocumentFilters labels={labels} annotators={annotators} />
      <FilterSummary result={result} />
      <DocumentList documentIds={ids} scrollKey={JSON.stringify(filters)} report={report} />
    </>
  );
}
