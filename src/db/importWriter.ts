import { addMissingLabels } from '../core/labels';
import { mergeSpans, newSpanId } from '../core/spans';
import { documentTitle } from '../core/text';
import type { DocumentMeta, DocumentStatus, Span, SpanDraft } from '../core/types';
import { db as workspace, type SpanwrightDatabase } from './database';
import { layerStore, type LayerStore } from './layerStore';
import { acquireLock, importLock, projectLock, withLock, type HeldLock } from './locks';
import { documentIdOf, hasDerivedId, locateDocument, newPageId, newSpanIdBase, PAGE_CHARS, PAGE_DOCUMENTS, pageSpanIds, type PageLayer, type PageSpanIds } from './pageFormat';
import type { PageDocumentsRow, PageLayersRow, PageRow, PageTextsRow, PagedDocument } from './schema';

/** A parsed document on its way into the workspace. */
export interface IncomingDocument {
  text: string;
  contentHash: string;
  spans: readonly SpanDraft[];
  annotator: string;
  status?: DocumentStatus;
  meta: DocumentMeta;
}

export interface BatchOutcome {
  /** Documents new to the project. */
  created: number;
  /** Documents whose text the project already had: their spans were merged instead. */
  merged: number;
  /** Spans actually added (duplicates of existing spans are not counted). */
  spans: number;
}

/** A page being filled: kept in memory until it is full, rewritten after each batch until then. */
interface PageDraft {
  id: string;
  order: number;
  documents: PagedDocument[];
  texts: string[];
  chars: number;
  /** Each annotator's layers, slot by slot (shorter than `documents` where the last have none). */
  layers: Map<string, (PageLayer | null)[]>;
  /** Each annotator's base of the span ids derived on this page (`pageSpanIds`). */
  spanIdBases: Map<string, string>;
}

/** The ids `annotator`'s spans derive on `page`, from a base made the first time. */
function spanIdsOf(page: PageDraft, annotator: string): PageSpanIds {
  let base = page.spanIdBases.get(annotator);
  if (base === undefined) {
    base = newSpanIdBase();
    page.spanIdBases.set(annotator, base);
  }
  return pageSpanIds(base);
}

const NO_ID = (): string => '';

/** A layer's spans with a document's merged in: theirs keep their ids, the added get random ones. */
function mergedLayerSpans(doc: IncomingDocument, previous: PageLayer): { spans: Span[]; added: number } {
  const { spans, added } = mergeSpans(doc.text, previous.spans, doc.spans);
  return { spans, added: added.length };
}

/**
 * A new layer's spans: valid, without duplicates, in order, each with the id its place derives
 * (`pageSpanIds`), which the page row then need not store.
 */
function newLayerSpans(doc: IncomingDocument, slot: number, ids: PageSpanIds): { spans: Span[]; added: number } {
  const { spans } = mergeSpans(doc.text, [], doc.spans, NO_ID);
  const id = (index: number): string => (hasDerivedId(slot, index) ? ids(slot, index) : newSpanId());
  return { spans: spans.map((span, index) => ({ id: id(index), start: span.start, end: span.end, label: span.label })), added: spans.length };
}

/** What a batch writes of the pages it filled or changed. */
interface DraftRows {
  pages: PageRow[];
  documents: PageDocumentsRow[];
  texts: PageTextsRow[];
  layers: PageLayersRow[];
}

/** What a batch merges into one layer of a document already stored: applied to it as it is then. */
interface StoredMerge {
  documentId: string;
  annotator: string;
  text: string;
  spans: SpanDraft[];
  statuses: (DocumentStatus | undefined)[];
}

/**
 * Writes one file's documents in batches, all or nothing, a page of up to 100 documents at a time
 * (see `PageRow`). Every page carries the import's id, and every change to something that existed
 * before is journaled first, so `rollback()` (or a later `rollBackAbandonedImports()` after a
 * crash) restores the workspace exactly.
 *
 * An import holds its project's Web Lock from `begin` to `commit` or `rollback`: two imports into
 * one project (two tabs at once) run one after the other, so the texts read at `begin` are all
 * the project holds, no text is stored twice and reading orders never collide. It also holds a
 * lock of its own, which the browser releases if its tab dies: that is how an abandoned import is
 * told from a running one.
 */
