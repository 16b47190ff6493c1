import type { DocumentFilters } from '../store/filterSlice';

/**
 * Whose statuses the Documents list shows, counts as done and filters by status: the annotator its
 * Annotator filter names, so a reviewer looking at alice's documents sees alice's progress, and
 * this browser's annotator otherwise.
 */
export function listAnnotator(filters: DocumentFilters, current: string): string {
  return filters.annotator ?? current;
}
