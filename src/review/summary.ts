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
  /** Documents where a compared annotator has a layer and no cluster is open (ready to mark adjudicated). */
  readonly closed: readonly string[];
}

export function openClusters(inputs: Iterable<ReviewInput>, compared: readonly string[]): OpenClusters {
  const byDocument: Record<string, number> = {};
  const closed: string[] = [];
  const wanted = new Set(compared);
  let total = 0;
  for (const input of inputs) {
    const open = openClusterCount(input, compared);
    if (open > 0) byDocument[input.documentId] = open;
    else if (input.layers.some((layer) => wanted.has(layer.annotator))) closed.push(input.documentId);
    total += open;
  }
  return { byDocument, total, closed };
}
