/**
 * The review engine: clusters of candidates across annotators, auto-merge strategies, the
 * reviewer's decisions and the gold layer they build, and every agreement metric of REVIEW.md.
 * Pure and framework-free: plain data in, plain data out, so it runs the same in a worker.
 *
 * Rules chosen where REVIEW.md is silent (each is also documented at its code):
 * - "Reject the others" rejects undecided candidates overlapping one that *this* merge accepts;
 *   a candidate accepted earlier by hand does not make a merge reject its neighbours.
 * - With `discardDecisions`, every earlier decision of the document is dropped, then the merge runs.
 * - Taking the version of an annotator who proposed nothing in a cluster rejects every candidate there.
 * - Decisions own gold spans of origin `accepted`; hand spans (`edited`, `added`) are never removed
 *   by a decision, and an edited span keeps its candidate from being materialised again.
 * - A layer is a set: duplicate `(start, end, label)` count once. Boundary F1 counts ranges as a
 *   multiset (one range under two labels is two spans), so |A| stays the layer's span count.
 * - The mean of pairs is over the pairs with a defined value; n/a when none has one.
 * - The share of `O` shown with Cohen's κ is over both layers' category assignments (2·N).
 * - Against gold: a document is adjudicated when its gold layer is in the status scope.
 * - A layer without a status counts only when any status is selected.
 */
export * from './agreement';
export { collectCandidates, overlaps, parseCandidateKey } from './candidates';
export { clusterKinds } from './clusterKinds';
export { clusterDocument } from './clusters';
export {
  acceptVersionOf,
  decideCandidate,
  decisionsByKey,
  isOpen,
  rejectCluster,
  withDecisions,
  type DecisionStamp,
  type Decisions,
} from './decide';
export {
  addGoldSpan,
  applyDecision,
  applyDecisions,
  editGoldSpan,
  goldSpansFromDecisions,
  undoDecision,
  undoDecisions,
  type DecisionUndo,
} from './gold';
export { annotatorPairs, presentAnnotators } from './layers';
export {
  applyMerge,
  mergeDocument,
  mergeDocuments,
  type DocumentMerge,
  type MergeDocumentInput,
  type MergeOptions,
  type MergePreview,
  type MergeResult,
} from './merge';
export { compareStrings } from './order';
export { MAJORITY_OF_THREE, strategyAccepts, type MergeStrategy } from './strategies';
export * from './types';
export { applyGoldChange, EMPTY_GOLD, goldChangeOf, isEmptyGoldChange, type DecisionChange, type GoldChange } from './goldChange';
export { openClusterCount, openClusters, type OpenClusters, type ReviewInput } from './summary';
export { annotatorOrder, textRuns, type RangeLike } from './display';
