import { saveSpans, type SpanEdit } from '../../src/db/annotations';
import { useWorkbench } from '../store';
import { HISTORY_LIMIT, type HistoryEntry } from '../store/historySlice';

export function recordHistory(edits: readonly SpanEdit[]): void {
  if (edits.length === 0) return;
  useWorkbench.setState((state) => ({
    undoStack: [...state.undoStack.slice(-(HISTORY_LIMIT - 1)), { edits }],
    redoStack: [],
  }));
}

async function replay(entry: HistoryEntry, direction: 'undo' | 'redo'): Promise<void> {
  for (const edit of entry.edits) {
    await saveSpans(edit.documentId, edit.annotator, direction === 'undo' ? edit.before : edit.after);
  }
  // Undoing an edit made elsewhere brings its document back into view, so the change is seen.
  const shown = entry.edits[0]?.documentId;
  if (shown !== undefined && entry.edits.length === 1) useWorkbench.setState({ documentId: shown });
}

export async function undo(): Promise<void> {
  const entry = useWorkbench.getState().undoStack.at(-1);
  if (!entry) return;
  useWorkbench.setState((state) => ({ undoStack: state.undoStack.slice(0, -1), redoStack: [...state.redoStack, entry], focusedSpanId: null }));
  await replay(entry, 'undo');
}

export async function redo(): Promise<void> {
  const entry = useWorkbench.getState().redoStack.at(-1);
  if (!entry) return;
  useWorkbench.setState((state) => ({ redoStack: state.redoStack.slice(0, -1), undoStack: [...state.undoStack, entry] }));
  await replay(entry, 'redo');
}
