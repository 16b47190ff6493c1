import { useMemo } from 'react';
import { hasIndexedCriteria, type DocumentFilter } from '../../src/db';
import { isFiltering } from '../actions/filters';
import { useWorkbench } from '../store';
import { onFilterAnswersChanged, searchWorker } from './searchClient';
import { useRefreshingQuery } from './useRefreshingQuery';
import { listAnnotator } from './listAnnotator';
import { useTextSearch } from './useTextSearch';

export interface FilteredDocuments {
  /** What the list shows, in reading order. */
  ids: readonly string[];
  /** Documents in the project. */
  total: number;
  filtered: boolean;
  /** The list still shows the previous filter's result (the index query is running). */
  pending: boolean;
  /** The text scan, while a search is typed; null without one. */
  search: { scanned: number; total: number; done: boolean } | null;
}

/**
 * The Documents list's ids under the current filters, derived (never stored): status, label and
 * annotator from the search worker's project index (asked again when a write changes its
 * answers); text from the worker's progressive finds, intersected with the former so the list
 * keeps reading order.
 */
export function useFilteredDocuments(projectId: string, allIds: readonly string[]): FilteredDocuments {
  const current = useWorkbench((state) => state.annotator);
  const filters = useWorkbench((state) => state.documentFilters);
  const filter: DocumentFilter = {
    projectId,
    // The status filter asks about the statuses the list shows.
    annotator: listAnnotator(filters, current),
    ...(filters.status === null ? {} : { status: filters.status }),
    ...(filters.label === null ? {} : { label: filters.label }),
    ...(filters.annotator === null ? {} : { annotatorWithLayer: filters.annotator }),
  };
  const indexed = hasIndexedCriteria(filter);
  // The id list's length and ends: it changes when an import adds documents or a rollback removes them.
  const generation = `${allIds.length}:${allIds[0] ?? ''}:${allIds.at(-1) ?? ''}`;
  const indexKey = `${JSON.stringify(filter)}@${generation}`;
  const importing = useWorkbench((state) => state.importPhase === 'running');
  const narrowed = useRefreshingQuery(indexKey, indexed ? () => searchWorker().filter(filter) : null, onFilterAnswersChanged, importing);
  const search = useTextSearch(projectId, filters.text, generation);

  const base = indexed ? (narrowed?.value ?? allIds) : allIds;
  const basePending = indexed && narrowed?.key !== indexKey;
  const ids = useMemo(() => (search === null ? base : base.filter((id) => search.found.has(id))), [base, search]);
  const filtered = isFiltering(filters);
  const pending = basePending || (search?.pending ?? false);
  const scan = search === null ? null : { scanned: search.scanned, total: search.total, done: search.done };
  return { ids, total: allIds.length, filtered, pending, search: scan };
}