export class ImportWriter {
  private nextOrder = 0;
  /**
   * The document holding each text of the project, by content hash, read once when the import
   * begins (under the project lock, so nobody else adds texts meanwhile): checking each incoming
   * text against memory instead of an index query per batch is what keeps a 100,000 document
   * import fast. New documents are added as they are written.
   */
  private documentByHash = new Map<string, string>();
  /** The page being filled, and the pages filled in the current batch (not yet written). */
  private open: PageDraft | null = null;
  private readonly unwritten = new Map<string, PageDraft>();
  private readonly ownPages = new Set<string>();
  private labelsJournaled = false;
  private readonly journaled = new Set<string>();
  private readonly layers: LayerStore;
  /** Batches whose transactions were started and may not have settled yet. */
  private queued: Promise<unknown>[] = [];

  private constructor(
    readonly importId: string,
    readonly projectId: string,
    private readonly database: SpanwrightDatabase,
    private readonly locks: readonly HeldLock[],
  ) {
    this.layers = layerStore(database);
  }

  /**
   * Starts an import into a project, waiting for any other import into it to end first.
   * `database` is the workspace's unless given (a restore fills a scratch database).
   */
  static async begin(projectId: string, fileName: string, database: SpanwrightDatabase = workspace): Promise<ImportWriter> {
    const importId = crypto.randomUUID();
    const projectHeld = await acquireLock(projectLock(projectId));
    const ownHeld = await acquireLock(importLock(importId), { ifAvailable: true });
    const held = [projectHeld, ownHeld].filter((lock): lock is HeldLock => lock !== null);
    const writer = new ImportWriter(importId, projectId, database, held);
    try {
      await writer.start(fileName);
    } catch (error) {
      writer.releaseLocks();
      throw error;
    }
    return writer;
  }

  private async start(fileName: string): Promise<void> {
    const { imports, pages, pageDocuments } = this.database;
    await this.database.transaction('rw', imports, pages, pageDocuments, async () => {
      const now = Date.now();
      await imports.add({ id: this.importId, projectId: this.projectId, fileName, state: 'running', startedAt: now, heartbeatAt: now });
      const projectPages = await pages.where('[projectId+order]').between([this.projectId, -Infinity], [this.projectId, Infinity]).toArray();
      const last = projectPages.at(-1);
      this.nextOrder = last === undefined ? 0 : last.order + last.count;
      const documents = await pageDocuments.bulkGet(projectPages.map((page) => page.id));
      projectPages.forEach((page, i) => {
        documents[i]?.documents.forEach((document, slot) => this.documentByHash.set(document.contentHash, documentIdOf(page.id, slot)));
      });
    });
  }

  private releaseLocks(): void {
    for (const lock of this.locks) lock.release();
  }

  /** Writes a batch and waits for its commit. */
  writeBatch(incoming: readonly IncomingDocument[]): Promise<BatchOutcome> {
    return this.queueBatch(incoming);
  }

