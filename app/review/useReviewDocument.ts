import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { readReviewDocuments, type ReviewDocument } from '../../src/db';
import { annotatorOrder, clusterDocument, clusterMatches, decisionsByKey, isOpen, type Cluster, type Decision } from '../../src/review';
import { useWorkbench } from '../store';
import { useCompared } from './compared';

export interface ReviewState {
  readonly document: ReviewDocument;
  readonly compared: readonly string[];
  /** Compared annotators in display order (lanes, keys `1`–`9`). */
  readonly order: readonly string[];
  readonly clusters: readonly Cluster[];
  readonly decisions: ReadonlyMap<string, Decision>;
  readonly open: number;
  /** The focused cluster: the one chosen, else the first open one, else the first. */
  readonly focused: Cluster | undefined;
  /** How an annotator is named on screen (a number in blind review). */
  readonly nameOf: (annotator: string) => string;
}

/** The open document as review sees it, live: layers, gold, clusters for the compared annotators. */
export function useReviewDocument(documentId: string | null, blindName: (n: number) => string): ReviewState | undefined {
  const compared = useCompared();
  const blind = useWorkbench((state) => state.blind);
  const focusedClusterId = useWorkbench((state) => state.focusedClusterId);
  const filter = useWorkbench((state) => state.reviewFilter);
  const read = useLiveQuery(async () => (documentId === null ? undefined : (await readReviewDocuments([documentId]))[0]), [documentId]);
  return useMemo(() => {
    if (!read || read.documentId !== documentId) return undefined;
    // A click-through filter (agreement view) keeps only the clusters it stands for.
    const all = clusterDocument(read.layers, compared);
    const clusters = filter ? all.filter((cluster) => clusterMatches(cluster, filter)) : all;
    const decisions = decisionsByKey(read.gold.decisions);
    const openClusters = clusters.filter((cluster) => isOpen(cluster, decisions));
    const order = annotatorOrder(compared, read.documentId, blind);
    const focused = clusters.find((cluster) => cluster.id === focusedClusterId) ?? openClusters[0] ?? clusters[0];
    const nameOf = (annotator: string) => (blind ? blindName(order.indexOf(annotator) + 1) : annotator);
    return { document: read, compared, order, clusters, decisions, open: openClusters.length, focused, nameOf };
  }, [read, documentId, compared, blind, focusedClusterId, blindName, filter]);
}
