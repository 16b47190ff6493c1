import { sortSpans } from '../core/spans';
import type { DocumentStatus, Span } from '../core/types';
import { labelKeysOf, type AnnotationRow } from './schema';

export function distinctLabels(spans: readonly Span[]): string[] {
  return [...new Set(spans.map((span) => span.label))].sort();
}

/** A layer as stored: spans sorted, with the label keys its indexes are built on. */
export function annotationRow(
  documentId: string,
  annotator: string,
  projectId: string,
  spans: readonly Span[],
  status: DocumentStatus,
  rejected: readonly string[] = [],
): AnnotationRow {
  const sorted = sortSpans(spans);
  const labels = distinctLabels(sorted);
  return {
    documentId,
    annotator,
    projectId,
    spans: sorted,
    status,
    labels,
    labelKeys: labelKeysOf(projectId, annotator, labels),
    rejected: [...rejected],
    updatedAt: Date.now(),
    // The layer store sets the revision of what it writes.
    revision: 0,
  };
}
