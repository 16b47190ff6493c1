import type { StateCreator } from 'zustand';
import type { DocumentStatus } from '../../src/core/types';
import type { DisagreementFilter } from '../../src/review';
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
  /**
   * Set by a click on an agreement number: the review view compares only the filter's annotators
   * and shows, counts and walks only the clusters it matches, until the reviewer clears it.
   */
  reviewFilter: DisagreementFilter | null;
  /** Agreement scope: layer statuses that count (null: any status). */
  agreementStatuses: readonly DocumentStatus[] | null;
  /** Agreement scope: labels that count (null: every label). */
  agreementLabels: readonly string[] | null;
  /** What the Pairwise agreement table shows. */
  agreementMetric: 'exactF1' | 'boundaryF1' | 'overlapF1' | 'cohenKappa';
}

export const createReviewSlice: StateCreator<WorkbenchState, [], [], ReviewSlice> = () => ({
  comparedChoice: {},
  blind: false,
  focusedClusterId: null,
  pendingClusterFocus: null,
  onlyOpenClusters: false,
  mergeOpen: false,
  reviewFilter: null,
  agreementStatuses: ['done'],
  agreementLabels: null,
  agreementMetric: 'exactF1',
});
