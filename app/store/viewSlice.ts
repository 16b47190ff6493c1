import type { StateCreator } from 'zustand';
import { DEFAULT_VIEW, type View } from '../routing/route';
import type { WorkbenchState } from './index';

export interface ViewSlice {
  /**
   * The main view the URL hash names (`#/annotate/…`, `#/review/…`, `#/agreement/…`). Set by
   * app/routing/navigation.ts together with the hash; only the annotate screen exists so far.
   */
  view: View;
}

export const createViewSlice: StateCreator<WorkbenchState, [], [], ViewSlice> = () => ({
  view: DEFAULT_VIEW,
});
