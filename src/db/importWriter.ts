import { Dexie } from 'dexie';
import { addMissingLabels } from '../core/labels';
import { mergeSpans } from '../core/spans';
import { documentTitle } from '../core/text';
import type { DocumentMeta, DocumentStatus, SpanDraft } from '../core/types';
import { annotationRow } from './annotationRow';
import { db } from './database';
import { readLayer, writeLayers } from './layers';
import { documentIdOf, documentIdRange, locateDocument, newPageId, packPageLayers, PAGE_CHARS, PAGE_DOCUMENTS, type PageLayer } from './pageFormat';
import { pagesOfProject } from './pages';
import type { AnnotationRow, PagedDocument } from './schema';

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

/** An import still this quiet is taken to have died with its tab, and is rolled back. */
export const ABANDONED_AFTER_MS = 60_000;

/** A page being filled: kept in memory until it is full, rewritten after each batch until then. */
interface PageDraft {
  id: string;
  order: number;
  documents: PagedDocument[];
  texts: string[];
  chars: number;
  /** Each annotator's layers, slot by slot (shorter than `documents` where the last have none). */
  layers: Map<string, (PageLayer | null)[]>;
}

/** A merge into a document on a page already written: it becomes (or changes) a row. */
interface RowMerge {
  row: AnnotationRow;
  /** The layer as it was before this batch touched it. */
  replacing: AnnotationRow | undefined;
}

/**
 * Writes one file's documents in batches, all or nothing, a page of up to 100 documents at a time
 * (see `PageRow`). Every page carries the import's id, and every change to something that existed
 * before is journaled first, so `rollback()` (or a later `rollBackAbandonedImports()` after a
 * crash) restores the workspace exactly.
 */
export class ImportWriter {
  private nextOrder = 0;
  /**
   * The document holding each text of the project, by content hash, read once when the import
   * begins: checking each incoming text against memory instead of an index query per batch is
   * what keeps a 100,000 document import fast. New documents are added as they are written.
   */
  private documentByHash = new Map<string, string>();
  /** The page being filled, and the pages filled in the current batch (not yet written). */
  private open: PageDraft | null = null;
  private readonly unwritten = new Map<string, PageDraft>();
  private readonly ownPages = new Set<string>();
  private labelsJournaled = false;
  private readonly journaled = new Set<string>();

  private constructor(
    readonly importId: string,
    readonly projectId: string,
  ) {}

  static async begin(projectId: string, fileName: string): Promise<ImportWriter> {
    const writer = new ImportWriter(crypto.randomUUID(), projectId);
    await db.transaction('rw', db.imports, db.pages, db.pageDocuments, async () => {
      const now = Date.now();
      await db.imports.add({ id: writer.importId, projectId, fileName, state: 'running', startedAt: now, heartbeatAt: now });
      const pages = await pagesOfProject(projectId).toArray();
      const last = pages.at(-1);
      writer.nextOrder = last === undefined ? 0 : last.order + last.count;
      const documents = await db.pageDocuments.bulkGet(pages.map((page) => page.id));
      pages.forEach((page, i) => {
        documents[i]?.documents.forEach((document, slot) => writer.documentByHash.set(document.contentHash, documentIdOf(page.id, slot)));
      });
    });
    return writer;
  }

