/**
 * Auto-merge: runs a strategy over documents and returns the decisions it would add, so the UI
 * can preview the outcome before anything is written. Decided candidates are left alone unless
 * the reviewer explicitly discards earlier decisions, which is what makes a merge idempotent and
 * makes hand decisions survive any number of re-merges.
 */
import { overlaps } from './candidates';
import { clusterDocument } from './clusters';
import { decisionFor, type DecisionStamp } from './decide';
import { compareDecisions } from './order';
import { strategyAccepts, type MergeStrategy } from './strategies';
import type { Decision, ReviewLayer } from './types';

export { MAJORITY_OF_THREE, strategyAccepts, type MergeStrategy } from './strategies';
export { acceptVersionOf, decideCandidate, isOpen, rejectCluster } from './decide';

export interface MergeOptions extends DecisionStamp {
  readonly strategy: MergeStrategy;
  /** The compared annotators S. */
  readonly annotators: readonly string[];
  /** Reject candidates that overlap one this merge accepts and were not accepted themselves. Default true. */
  readonly rejectOthers?: boolean;
  /** Start from no decisions at all (the UI asks for confirmation first). Default false. */
  readonly discardDecisions?: boolean;
}

export interface MergeDocumentInput {
  readonly documentId: string;
  readonly layers: readonly ReviewLayer[];
  /** The document's decisions so far. */
  readonly decisions: readonly Decision[];
}

export interface DocumentMerge {
  readonly documentId: string;
  /** New decisions, in text order of their candidates. */
  readonly added: readonly Decision[];
  /** Earlier decisions dropped (only with `discardDecisions`). */
  readonly discarded: readonly Decision[];
}

export interface MergePreview {
  readonly spansAccepted: number;
  readonly spansRejected: number;
  readonly decisionsDiscarded: number;
  /** Documents the merge changes. */
  readonly documents: number;
}

export interface MergeResult {
  /** Only the documents the merge changes. */
  readonly documents: readonly DocumentMerge[];
  readonly preview: MergePreview;
}

export function mergeDocument(input: MergeDocumentInput, options: MergeOptions): DocumentMerge {
  const rejectOthers = options.rejectOthers ?? true;
  const discarded = options.discardDecisions ? [...input.decisions] : [];
  const decided = new Set(options.discardDecisions ? [] : input.decisions.map((decision) => decision.candidateKey));
  const added: Decision[] = [];
  for (const cluster of clusterDocument(input.layers, options.annotators)) {
    const open = cluster.candidates.filter((candidate) => !decided.has(candidate.key));
    const accepted = open.filter((candidate) => strategyAccepts(options.strategy, candidate, cluster));
    const acceptedKeys = new Set(accepted.map((candidate) => candidate.key));
    for (const candidate of open) {
      if (acceptedKeys.has(candidate.key)) added.push(decisionFor(candidate, 'accepted', options));
      else if (rejectOthers && accepted.some((winner) => overlaps(winner, candidate))) {
        added.push(decisionFor(candidate, 'rejected', options));
      }
    }
  }
  return { documentId: input.documentId, added, discarded };
}

export function mergeDocuments(inputs: readonly MergeDocumentInput[], options: MergeOptions): MergeResult {
  const documents = inputs
    .map((input) => mergeDocument(input, options))
    .filter((merge) => merge.added.length > 0 || merge.discarded.length > 0);
  let spansAccepted = 0;
  let spansRejected = 0;
  let decisionsDiscarded = 0;
  for (const merge of documents) {
    for (const decision of merge.added) {
      if (decision.state === 'accepted') spansAccepted++;
      else spansRejected++;
    }
    decisionsDiscarded += merge.discarded.length;
  }
  return { documents, preview: { spansAccepted, spansRejected, decisionsDiscarded, documents: documents.length } };
}

/** The document's decisions after a merge: discarded ones dropped, added ones set. */
export function applyMerge(decisions: readonly Decision[], merge: DocumentMerge): Decision[] {
  // By key, not by identity: a merge computed in a worker comes back as copies.
  const dropped = new Set(merge.discarded.map((decision) => decision.candidateKey));
  const byKey = new Map<string, Decision>();
  for (const decision of decisions) if (!dropped.has(decision.candidateKey)) byKey.set(decision.candidateKey, decision);
  for (const decision of merge.added) byKey.set(decision.candidateKey, decision);
  return [...byKey.values()].sort(compareDecisions);
}
