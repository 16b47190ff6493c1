import type { StateCreator } from 'zustand';
import type { HistoryEntry } from '../../src/db';
import type { WorkbenchState } from './index';

/**
 * The undo and redo stacks of the project and annotator on screen, loaded from IndexedDB when
 * either changes: steps are never applied under another annotator's name.
 */
export interface HistorySlice {
  undoStack: readonly HistoryEntry[];
  redoStack: readonly HistoryEntry[];
}

export const createHistorySlice: StateCreator<WorkbenchState, [], [], HistorySlice> = () => ({
  undoStack: [],
  redoStack: [],
});
