import type { StateCreator } from 'zustand';
import type { DocumentStatus } from '../../src/core/types';
import type { WorkbenchState } from './index';

/**
 * What the Documents list is narrowed to: UI state only. The matching ids are derived from it (and
 * IndexedDB) by app/documents/useFilteredDocuments.ts, never stored here.
 */
export interface DocumentFilters {
  /** The current annotator's status; null shows every status. */
  status: DocumentStatus | null;
  /** A label used in the layer of `annotator` (anyone's when that is null); null: any. */
  label: string | null;
  /** Only documents this annotator has a layer on; null: anyone. */
  annotator: string | null;
  /** Searched in titles and texts; blank: no search. */
  text: string;
}

export const NO_DOCUMENT_FILTERS: DocumentFilters = { status: null, label: null, annotator: null, text: '' };

export interface FilterSlice {
  documentFilters: DocumentFilters;
}

export const createFilterSlice: StateCreator<WorkbenchState, [], [], FilterSlice> = () => ({
  documentFilters: NO_DOCUMENT_FILTERS,
});
