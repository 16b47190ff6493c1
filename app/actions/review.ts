/**
 * What the reviewer does: decide candidates (one, a version, a whole cluster), move between open
 * clusters across documents, edit gold by hand, mark documents adjudicated, run an auto-merge.
 * Every write goes through src/db (the layer store) in one transaction and is recorded for undo.
 */
import type { SpanDraft } from '../../src/core/types';
import { decide, setGoldStatus, writeGold, writeMerge } from '../../src/db';
import {
  acceptVersionOf,
  addGoldSpan,
  decideCandidate,
  editGoldSpan,
  GOLD_ANNOTATOR,
  isOpen,
  rejectCluster,
  type Candidate,
  type Cluster,
  type Decision,
  type DecisionStamp,
  type DocumentMerge,
} from '../../src/review';
import { currentReviewSummary, refreshReviewSummary } from '../review/reviewSummary';
import { useWorkbench } from '../store';
import { recordChange } from './history';
import { openDocument } from './session';

function stamp(): DecisionStamp {
  return { reviewer: useWorkbench.getState().annotator, at: Date.now() };
}

async function record(documentId: string, decisions: readonly Decision[]): Promise<void> {
  const changes = await decide(documentId, decisions);
  if (changes.length > 0) recordChange({ layers: [], gold: changes });
}

export function decideOne(documentId: string, candidate: Candidate, state: Decision['state']): Promise<void> {
  return record(documentId, [decideCandidate(candidate, state, stamp())]);
}

/** `1`–`9`: the n-th annotator's version of the cluster (their candidates accepted, the rest rejected). */
export function takeVersion(documentId: string, cluster: Cluster, annotator: string): Promise<void> {
  return record(documentId, acceptVersionOf(cluster, annotator, stamp()));
}

/** `X`: nobody's span belongs in gold here. */
export function rejectAll(documentId: string, cluster: Cluster): Promise<void> {
  return record(documentId, rejectCluster(cluster, stamp()));
}

/**
 * `J` / `K`: the next (previous) open cluster after the focused one in this document, else the first
 * (last) open cluster of the next (previous) document that has one, in reading order, wrapping.
 */
export async function moveToOpenCluster(step: 1 | -1, documentId: string | null, clusters: readonly Cluster[], decisions: readonly Decision[], focusedId: string | null): Promise<void> {
  const open = clusters.filter((cluster) => isOpen(cluster, decisions));
  const at = focusedId === null ? -1 : clusters.findIndex((cluster) => cluster.id === focusedId);
  const index = (cluster: Cluster) => clusters.indexOf(cluster);
  const here = step === 1 ? open.find((cluster) => index(cluster) > at) : open.findLast((cluster) => at === -1 || index(cluster) < at);
  if (here) {
    useWorkbench.setState({ focusedClusterId: here.id });
    return;
  }
  const summary = currentReviewSummary() ?? (await refreshReviewSummary());
  const order = summary?.order ?? [];
  const from = documentId === null ? -1 : order.indexOf(documentId);
  for (let i = 1; i <= order.length; i++) {
    const candidate = order[(((from + step * i) % order.length) + order.length) % order.length];
    if (candidate === undefined || candidate === documentId) continue;
    if ((summary?.byDocument[candidate] ?? 0) > 0) {
      useWorkbench.setState({ pendingClusterFocus: step === 1 ? 'first' : 'last', focusedClusterId: null });
      openDocument(candidate);
      return;
    }
  }
  // No other document has one: wrap around within this document.
  const wrapped = step === 1 ? open[0] : open.at(-1);
  if (wrapped) useWorkbench.setState({ focusedClusterId: wrapped.id });
}

/** Gold by hand: a span the reviewer draws (origin `added`). */
export async function addGold(documentId: string, draft: SpanDraft): Promise<void> {
  const changes = await writeGold([documentId], (current) => addGoldSpan(current, draft));
  if (changes.length > 0) recordChange({ layers: [], gold: changes });
}

/** Gold by hand: a new range or label for a gold span (an accepted span becomes `edited`). */
export async function editGold(documentId: string, spanId: string, draft: SpanDraft): Promise<void> {
  if (draft.start >= draft.end) return;
  const changes = await writeGold([documentId], (current) => editGoldSpan(current, spanId, draft));
  if (changes.length > 0) recordChange({ layers: [], gold: changes });
}

export async function deleteGold(documentId: string, spanId: string): Promise<void> {
  const changes = await writeGold([documentId], (current) =>
    current.spans.some((span) => span.id === spanId) ? { ...current, spans: current.spans.filter((span) => span.id !== spanId) } : null,
  );
  if (changes.length > 0) recordChange({ layers: [], gold: changes });
}

/** Mark done on the gold layer: the document is adjudicated. */
export async function setAdjudicated(documentIds: readonly string[], done: boolean): Promise<number> {
  const changes = await setGoldStatus(documentIds, done ? 'done' : 'in-progress');
  if (changes.length > 0) recordChange({ layers: changes });
  return changes.length;
}

/** Writes a previewed merge (holding the project lock) and records it as one undo step. */
export async function writeAutoMerge(projectId: string, documents: readonly DocumentMerge[]): Promise<void> {
  const changes = await writeMerge(projectId, documents);
  if (changes.length > 0) recordChange({ layers: [], gold: changes });
}

export { GOLD_ANNOTATOR };
