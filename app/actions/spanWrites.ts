import type { Span } from '../../src/core/types';
import { writeSpans, type SpanEdit } from '../../src/db/annotations';
import { noteWritten } from '../hooks/recentWrites';

/** Writes a span edit and hands the stored row to the editor for immediate painting. */
export async function commitSpans(documentId: string, annotator: string, change: (spans: readonly Span[]) => Span[] | null): Promise<SpanEdit | null> {
  const written = await writeSpans(documentId, annotator, change);
  if (!written) return null;
  noteWritten(written.row);
  return written.edit;
}
