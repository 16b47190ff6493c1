/**
 * Which clusters a click on an agreement number stands for ("click-through"): the review view,
 * given this filter, compares only `annotators` and shows, counts and walks (J / K) only the
 * clusters it matches.
 * - a pairwise cell: the pair, every cluster that is not unanimous between them;
 * - a label row: the compared annotators, clusters not unanimous with a candidate of that label;
 * - a confusion cell: the compared annotators, label conflicts where both labels were proposed
 *   on the same range.
 */
import { clusterDocument } from '../clusters';
import { decisionsByKey, isOpen } from '../decide';
import type { OpenClusters, ReviewInput } from '../summary';
import type { Cluster } from '../types';

export interface DisagreementFilter {
  readonly annotators: readonly string[];
  readonly kind: 'disagreement' | 'label conflict';
  /** Every one of these labels has a candidate in the cluster (none: any label). */
  readonly labels: readonly string[];
}

export function pairFilter(a: string, b: string): DisagreementFilter {
  return { annotators: [a, b], kind: 'disagreement', labels: [] };
}

export function labelFilter(annotators: readonly string[], label: string): DisagreementFilter {
  return { annotators: [...annotators], kind: 'disagreement', labels: [label] };
}

export function confusionFilter(annotators: readonly string[], labelA: string, labelB: string): DisagreementFilter {
  return { annotators: [...annotators], kind: 'label conflict', labels: labelA === labelB ? [labelA] : [labelA, labelB] };
}

export function clusterMatches(cluster: Cluster, filter: DisagreementFilter): boolean {
  if (filter.kind === 'disagreement' ? cluster.kinds.includes('unanimous') : !cluster.kinds.includes('label conflict')) return false;
  if (filter.labels.length === 0) return true;
  if (filter.kind === 'label conflict') {
    // Both labels on one same range, not merely somewhere in the cluster.
    const ranges = new Map<string, Set<string>>();
    for (const candidate of cluster.candidates) {
      const range = `${candidate.start}:${candidate.end}`;
      ranges.set(range, (ranges.get(range) ?? new Set()).add(candidate.label));
    }
    return [...ranges.values()].some((labels) => filter.labels.every((label) => labels.has(label)));
  }
  return filter.labels.every((label) => cluster.candidates.some((candidate) => candidate.label === label));
}

/** A stable text for the filter (part of a cache key). */
export function filterKey(filter: DisagreementFilter | null): string {
  return filter === null ? '' : JSON.stringify([[...filter.annotators].sort(), filter.kind, [...filter.labels].sort()]);
}

/**
 * The review summary under a filter: per document, the open clusters it matches (compared
 * annotators: the filter's). `closed` is about all clusters, never a filtered few: the documents
 * where a compared annotator has a layer and no cluster at all is open, whatever the filter
 * matches, so "mark every document without open clusters adjudicated" means the same with a
 * filter on as without (and never closes a document whose other clusters are still open).
 */
export function openMatchingClusters(inputs: Iterable<ReviewInput>, filter: DisagreementFilter): OpenClusters {
  const byDocument: Record<string, number> = {};
  const closed: string[] = [];
  const wanted = new Set(filter.annotators);
  let total = 0;
  for (const input of inputs) {
    const decisions = decisionsByKey(input.decisions);
    let open = 0;
    let anyOpen = false;
    for (const cluster of clusterDocument(input.layers, filter.annotators)) {
      if (!isOpen(cluster, decisions)) continue;
      anyOpen = true;
      if (clusterMatches(cluster, filter)) open++;
    }
    if (open > 0) byDocument[input.documentId] = open;
    else if (!anyOpen && input.layers.some((layer) => wanted.has(layer.annotator))) closed.push(input.documentId);
    total += open;
  }
  return { byDocument, total, closed };
}
