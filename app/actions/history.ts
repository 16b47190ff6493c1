import { applyChange, type Change, isEmptyChange, type SpanEdit } from '../../src/db';
import { useWorkbench } from '../store';
import { HISTORY_LIMIT } from '../store/historySlice';

/** Records a change that has already been written, so Ctrl+Z can take it back as one step. */
export function recordChange(change: Change): void {
  if (isEmptyChange(change)) return;
  useWorkbench.setState((state) => ({
    undoStack: [...state.undoStack.slice(-(HISTORY_LIMIT - 1)), change],
    redoStack: [],
  }));
}

export function recordHistory(edits: readonly SpanEdit[]): void {
  recordChange({ edits });
}

function reveal(change: Change): void {
  // Undoing an edit made on another document brings that document back into view.
  const documents = new Set([...change.edits, ...(change.rejections ?? [])].map((edit) => edit.documentId));
  const [only] = documents;
  if (only !== undefined && documents.size === 1) useWorkbench.setState({ documentId: only });
}

export async function undo(): Promise<void> {
  const change = useWorkbench.getState().undoStack.at(-1);
  if (!change) return;
  useWorkbench.setState((state) => ({ undoStack: state.undoStack.slice(0, -1), redoStack: [...state.redoStack, change], focusedSpanId: null }));
  await applyChange(change, 'undo');
  reveal(change);
}

export async function redo(): Promise<void> {
  const change = useWorkbench.getState().redoStack.at(-1);
  if (!change) return;
  useWorkbench.setState((state) => ({ redoStack: state.redoStack.slice(0, -1), undoStack: [...state.undoStack, change] }));
  await applyChange(change, 'redo');
  reveal(change);
}
