import type { StateCreator } from 'zustand';
import type { WorkbenchState } from './index';

export type NoticeKind = 'duplicate' | 'empty-selection' | 'no-selection' | 'error' | 'info';

export interface Notice {
  kind: NoticeKind;
  message: string;
  at: number;
}

export interface EditorSlice {
  /** The span that keyboard actions (Delete, relabel) apply to. */
  focusedSpanId: string | null;
  notice: Notice | null;
  /** Enter was pressed on a document without spans: the header asks before marking it done. */
  confirmingEmptyDone: boolean;
}

export const createEditorSlice: StateCreator<WorkbenchState, [], [], EditorSlice> = () => ({
  focusedSpanId: null,
  notice: null,
  confirmingEmptyDone: false,
});
