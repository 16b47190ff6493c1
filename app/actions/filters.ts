import type { DocumentStatus } from '../../src/core/types';
import { useWorkbench } from '../store';
import { NO_DOCUMENT_FILTERS, type DocumentFilters } from '../store/filterSlice';

function update(change: Partial<DocumentFilters>): void {
  useWorkbench.setState((state) => ({ documentFilters: { ...state.documentFilters, ...change } }));
}

export function setStatusFilter(status: DocumentStatus | null): void {
  update({ status });
}

export function setLabelFilter(label: string | null): void {
  update({ label });
}

export function setAnnotatorFilter(annotator: string | null): void {
  update({ annotator });
}

export function setSearchText(text: string): void {
  update({ text });
}

export function clearFilters(): void {
  useWorkbench.setState({ documentFilters: NO_DOCUMENT_FILTERS });
}

/** True when any filter narrows the list (a blank search does not). */
export function isFiltering(filters: DocumentFilters): boolean {
  return filters.status !== null || filters.label !== null || filters.annotator !== null || filters.text.trim() !== '';
}
