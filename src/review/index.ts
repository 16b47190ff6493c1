/**
 * The review engine: clusters of candidates across annotators, auto-merge strategies, the
 * reviewer's decisions and the gold layer they build, and every agreement metric of REVIEW.md.
 * Pure and framework-free: plain data in, plain data out, so it runs the same in a worker.
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
