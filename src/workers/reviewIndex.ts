/**
 * The review worker's memory of one project: every document's layers and gold decisions, read
 * once and kept current by following writes (`onStorageChange`): only the documents a write
 * touched are read again. Answers open-cluster counts and auto-merge previews without the UI
 * thread ever holding the project.
 */
import { listDocumentIds, onStorageChange, readProjectForReview, readReviewDocuments, type ReviewDocument } from '../db';
import { mergeDocuments, openClusters, openMatchingClusters, type DisagreementFilter, type MergeOptions, type MergeResult, type OpenClusters, type ReviewInput } from '../review';

function inputOf(document: ReviewDocument): ReviewInput {
  return { documentId: document.documentId, layers: document.layers, decisions: document.gold.decisions };
}

export class ReviewIndex {
  private documents: Map<string, ReviewInput> | null = null;
  private order: string[] | null = null;
  private dirty = new Set<string>();
  private readonly stop: () => void;

  constructor(readonly projectId: string) {
    this.stop = onStorageChange((change) => {
      if (change.documents) this.order = null;
      if (change.documents || change.layers === 'many') this.documents = null;
      else if (change.layers) for (const id of change.layers) this.dirty.add(id);
    });
  }

  /**
   * Marks documents to read again: a page that wrote them may ask before this worker hears of its
   * write (the broadcast can arrive after the question), so the page passes what it changed.
   */
  invalidate(changed: readonly string[] | 'all'): void {
    if (changed === 'all') this.documents = null;
    else for (const id of changed) this.dirty.add(id);
  }

  close(): void {
    this.stop();
  }

  /** The project's documents as review sees them, brought up to date. */
  private async current(): Promise<Map<string, ReviewInput>> {
    if (this.documents === null) {
      this.dirty.clear();
      const all = await readProjectForReview(this.projectId);
      this.documents = new Map(all.map((document) => [document.documentId, inputOf(document)]));
    } else if (this.dirty.size > 0) {
      const ids = [...this.dirty];
      this.dirty.clear();
      for (const document of await readReviewDocuments(ids)) {
        if (document.layers.length === 0 && document.gold.decisions.length === 0) this.documents.delete(document.documentId);
        else this.documents.set(document.documentId, inputOf(document));
      }
    }
    return this.documents;
  }

  /** The project's document ids in reading order. */
  async readingOrder(): Promise<string[]> {
    this.order ??= await listDocumentIds(this.projectId);
    return this.order;
  }

  /** Open clusters a click-through filter matches (the agreement view's "show me these"). */
  async openMatching(filter: DisagreementFilter): Promise<OpenClusters> {
    return openMatchingClusters((await this.current()).values(), filter);
  }

  async openClusters(compared: readonly string[]): Promise<OpenClusters> {
    return openClusters((await this.current()).values(), compared);
  }

  async preview(options: MergeOptions): Promise<MergeResult> {
    return mergeDocuments([...(await this.current()).values()], options);
  }
}