  /**
   * Lays a batch out on pages (in memory, at once) and starts its transaction without waiting
   * for the previous batch's to commit: IndexedDB runs transactions over the same stores in the
   * order they were made, so this batch's rows are serialised while the browser still commits
   * the last one. Resolves with the outcome once committed. Queue at most one batch ahead of the
   * last one awaited: each queued batch holds its rows in memory.
   */
  queueBatch(incoming: readonly IncomingDocument[]): Promise<BatchOutcome> {
    const outcome: BatchOutcome = { created: 0, merged: 0, spans: 0 };
    if (incoming.length === 0) return Promise.resolve(outcome);
    const merges = new Map<string, StoredMerge>();
    for (const doc of incoming) {
      const known = this.documentByHash.get(doc.contentHash);
      if (known === undefined) {
        this.addDocument(doc, outcome);
        continue;
      }
      outcome.merged++;
      if (doc.spans.length === 0 && doc.status === undefined) continue;
      const place = locateDocument(known);
      const draft = place === null ? undefined : (this.unwritten.get(place.pageId) ?? (this.open?.id === place.pageId ? this.open : undefined));
      if (draft !== undefined && place !== null) this.mergeIntoDraft(draft, place.slot, doc, outcome);
      else this.mergeIntoStored(known, doc, merges);
    }
    // The rows as the pages are now: the open page goes on filling with the next batch.
    const rows = this.draftRows([...this.unwritten.values()]);
    this.unwritten.clear();
    const { projects, pages, pageDocuments, pageTexts, importJournal, imports } = this.database;
    const tables = [projects, pages, pageDocuments, pageTexts, ...this.layers.tables(), importJournal, imports];
    const written = this.database.transaction('rw', tables, async () => {
      // Every row is handed over at once, before the first read, so all of them serialise now.
      await this.writeRows(rows);
      await this.addLabels(incoming);
      await this.journal([...merges.values()]);
      await this.applyMerges([...merges.values()], outcome);
      await imports.update(this.importId, { heartbeatAt: Date.now() });
      return outcome;
    });
    // Settled before a rollback starts; a failure is reported to whoever awaits the batch.
    this.queued.push(written.catch(() => undefined));
    return written;
  }

  /** Waits for every queued batch to settle (committed or failed). */
  private async settleQueued(): Promise<void> {
    const queued = this.queued;
    this.queued = [];
    await Promise.all(queued);
  }

  async commit(): Promise<void> {
    const { imports, importJournal } = this.database;
    try {
      await this.settleQueued();
      await this.database.transaction('rw', imports, importJournal, async () => {
        await importJournal.where('importId').equals(this.importId).delete();
        await imports.update(this.importId, { state: 'finished', heartbeatAt: Date.now() });
      });
    } finally {
      this.releaseLocks();
    }
  }

  async rollback(): Promise<void> {
    try {
      await this.settleQueued();
      await rollBackImport(this.importId, this.database);
    } finally {
      this.releaseLocks();
    }
  }

  /** Lets go of the import as a crashed tab would: locks released, nothing committed or undone. */
  abandon(): void {
    this.releaseLocks();
  }

  /** The page a text of this length goes on: the open one while it has room, else a new one. */
  private pageFor(length: number): PageDraft {
    const open = this.open;
    if (open !== null && open.documents.length < PAGE_DOCUMENTS && (open.documents.length === 0 || open.chars + length <= PAGE_CHARS)) return open;
    const page: PageDraft = { id: newPageId(), order: this.nextOrder, documents: [], texts: [], chars: 0, layers: new Map(), spanIdBases: new Map() };
    this.open = page;
    this.ownPages.add(page.id);
    return page;
  }

  private addDocument(doc: IncomingDocument, outcome: BatchOutcome): void {
    const page = this.pageFor(doc.text.length);
    const slot = page.documents.length;
    page.documents.push({ title: documentTitle(doc.text), length: doc.text.length, contentHash: doc.contentHash, meta: doc.meta });
    page.texts.push(doc.text);
    page.chars += doc.text.length;
    this.nextOrder++;
    this.unwritten.set(page.id, page);
    this.documentByHash.set(doc.contentHash, documentIdOf(page.id, slot));
    outcome.created++;
    if (doc.spans.length > 0 || doc.status !== undefined) this.mergeIntoDraft(page, slot, doc, outcome);
  }

  private mergeIntoDraft(page: PageDraft, slot: number, doc: IncomingDocument, outcome: BatchOutcome): void {
    const layers = page.layers.get(doc.annotator) ?? [];
    page.layers.set(doc.annotator, layers);
    const previous = layers[slot] ?? null;
    const { spans, added } = previous === null ? newLayerSpans(doc, slot, spanIdsOf(page, doc.annotator)) : mergedLayerSpans(doc, previous);
    outcome.spans += added;
    layers[slot] = { spans, status: mergedStatus(previous?.status, doc.status, spans.length) };
    this.unwritten.set(page.id, page);
  }

