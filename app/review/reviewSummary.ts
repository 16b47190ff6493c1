/**
 * The project's open clusters for the compared annotators, from the review worker, shared by the
 * review view (Open clusters, J / K across documents) and the Documents list. Asked again after
 * every layer write (debounced to a frame); the answer carries the question it answers.
 */
import { useSyncExternalStore } from 'react';
import { onStorageChange } from '../../src/db';
import { filterKey, type DisagreementFilter, type MergeOptions, type MergePreview, type MergeResult, type OpenClusters } from '../../src/review';
import { useWorkbench } from '../store';
import { reviewWorker } from './reviewClient';

export interface ReviewSummary extends OpenClusters {
  readonly key: string;
  /** The project's documents in reading order. */
  readonly order: readonly string[];
}

let summary: ReviewSummary | null = null;
let question: { projectId: string; compared: readonly string[]; filter: DisagreementFilter | null; key: string } | null = null;
let running: Promise<ReviewSummary | null> | null = null;
let stale = false;
/** Documents this page saw written since the last question (the worker may not have heard yet). */
let changed: Set<string> | 'all' = new Set();
const listeners = new Set<() => void>();
let stopFollowing: (() => void) | null = null;
/** Writes seen while the review view was not on screen: asked again when it is. */
let behind = false;

function keyOf(projectId: string, compared: readonly string[], filter: DisagreementFilter | null): string {
  return `${projectId}\u0001${compared.join('\u0000')}\u0001${filterKey(filter)}`;
}

function takeChanged(): readonly string[] | 'all' {
  const sent = changed === 'all' ? 'all' : [...changed];
  changed = new Set();
  return sent;
}

/** An auto-merge preview (counts) from the worker, told first of the writes this page saw. */
export function previewMerge(projectId: string, options: MergeOptions): Promise<MergePreview & { acceptingDocuments: number }> {
  return reviewWorker().preview(projectId, options, takeChanged());
}

/** The decisions an auto-merge adds, computed by the worker on the project as it is now. */
export function computeMerge(projectId: string, options: MergeOptions): Promise<MergeResult> {
  return reviewWorker().merge(projectId, options, takeChanged());
}

async function run(): Promise<ReviewSummary | null> {
  const asked = question;
  if (asked === null) return null;
  const sent = takeChanged();
  const answer = await reviewWorker().summary(asked.projectId, asked.compared, sent, asked.filter);
  if (question?.key !== asked.key) return summary;
  summary = { ...answer, key: asked.key };
  for (const listener of listeners) listener();
  return summary;
}

/** Asks again now; resolves with the fresh answer (J waits for it after a decision). */
export function refreshReviewSummary(): Promise<ReviewSummary | null> {
  if (running) {
    stale = true;
    return running.then(() => refreshReviewSummary());
  }
  stale = false;
  running = run().finally(() => {
    running = null;
    if (stale) void refreshReviewSummary();
  });
  return running;
}

/** Sets the question (project, compared annotators, click-through filter); a new one is asked at once. */
export function askReviewSummary(projectId: string, compared: readonly string[], filter: DisagreementFilter | null = null): void {
  const key = keyOf(projectId, compared, filter);
  if (question?.key === key) {
    if (behind) {
      behind = false;
      void refreshReviewSummary();
    }
    return;
  }
  behind = false;
  question = { projectId, compared: [...compared], filter, key };
  stopFollowing ??= onStorageChange((change) => {
    if (change.documents || change.layers === 'many') changed = 'all';
    else if (change.layers && changed !== 'all') for (const id of change.layers) changed.add(id);
    if (!change.documents && change.layers === null) return;
    // Outside the review view nobody reads the answer: annotating never pays for it.
    if (useWorkbench.getState().view !== 'review') behind = true;
    else void refreshReviewSummary();
  });
  void refreshReviewSummary();
}

/** The last answer, when it answers the current question. */
export function currentReviewSummary(): ReviewSummary | null {
  return summary !== null && summary.key === question?.key ? summary : null;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useReviewSummary(): ReviewSummary | null {
  return useSyncExternalStore(subscribe, currentReviewSummary);
}
