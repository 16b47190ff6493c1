import type { StateCreator } from 'zustand';
import type { SpanEdit } from '../../src/db/annotations';
import type { WorkbenchState } from './index';

/** One undoable step: one or more annotations changed together (e.g. "tag every occurrence"). */
export interface HistoryEntry {
  edits: readonly SpanEdit[];
}

export interface HistorySlice {
  undoStack: readonly HistoryEntry[];
  redoStack: readonly HistoryEntry[];
}

export const HISTORY_LIMIT = 500;

export const createHistorySlice: StateCreator<WorkbenchState, [], [], HistorySlice> = () => ({
  undoStack: [],
  redoStack: [],
});
