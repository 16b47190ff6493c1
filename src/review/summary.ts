/**
 * Project-wide questions the review view asks: how many clusters are still open, per document and
 * in all. Pure: the review worker feeds it the documents it read.
 */
import { clusterDocument } from './clusters';
import { decisionsByKey, isOpen } from './decide';
import type { Decision, ReviewLayer } from './types';

export interface ReviewInput {
  readonly documentId: string;
  readonly layers: readonly ReviewLayer[];
  readonly decisions: readonly Decision[];
}

/** Open clusters of one document for the compared annotators. */
export function openClusterCount(input: ReviewInput, compared: readonly string[]): number {
  const decisions = decisionsByKey(input.decisions);
  let open = 0;
  for (const cluster of clusterDocument(input.layers, compared)) if (isOpen(cluster, decisions)) open++;
  return open;
}

export interface OpenClusters {
  /** Documents with at least one open cluster, and how many. */
  readonly byDocument: Readonly<Record<string, number>>;
  readonly total: number;
}

export function openClusters(inputs: Iterable<ReviewInput>, compared: readonly string[]): OpenClusters {
  const byDocument: Record<string, number> = {};
  let total = 0;
  for (const input of inputs) {
    const open = openClusterCount(input, compared);
    if (open > 0) byDocument[input.documentId] = open;
    total += open;
  }
  return { byDocument, total };
}