  /**
   * Collects what the batch merges into a document already written. Synchronous on purpose: an
   * IndexedDB transaction ends when a task passes with no request pending, and a thousand awaits
   * that request nothing (merges into this import's own pages) would let it end mid-batch.
   */
  private mergeIntoStored(documentId: string, doc: IncomingDocument, merges: Map<string, StoredMerge>): void {
    const key = `${documentId}\u0000${doc.annotator}`;
    let merge = merges.get(key);
    if (merge === undefined) {
      merge = { documentId, annotator: doc.annotator, text: doc.text, spans: [], statuses: [] };
      merges.set(key, merge);
    }
    merge.spans.push(...doc.spans);
    merge.statuses.push(doc.status);
  }

  /**
   * Saves the layers this batch is about to change to the journal, the first time each is
   * changed and only outside this import's own pages (those go whole on rollback). A page's
   * layers are saved once, with the first of its layers merged into.
   */
  private async journal(merges: readonly StoredMerge[]): Promise<void> {
    for (const { documentId, annotator } of merges) {
      const place = locateDocument(documentId);
      const key = `${documentId}\u0000${annotator}`;
      if (place === null || this.ownPages.has(place.pageId) || this.journaled.has(key)) continue;
      this.journaled.add(key);
      const pageKey = `${place.pageId}\u0000${annotator}`;
      const withPage = !this.journaled.has(pageKey);
      this.journaled.add(pageKey);
      const backup = await this.layers.saveForRollback(documentId, annotator, withPage);
      await this.database.importJournal.add({ importId: this.importId, kind: 'layer', backup });
    }
  }

  /** Merges into stored layers as they are now, through the layer store. */
  private async applyMerges(merges: readonly StoredMerge[], outcome: BatchOutcome): Promise<void> {
    await this.layers.update(merges, (current, _key, index) => {
      const merge = merges[index];
      if (!merge) return null;
      const { spans, added } = mergeSpans(merge.text, current?.spans ?? [], merge.spans);
      outcome.spans += added.length;
      const status = merge.statuses.reduce<DocumentStatus | undefined>((previous, incoming) => mergedStatus(previous, incoming, spans.length), current?.status);
      if (added.length === 0 && status === current?.status) return null;
      return { spans, status: status ?? 'new' };
    });
  }

  /** The rows of pages filled or changed, copied from the drafts. */
  private draftRows(drafts: readonly PageDraft[]): DraftRows {
    return {
      pages: drafts.map((page) => ({ id: page.id, projectId: this.projectId, order: page.order, count: page.documents.length, importId: this.importId })),
      documents: drafts.map((page) => ({ pageId: page.id, documents: page.documents.slice() })),
      texts: drafts.map((page) => ({ pageId: page.id, texts: page.texts.slice() })),
      layers: this.layers.packPageLayers(
        drafts.map((page) => ({ pageId: page.id, projectId: this.projectId, count: page.documents.length, layers: page.layers, spanIdBases: page.spanIdBases })),
      ),
    };
  }

  /** Puts the rows, all requests made before any completes. Call inside a transaction. */
  private async writeRows(rows: DraftRows): Promise<void> {
    if (rows.pages.length === 0) return;
    const { pages, pageDocuments, pageTexts } = this.database;
    await Promise.all([pages.bulkPut(rows.pages), pageDocuments.bulkPut(rows.documents), pageTexts.bulkPut(rows.texts), this.layers.putPageLayers(rows.layers)]);
  }

  private async addLabels(incoming: readonly IncomingDocument[]): Promise<void> {
    const names = new Set<string>();
    for (const doc of incoming) for (const span of doc.spans) names.add(span.label);
    if (names.size === 0) return;
    const project = await this.database.projects.get(this.projectId);
    if (!project) throw new Error(`No project ${this.projectId}`);
    const labels = addMissingLabels(project.labels, names);
    if (labels.length === project.labels.length) return;
    if (!this.labelsJournaled) {
      await this.database.importJournal.add({ importId: this.importId, kind: 'labels', projectId: this.projectId, previous: project.labels });
      this.labelsJournaled = true;
    }
    await this.database.projects.update(this.projectId, { labels, updatedAt: Date.now() });
  }
}

