import type { Span } from '../../src/core/types';
import type { LayerChange } from '../../src/core/layerChange';
import { writeSpans } from '../../src/db';
import { noteWritten } from '../hooks/openAnnotation';
import { recordChange } from './history';

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
): Promise<LayerChange | null> {
  const written = await writeSpans(documentId, annotator, change);
  if (!written) return null;
  onWritten?.();
  noteWritten(written.row);
  recordChange({ layers: [written.change] });
  return written.change;
}
