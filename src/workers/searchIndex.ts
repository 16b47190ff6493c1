import { type AnnotationRow, criteriaOf, type Criterion, criterionDocumentIds, criterionHolds, criterionKey, type DocumentFilter, type LayerSnapshot, layersOf, listDocumentIds, onStorageChange, readLayerSnapshot, readTitles, searchDocuments, type SearchOptions, type StorageChange } from '../db';

/** Documents each annotator marked done, of `total` in the project. */
export interface AnnotatorProgress {
  total: number;
  done: Record<string, number>;
}

/** The project's ids in reading order, and where each one is. */
interface Order {
  ids: string[];
  positions: Map<string, number>;
}

interface Answer {
  criterion: Criterion;
  order: Order;
  /** One byte per document of `order`: 1 where the criterion holds. */
  bits: Uint8Array;
}

/**
 * One project's filter answers, kept in memory and kept right. Asking an index for 80,000 keys
 * takes half a second at 100,000 documents, over the 100 ms a filter may take, so each criterion
 * (status, label, layer) is asked once and kept as a bitmap over the reading order. After a
 * write, only the documents it touched are read again (their few rows) and their bits set anew;
 * a write too large to follow (an import, a rollback) drops the answers, to be asked again.
 * Titles are kept too, so a search shows title matches at once.
 */
export class ProjectIndex {
  private order: Promise<Order> | null = null;
  private titles: { order: Order; titles: (string | undefined)[] } | null = null;
  private titlesLoading: Promise<void> | null = null;
  private readonly answers = new Map<string, Answer>();
  private readonly asking = new Map<string, Promise<Answer>>();
  /**
   * The project's page layers, read once for all the criteria asked between two writes (warming
   * up asks a dozen) instead of once each; any write drops them.
   */
  private pageLayers: Promise<LayerSnapshot> | null = null;
  /** Bumped by every write: an answer asked across a write is used once, not kept. */
  private epoch = 0;
  private changes: Promise<unknown> = Promise.resolve();

  constructor(readonly projectId: string) {}

  /** Follows writes from anywhere; `onChanged` is called once answers may differ. */
  watch(onChanged: () => void): () => void {
    return onStorageChange((change) => {
      void this.apply(change).then((changed) => {
        if (changed) onChanged();
      });
    });
  }

  private ordered(): Promise<Order> {
    if (this.order === null) {
      const order = listDocumentIds(this.projectId).then((ids) => ({ ids, positions: new Map(ids.map((id, at) => [id, at])) }));
      this.order = order;
      // A failed read is not kept: the next question reads again.
      order.catch(() => {
        if (this.order === order) this.order = null;
      });
    }
    return this.order;
  }

  /** How many criteria are answered from memory (tests use it to see an edit followed, not dropped). */
  get keptAnswers(): number {
    return this.answers.size;
  }

  async documentIds(): Promise<string[]> {
    return (await this.ordered()).ids;
  }

  private async answer(criterion: Criterion, order: Order): Promise<Answer> {
    const key = criterionKey(criterion);
    const kept = this.answers.get(key);
    if (kept?.order === order) return kept;
    const asked = this.asking.get(key);
    if (asked) {
      const answer = await asked;
      if (answer.order === order) return answer;
    }
    const epoch = this.epoch;
    const asking = this.readPageLayers().then((pages) => criterionDocumentIds(this.projectId, criterion, pages)).then((ids) => {
      const bits = new Uint8Array(order.ids.length);
      for (const id of ids) {
        const at = order.positions.get(id);
        if (at !== undefined) bits[at] = 1;
      }
      const answer: Answer = { criterion, order, bits };
      if (epoch === this.epoch && this.order !== null) this.answers.set(key, answer);
      return answer;
    });
    this.asking.set(key, asking);
    try {
      return await asking;
    } finally {
      if (this.asking.get(key) === asking) this.asking.delete(key);
    }
  }

  private readPageLayers(): Promise<LayerSnapshot> {
    if (this.pageLayers !== null) return this.pageLayers;
    const read = readLayerSnapshot(this.projectId);
    // A failed read is not kept: the next question reads again.
    read.catch(() => {
      if (this.pageLayers === read) this.pageLayers = null;
    });
    this.pageLayers = read;
    return read;
  }

