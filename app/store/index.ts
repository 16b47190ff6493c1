import { create } from 'zustand';
import { createEditorSlice, type EditorSlice } from './editorSlice';
import { createFilterSlice, type FilterSlice } from './filterSlice';
import { createHistorySlice, type HistorySlice } from './historySlice';
import { createImportSlice, type ImportSlice } from './importSlice';
import { createReviewSlice, type ReviewSlice } from './reviewSlice';
import { createSessionSlice, type SessionSlice } from './sessionSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';

/**
 * Session and UI state only. Persisted data (projects, documents, spans) lives in IndexedDB and is
 * read with useLiveQuery; nothing derived from it is kept here. Actions live in app/actions and
 * are plain functions over `useWorkbench.setState`, callable from anywhere.
 */
export type WorkbenchState = SessionSlice & EditorSlice & HistorySlice & ImportSlice & UiSlice & FilterSlice & ViewSlice & ReviewSlice;

export const useWorkbench = create<WorkbenchState>()((...args) => ({
  ...createSessionSlice(...args),
  ...createEditorSlice(...args),
  ...createHistorySlice(...args),
  ...createImportSlice(...args),
  ...createUiSlice(...args),
  ...createFilterSlice(...args),
  ...createViewSlice(...args),
  ...createReviewSlice(...args),
}));
