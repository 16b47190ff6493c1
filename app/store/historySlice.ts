import type { StateCreator } from 'zustand';
import type { Change } from '../../src/db';
import type { WorkbenchState } from './index';

export interface HistorySlice {
  undoStack: readonly Change[];
  redoStack: readonly Change[];
}

export const HISTORY_LIMIT = 500;

export const createHistorySlice: StateCreator<WorkbenchState, [], [], HistorySlice> = () => ({
  undoStack: [],
  redoStack: [],
});
