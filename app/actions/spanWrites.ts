import type { Span } from '../../src/core/types';
import type { LayerChange } from '../../src/core/layerChange';
import { editSpans, writeSpans } from '../../src/db';
import { noteLineage } from '../../src/core/spanLineage';
import { noteNotWritten, noteStored, noteWritten, shownLayer } from '../hooks/openAnnotation';
import { useWorkbench } from '../store';
import { recordChange } from './history';
import { trackWrite } from './writesInFlight';

/**
 * Writes a span edit, records it for undo and hands the layer to the editor for immediate
 * painting. An edit of the layer on screen is made on what the screen shows and stored as one
 * small record (`editSpans`): the write is issued before this yields, so the span is painted in
 * the next frame and stored right after, and a tab closed in between keeps it. `onWritten` runs
 * in the same tick as the layer is shown, so its state changes land in the same render as the
 * spans (one render per edit); it gets the promise of the write.
 */
export function commitSpans(...edit: Parameters<typeof commitNow>): Promise<LayerChange | null> {
  // Undo waits for it: the edit's step is recorded once it is stored (writesInFlight.ts).
  return trackWrite(commitNow(...edit));
}

async function commitNow(
  documentId: string,
  annotator: string,
  change: (spans: readonly Span[]) => Span[] | null,
  onWritten?: (stored: Promise<void>) => void,
): Promise<LayerChange | null> {
  const shown = shownLayer(documentId, annotator);
  const { projectId } = useWorkbench.getState();
  if (shown === undefined || projectId === null) return writeWhole(documentId, annotator, change, onWritten);
  const edit = editSpans(shown, { documentId, annotator, projectId }, change);
  if (!edit) return null;
  // What the screen derived from the old list (lanes, blocks, words) is updated, not redone.
  if (shown !== null) noteLineage(edit.row.spans, { from: shown.spans, added: edit.change.added, removed: edit.change.removed });
  onWritten?.(edit.persisted);
  noteWritten(edit.row);
  try {
    await edit.persisted;
  } catch (error) {
    noteNotWritten(documentId, annotator, shown);
    throw error;
  }
  noteStored(edit.row);
  recordChange({ layers: [edit.change] });
  return edit.change;
}

/** A layer not on screen (or not read yet): read, changed and written in one transaction. */
async function writeWhole(
  documentId: string,
  annotator: string,
  change: (spans: readonly Span[]) => Span[] | null,
  onWritten?: (stored: Promise<void>) => void,
): Promise<LayerChange | null> {
  const written = await writeSpans(documentId, annotator, change);
  if (!written) return null;
  onWritten?.(Promise.resolve());
  noteWritten(written.row);
  noteStored(written.row);
  recordChange({ layers: [written.change] });
  return written.change;
}
