import { isSorted, keptSorted, sortSpans } from '../core/spans';
import type { DocumentStatus, Span } from '../core/types';
import { labelKeysOf, type AnnotationRow } from './schema';

export function distinctLabels(spans: readonly Span[]): string[] {
  const labels = new Set<string>();
  for (const span of spans) labels.add(span.label);
  return [...labels].sort();
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
  // An edit's list is kept sorted (`foldLayerChanges`): copied, not sorted again.
  const sorted = isSorted(spans) ? keptSorted([...spans]) : sortSpans(spans);
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
