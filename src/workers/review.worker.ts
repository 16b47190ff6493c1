import { expose } from 'comlink';
import type { MergeOptions, MergeResult, OpenClusters } from '../review';
import { ReviewIndex } from './reviewIndex';

/**
 * The review view's worker: open-cluster counts over the whole project and auto-merge previews,
 * computed off the UI thread from a project index that follows writes (ReviewIndex).
 */
let index: ReviewIndex | null = null;

function indexFor(projectId: string): ReviewIndex {
  if (index?.projectId !== projectId) {
    index?.close();
    index = new ReviewIndex(projectId);
  }
  return index;
}

const api = {
  /** Open clusters per document (only those with any) and in all, with the project's reading order. */
  async summary(projectId: string, compared: readonly string[], changed: readonly string[] | 'all' = []): Promise<OpenClusters & { order: string[] }> {
    const reviewIndex = indexFor(projectId);
    reviewIndex.invalidate(changed);
    const [open, order] = await Promise.all([reviewIndex.openClusters(compared), reviewIndex.readingOrder()]);
    return { ...open, order };
  },
  /** What an auto-merge would decide (nothing is written: the page writes it after the reviewer confirms). */
  async preview(projectId: string, options: MergeOptions, changed: readonly string[] | 'all' = []): Promise<MergeResult> {
    const reviewIndex = indexFor(projectId);
    reviewIndex.invalidate(changed);
    return reviewIndex.preview(options);
  },
};

export type ReviewWorkerApi = typeof api;

expose(api);