  async writeBatch(incoming: readonly IncomingDocument[]): Promise<BatchOutcome> {
    const outcome: BatchOutcome = { created: 0, merged: 0, spans: 0 };
    if (incoming.length === 0) return outcome;
    const tables = [db.projects, db.pages, db.pageDocuments, db.pageTexts, db.pageLayers, db.annotations, db.importJournal, db.imports];
    await db.transaction('rw', tables, async () => {
      await this.addLabels(incoming);
      const merges = new Map<string, RowMerge>();
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
        else await this.mergeIntoStored(known, doc, merges, outcome);
      }
      await this.writeDrafts();
      await writeLayers([...merges.values()]);
      await db.imports.update(this.importId, { heartbeatAt: Date.now() });
    });
    this.unwritten.clear();
    return outcome;
  }

  async commit(): Promise<void> {
    await db.transaction('rw', db.imports, db.importJournal, async () => {
      await db.importJournal.where('importId').equals(this.importId).delete();
      await db.imports.update(this.importId, { state: 'finished', heartbeatAt: Date.now() });
    });
  }

  async rollback(): Promise<void> {
    await rollBackImport(this.importId);
  }

  /** The page a text of this length goes on: the open one while it has room, else a new one. */
  private pageFor(length: number): PageDraft {
    const open = this.open;
    if (open !== null && open.documents.length < PAGE_DOCUMENTS && (open.documents.length === 0 || open.chars + length <= PAGE_CHARS)) return open;
    const page: PageDraft = { id: newPageId(), order: this.nextOrder, documents: [], texts: [], chars: 0, layers: new Map() };
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
    const { spans, added } = mergeSpans(doc.text, previous?.spans ?? [], doc.spans);
    outcome.spans += added.length;
    layers[slot] = { spans, status: mergedStatus(previous?.status, doc.status, spans.length) };
    this.unwritten.set(page.id, page);
  }

  /** Merges into a document already written: its layer becomes a row, journaled unless this import made it. */
  private async mergeIntoStored(documentId: string, doc: IncomingDocument, merges: Map<string, RowMerge>, outcome: BatchOutcome): Promise<void> {
    const key = `${documentId}\u0000${doc.annotator}`;
    const merged = merges.get(key);
    const replacing = merged === undefined ? await this.readForMerge(documentId, doc.annotator) : merged.replacing;
    const previous = merged?.row ?? replacing;
    const { spans, added } = mergeSpans(doc.text, previous?.spans ?? [], doc.spans);
    outcome.spans += added.length;
    const status = mergedStatus(previous?.status, doc.status, spans.length);
    merges.set(key, { row: annotationRow(documentId, doc.annotator, this.projectId, spans, status, previous?.rejected), replacing });
  }

  /** Reads a layer this import is about to change, saving what it changes to the journal the first time. */
  private async readForMerge(documentId: string, annotator: string): Promise<AnnotationRow | undefined> {
    const place = locateDocument(documentId);
    const key = `${documentId}\u0000${annotator}`;
    if (place !== null && !this.ownPages.has(place.pageId) && !this.journaled.has(key)) {
      this.journaled.add(key);
      const row = await db.annotations.get([documentId, annotator]);
      await db.importJournal.add({ importId: this.importId, kind: 'annotation', documentId, annotator, previous: row ?? null });
      const pageKey = `${place.pageId}\u0000${annotator}`;
      if (row === undefined && !this.journaled.has(pageKey)) {
        this.journaled.add(pageKey);
        const page = await db.pageLayers.get([place.pageId, annotator]);
        if (page) await db.importJournal.add({ importId: this.importId, kind: 'pageLayers', pageId: place.pageId, annotator, previous: page });
      }
    }
    return readLayer(documentId, annotator);
  }

  private async writeDrafts(): Promise<void> {
    const drafts = [...this.unwritten.values()];
    if (drafts.length === 0) return;
    const now = Date.now();
    await db.pages.bulkPut(drafts.map((page) => ({ id: page.id, projectId: this.projectId, order: page.order, count: page.documents.length, importId: this.importId })));
    await db.pageDocuments.bulkPut(drafts.map((page) => ({ pageId: page.id, documents: page.documents })));
    await db.pageTexts.bulkPut(drafts.map((page) => ({ pageId: page.id, texts: page.texts })));
    await db.pageLayers.bulkPut(
      drafts.flatMap((page) =>
        [...page.layers].map(([annotator, layers]) =>
          packPageLayers(
            { pageId: page.id, annotator, projectId: this.projectId },
            Array.from({ length: page.documents.length }, (_, slot) => layers[slot] ?? null),
            now,
          ),
        ),
      ),
    );
  }

  private async addLabels(incoming: readonly IncomingDocument[]): Promise<void> {
    const names = new Set<string>();
    for (const doc of incoming) for (const span of doc.spans) names.add(span.label);
    if (names.size === 0) return;
    const project = await db.projects.get(this.projectId);
    if (!project) throw new Error(`No project ${this.projectId}`);
    const labels = addMissingLabels(project.labels, names);
    if (labels.length === project.labels.length) return;
    if (!this.labelsJournaled) {
      await db.importJournal.add({ importId: this.importId, kind: 'labels', projectId: this.projectId, previous: project.labels });
      this.labelsJournaled = true;
    }
    await db.projects.update(this.projectId, { labels, updatedAt: Date.now() });
  }
}

/** A layer's status after a merge: one the annotator set stays; otherwise the file's, or what its spans say. */
function mergedStatus(previous: DocumentStatus | undefined, incoming: DocumentStatus | undefined, spans: number): DocumentStatus {
  if (previous !== undefined && previous !== 'new') return previous;
  return incoming ?? (spans > 0 ? 'in-progress' : 'new');
}

const ROLLBACK_PAGES = 50;

/** Deletes everything an unfinished import created and restores what it changed. */
export async function rollBackImport(importId: string): Promise<void> {
  const pageIds = await db.pages.where('importId').equals(importId).primaryKeys();
  for (let i = 0; i < pageIds.length; i += ROLLBACK_PAGES) {
    const chunk = pageIds.slice(i, i + ROLLBACK_PAGES);
    await db.transaction('rw', [db.pages, db.pageDocuments, db.pageTexts, db.pageLayers, db.annotations], async () => {
      await db.pages.bulkDelete(chunk);
      await db.pageDocuments.bulkDelete(chunk);
      await db.pageTexts.bulkDelete(chunk);
      for (const pageId of chunk) {
        await db.pageLayers.where('[pageId+annotator]').between([pageId, Dexie.minKey], [pageId, Dexie.maxKey]).delete();
        // Layers edited meanwhile, or merged into by this import, live in rows keyed by the page's documents.
        const [first, last] = documentIdRange(pageId);
        await db.annotations.where('[documentId+annotator]').between([first, Dexie.minKey], [last, Dexie.maxKey]).delete();
      }
    });
  }
  await db.transaction('rw', [db.projects, db.annotations, db.pageLayers, db.importJournal, db.imports], async () => {
    const journal = await db.importJournal.where('importId').equals(importId).reverse().sortBy('seq');
    for (const entry of journal) {
      if (entry.kind === 'labels') await db.projects.update(entry.projectId, { labels: entry.previous });
      else if (entry.kind === 'pageLayers') await db.pageLayers.put(entry.previous);
      else if (entry.previous) await db.annotations.put(entry.previous);
      else await db.annotations.delete([entry.documentId, entry.annotator]);
    }
    await db.importJournal.where('importId').equals(importId).delete();
    await db.imports.delete(importId);
  });
}

/** Rolls back imports whose tab closed or crashed mid-way (run once when the app starts). */
export async function rollBackAbandonedImports(now: number = Date.now()): Promise<number> {
  const running = await db.imports.where('state').equals('running').toArray();
  const abandoned = running.filter((row) => now - row.heartbeatAt > ABANDONED_AFTER_MS);
  for (const row of abandoned) await rollBackImport(row.id);
  return abandoned.length;
}
