import type { StateCreator } from 'zustand';
import type { WorkbenchState } from './index';

/** The review view's session state; decisions themselves live in IndexedDB with the gold layer. */
export interface ReviewSlice {
  /** Compared annotators the reviewer switched on or off; the rest follow the default (all but `gold`). */
  comparedChoice: Readonly<Record<string, boolean>>;
  blind: boolean;
  /** The focused cluster of the open document (its id, see src/review/clusters.ts). */
  focusedClusterId: string | null;
  /** After J / K opened another document: focus its first (or last) open cluster once it is read. */
  pendingClusterFocus: 'first' | 'last' | null;
  /** The Documents list shows only documents with open clusters (review view). */
  onlyOpenClusters: boolean;
  /** The auto-merge dialog is open. */
  mergeOpen: boolean;
}

export const createReviewSlice: StateCreator<WorkbenchState, [], [], ReviewSlice> = () => ({
  comparedChoice: {},
  blind: false,
  focusedClusterId: null,
  pendingClusterFocus: null,
  onlyOpenClusters: false,
  mergeOpen: false,
});