  /** The ids matching the filter's status, label and annotator, in reading order. */
  async filter(filter: DocumentFilter): Promise<string[]> {
    const { keep, drop } = criteriaOf(filter);
    const order = await this.ordered();
    const [keeps, drops] = await Promise.all([
      Promise.all(keep.map(async (criterion) => (await this.answer(criterion, order)).bits)),
      Promise.all(drop.map(async (criterion) => (await this.answer(criterion, order)).bits)),
    ]);
    const ids: string[] = [];
    for (let at = 0; at < order.ids.length; at++) {
      if (keeps.every((bits) => bits[at] === 1) && drops.every((bits) => bits[at] !== 1)) ids.push(order.ids[at] ?? '');
    }
    return ids;
  }

  /** How many documents meet `criterion`. */
  async count(criterion: Criterion): Promise<number> {
    const { bits } = await this.answer(criterion, await this.ordered());
    let count = 0;
    for (const bit of bits) count += bit;
    return count;
  }

  /**
   * How many of the project's documents each annotator has marked done, and how many there are:
   * the Annotator control's done/total. Counted from the bitmaps kept for the `done` criterion
   * (asked once per annotator, then followed write by write), never on the UI thread.
   */
  async progress(annotators: readonly string[]): Promise<AnnotatorProgress> {
    const order = await this.ordered();
    const done: Record<string, number> = {};
    for (const annotator of annotators) done[annotator] = await this.count({ kind: 'status', annotator, status: 'done' });
    return { total: order.ids.length, done };
  }

  /**
   * Asks the id list and the given criteria ahead of need, one after another, then loads the
   * titles (`titles`); returns how long each step took.
   */
  async warm(criteria: readonly Criterion[], titles: boolean, signal?: AbortSignal): Promise<{ key: string; ms: number }[]> {
    const timings: { key: string; ms: number }[] = [];
    const step = async (key: string, work: () => Promise<unknown>) => {
      signal?.throwIfAborted();
      const started = performance.now();
      await work();
      timings.push({ key, ms: performance.now() - started });
    };
    await step('ids', () => this.ordered());
    for (const criterion of criteria) await step(criterionKey(criterion), async () => this.answer(criterion, await this.ordered()));
    if (titles) await step('titles', () => this.loadTitles());
    return timings;
  }

  private loadTitles(): Promise<void> {
    this.titlesLoading ??= (async () => {
      const ordering = this.ordered();
      const [order, read] = await Promise.all([ordering, readTitles(this.projectId)]);
      const titles = new Array<string | undefined>(order.ids.length);
      read.ids.forEach((id, i) => {
        const at = order.positions.get(id);
        if (at !== undefined) titles[at] = read.titles[i];
      });
      // Documents that came or went meanwhile make these titles another list's.
      if (this.order === ordering) this.titles = { order, titles };
    })().finally(() => {
      this.titlesLoading = null;
    });
    return this.titlesLoading;
  }

  /**
   * Searches every document of the project: titles first when they are loaded (they are loaded
   * for the next search otherwise), then texts. See `searchDocuments`.
   */
  async search(query: string, options: Pick<SearchOptions, 'signal' | 'onProgress'>): Promise<Set<string>> {
    const order = await this.ordered();
    const titles = this.titles?.order === order ? this.titles.titles : undefined;
    if (titles === undefined) void this.loadTitles().catch(() => undefined);
    return searchDocuments(order.ids, query, { ...options, ...(titles === undefined ? {} : { titles }) });
  }

  /** Applies a write; resolves true when answers may have changed. Writes are applied in order. */
  apply(change: StorageChange): Promise<boolean> {
    // Bumped at once: an answer being asked right now may have read before the write, so it is
    // used by whoever asked but not kept.
    this.epoch++;
    this.pageLayers = null;
    const applied = this.changes.then(async () => this.update(change));
    this.changes = applied.catch(() => undefined);
    return applied;
  }

  /** Resolves once every write seen so far is applied. */
  async settled(): Promise<void> {
    await this.changes;
  }

  private async update(change: StorageChange): Promise<boolean> {
    if (change.documents) {
      this.order = null;
      this.titles = null;
      this.answers.clear();
      return true;
    }
    if (change.layers === null) return false;
    if (change.layers === 'many') {
      this.answers.clear();
      return true;
    }
    if (this.answers.size === 0) return true;
    const documentIds = [...change.layers];
    let layers: Map<string, AnnotationRow[]>;
    try {
      layers = await layersOf(documentIds);
    } catch (error) {
      // Answers that cannot be brought up to date are dropped, to be asked again.
      console.error('re-reading changed documents failed', error);
      this.answers.clear();
      return true;
    }
    for (const answer of this.answers.values()) {
      for (const id of documentIds) {
        const at = answer.order.positions.get(id);
        if (at !== undefined) answer.bits[at] = criterionHolds(answer.criterion, layers.get(id) ?? []) ? 1 : 0;
      }
    }
    return true;
  }
}
