import { expose } from 'comlink';
import type { DisagreementFilter, MergeOptions, MergePreview, MergeResult, OpenClusters } from '../review';
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
  /**
   * Open clusters per document (only those with any) and in all, with the project's reading order;
   * under a click-through filter, only the clusters it matches (compared: the filter's annotators).
   */
  async summary(
    projectId: string,
    compared: readonly string[],
    changed: readonly string[] | 'all' = [],
    filter: DisagreementFilter | null = null,
  ): Promise<OpenClusters & { order: string[] }> {
    const reviewIndex = indexFor(projectId);
    reviewIndex.invalidate(changed);
    const [open, order] = await Promise.all([filter ? reviewIndex.openMatching(filter) : reviewIndex.openClusters(compared), reviewIndex.readingOrder()]);
    return { ...open, order };
  },
  /**
   * The numbers of what an auto-merge would decide: only counts cross back (tens of thousands of
   * decisions would cost more to clone than to compute). Nothing is written.
   */
  async preview(projectId: string, options: MergeOptions, changed: readonly string[] | 'all' = []): Promise<MergePreview & { acceptingDocuments: number }> {
    const reviewIndex = indexFor(projectId);
    reviewIndex.invalidate(changed);
    const result = await reviewIndex.preview(options);
    const acceptingDocuments = result.documents.filter((merge) => merge.added.some((decision) => decision.state === 'accepted')).length;
    return { ...result.preview, acceptingDocuments };
  },
  /** The decisions an auto-merge adds, for the page to write (under the project lock) once the reviewer confirms. */
  async merge(projectId: string, options: MergeOptions, changed: readonly string[] | 'all' = []): Promise<MergeResult> {
    const reviewIndex = indexFor(projectId);
    reviewIndex.invalidate(changed);
    return reviewIndex.preview(options);
  },
};

export type ReviewWorkerApi = typeof api;

expose(api);
