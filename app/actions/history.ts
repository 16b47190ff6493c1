import { applyChange, type Change, HISTORY_LIMIT, isEmptyChange, loadHistory, moveHistory, pushHistory } from '../../src/db';
import { translate } from '../i18n';
import { useWorkbench } from '../store';
import { showNotice } from './notices';
import { openDocument } from './session';
import { writesSettled } from './writesInFlight';

/**
 * Undo and redo. A step records what an edit changed (`Change`); undo applies its inverse to the
 * layers as they are now, so an import or another tab's edit made in between survives. Each
 * project and annotator has stacks of their own, kept in IndexedDB across reloads: switching the
 * Annotator field switches stacks, and undo never edits a layer the screen does not show.
 */

/**
 * Writes of the stacks, one after the other: a step is moved only after it was stored. The editor
 * does not wait for them; `historySaved` lets a test (or a closing tab) do so.
 */
let saving: Promise<void> = Promise.resolve();

function save(write: () => Promise<void>): void {
  saving = saving.then(write).catch((error: unknown) => {
    // Losing a step's copy in IndexedDB loses only undo after a reload; the edit itself is stored.
    console.error('Could not keep the undo history', error);
  });
}

export function historySaved(): Promise<void> {
  return saving;
}

/** Loads the stacks of the project and annotator on screen (call when either changes). */
export async function loadHistoryFor(projectId: string, annotator: string): Promise<void> {
  const stacks = await loadHistory(projectId, annotator);
  const state = useWorkbench.getState();
  // Another switch may have happened while reading.
  if (state.projectId !== projectId || state.annotator !== annotator) return;
  useWorkbench.setState({ undoStack: stacks.undo, redoStack: stacks.redo });
}

/** Records a step that has already been written, so Ctrl+Z can take it back. */
export function recordChange(change: Change): void {
  if (isEmptyChange(change)) return;
  const { projectId, annotator } = useWorkbench.getState();
  if (projectId === null) return;
  const entry = { id: crypto.randomUUID(), step: change };
  useWorkbench.setState((state) => ({ undoStack: [...state.undoStack.slice(-(HISTORY_LIMIT - 1)), entry], redoStack: [] }));
  // Kept for after a reload; the step is already on screen and in the stacks above.
  save(() => pushHistory(projectId, annotator, entry));
}

function reveal(change: Change): void {
  // Undoing an edit made on another document brings that document back into view.
  const documents = new Set([...change.layers, ...(change.gold ?? [])].map((layer) => layer.documentId));
  const [only] = documents;
  if (only !== undefined && documents.size === 1 && only !== useWorkbench.getState().documentId) openDocument(only);
}

function tellConflicts(conflicts: number, direction: 'undo' | 'redo'): void {
  const { language } = useWorkbench.getState();
  if (conflicts > 0) showNotice('error', translate(language, direction === 'undo' ? 'undoConflicts' : 'redoConflicts', { count: conflicts }));
}

export async function undo(): Promise<void> {
  await writesSettled();
  const entry = useWorkbench.getState().undoStack.at(-1);
  if (!entry) return;
  useWorkbench.setState((state) => ({ undoStack: state.undoStack.slice(0, -1), redoStack: [...state.redoStack, entry], focusedSpanId: null }));
  save(() => moveHistory(entry.id, 'redo'));
  const { conflicts } = await applyChange(entry.step, 'undo');
  reveal(entry.step);
  tellConflicts(conflicts, 'undo');
}

export async function redo(): Promise<void> {
  await writesSettled();
  const entry = useWorkbench.getState().redoStack.at(-1);
  if (!entry) return;
  useWorkbench.setState((state) => ({ redoStack: state.redoStack.slice(0, -1), undoStack: [...state.undoStack, entry] }));
  save(() => moveHistory(entry.id, 'undo'));
  const { conflicts } = await applyChange(entry.step, 'redo');
  reveal(entry.step);
  tellConflicts(conflicts, 'redo');
}