/**
 * The content hash of every text a project holds: the Import dialog counts which incoming
 * documents are new and which are already present, before anything is written.
 */
export async function projectContentHashes(projectId: string, database: SpanwrightDatabase = workspace): Promise<Set<string>> {
  const { pages, pageDocuments } = database;
  return database.transaction('r', pages, pageDocuments, async () => {
    const ids = await pages.where('[projectId+order]').between([projectId, -Infinity], [projectId, Infinity]).primaryKeys();
    const hashes = new Set<string>();
    for (const row of await pageDocuments.bulkGet(ids)) for (const document of row?.documents ?? []) hashes.add(document.contentHash);
    return hashes;
  });
}

/** A layer's status after a merge: one the annotator set stays; otherwise the file's, or what its spans say. */
function mergedStatus(previous: DocumentStatus | undefined, incoming: DocumentStatus | undefined, spans: number): DocumentStatus {
  if (previous !== undefined && previous !== 'new') return previous;
  return incoming ?? (spans > 0 ? 'in-progress' : 'new');
}

const ROLLBACK_PAGES = 50;

/** Deletes everything an unfinished import created and restores what it changed. */
export async function rollBackImport(importId: string, database: SpanwrightDatabase = workspace): Promise<void> {
  const layers = layerStore(database);
  const { pages, pageDocuments, pageTexts, projects, importJournal, imports } = database;
  const pageIds = await pages.where('importId').equals(importId).primaryKeys();
  for (let i = 0; i < pageIds.length; i += ROLLBACK_PAGES) {
    const chunk = pageIds.slice(i, i + ROLLBACK_PAGES);
    await database.transaction('rw', [pages, pageDocuments, pageTexts, ...layers.tables()], async () => {
      await pages.bulkDelete(chunk);
      await pageDocuments.bulkDelete(chunk);
      await pageTexts.bulkDelete(chunk);
      // Layers edited meanwhile, or merged into by this import, live in rows keyed by the pages' documents.
      await layers.deleteOnPages(chunk);
    });
  }
  await database.transaction('rw', [projects, ...layers.tables(), importJournal, imports], async () => {
    const journal = await importJournal.where('importId').equals(importId).reverse().sortBy('seq');
    for (const entry of journal) {
      if (entry.kind === 'labels') await projects.update(entry.projectId, { labels: entry.previous });
      else if (entry.kind === 'layer') await layers.restore(entry.backup);
      // Journals written before version 7, by an import that was cut off before the upgrade.
      else if (entry.kind === 'pageLayers') await layers.restore({ documentId: '', annotator: entry.annotator, row: null, page: entry.previous }, { pageOnly: true });
      else await layers.restore({ documentId: entry.documentId, annotator: entry.annotator, row: entry.previous });
    }
    await importJournal.where('importId').equals(importId).delete();
    await imports.delete(importId);
  });
}

/**
 * Rolls back imports whose tab closed or crashed mid-way (run when the app starts): an import
 * whose own lock is free has nobody running it. Its project's lock is taken for the rollback, so
 * it never runs beside a live import. Returns how many were rolled back.
 */
export async function rollBackAbandonedImports(database: SpanwrightDatabase = workspace): Promise<number> {
  const running = await database.imports.where('state').equals('running').toArray();
  let rolledBack = 0;
  for (const row of running) {
    const own = await acquireLock(importLock(row.id), { ifAvailable: true });
    if (own === null) continue;
    try {
      await withLock(projectLock(row.projectId), async () => {
        // It may have finished, or been rolled back by another tab, while we waited.
        if ((await database.imports.get(row.id))?.state !== 'running') return;
        await rollBackImport(row.id, database);
        rolledBack++;
      });
    } finally {
      own.release();
    }
  }
  return rolledBack;
}
