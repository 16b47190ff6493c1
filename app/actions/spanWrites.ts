import type { Span } from '../../src/core/types';
import { writeSpans, type SpanEdit } from '../../src/db';
import { noteWritten } from '../hooks/openAnnotation';
import { recordHistory } from './history';

/**
 * Writes a span edit, records it for undo and hands the stored row to the editor for immediate
 * painting. `onWritten` runs in the same tick, so its state changes land in the same render as
 * the spans: one render per edit, not one per state change.
 */
export async function commitSpans(
  documentId: string,
  annotator: string,
  change: (spans: readonly Span[]) => Span[] | null,
  onWritten?: () => void,
): Promise<SpanEdit | null> {
  const written = await writeSpans(documentId, annotator, change);
  if (!written) return null;
  onWritten?.();
  noteWritten(written.row);
  recordHistory([written.edit]);
  return written.edit;
}
