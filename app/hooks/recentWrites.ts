import { useSyncExternalStore } from 'react';
import type { AnnotationRow } from '../../src/db/schema';

/**
 * The annotation row this tab wrote last. After an edit the row is already in hand, so the editor
 * paints it at once instead of waiting for the live query to read 5,000 spans back from
 * IndexedDB; the live query remains the truth and takes over when it catches up.
 */
let latest: AnnotationRow | null = null;
const listeners = new Set<() => void>();

export function noteWritten(row: AnnotationRow): void {
  latest = row;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRecentWrite(documentId: string | null, annotator: string): AnnotationRow | null {
  const row = useSyncExternalStore(subscribe, () => latest);
  return row && row.documentId === documentId && row.annotator === annotator ? row : null;
}
