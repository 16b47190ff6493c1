import { Dexie } from 'dexie';
import { layerChangeOf, type LayerChange, type LayerState } from '../core/layerChange';
import { relabelSpans } from '../core/labelSet';
import { sortSpans } from '../core/spans';
import type { DocumentStatus, Span } from '../core/types';
import { annotationRow } from './annotationRow';
import { db as defaultDatabase, type SpanwrightDatabase } from './database';
import { slotsMeeting, type Criterion } from './layerCriteria';
import { documentIdOf, documentIdRange, locateDocument, packPageLayers, pageHasLabel, pageLayerAt, unpackPageLayers, withoutSlots, type PageLayer } from './pageFormat';
import { groupByPage } from './pages';
import { anyLabelKey, labelKey, type AnnotationRow, type DecisionRow, type LayerBackup, type PageLayersRow, type SpanOriginRow } from './schema';

/**
 * The layer store: the only code that reads, writes, iterates, counts and relabels annotation
 * layers (a lint rule keeps the `annotations` and `pageLayers` tables to this file and the
 * migrations). A layer lives in exactly one place:
 * - a slot of its page's `PageLayersRow`, while it is as an import brought it (`location: 'page'`);
 * - an `annotations` row once it has been edited (`location: 'row'`).
 * Every value read says where it lives, and writers go through `update`, which reads the layer
 * itself inside its transaction and moves it off its page when it writes a row: no caller can put
 * a layer in two places, whatever object it hands back. `CONTEXT.md` tells the whole story.
 */

export type LayerLocation = 'row' | 'page';

/** A layer as read: the row's fields (a page slot's are made up the same way) and where it lives. */
export type StoredLayer = AnnotationRow & { readonly location: LayerLocation };

/** What a writer sets on a layer; the store derives labels, keys, revision and time. */
export interface LayerDraft {
  spans: readonly Span[];
  status: DocumentStatus;
  rejected?: readonly string[];
  /** The annotator's note; kept as it is when absent, removed when ''. */
  note?: string;
  /** The gold layer's decisions and span origins; kept as they are when absent. */
  review?: { decisions: readonly DecisionRow[]; origins: readonly SpanOriginRow[] };
}

/** The review fields a written row carries: the draft's, else the layer's own (none for most layers). */
function reviewFields(draft: LayerDraft | null, current: AnnotationRow | undefined): Pick<AnnotationRow, 'decisions' | 'origins'> {
  if (draft?.review) return { decisions: [...draft.review.decisions], origins: [...draft.review.origins] };
  return {
    ...(current?.decisions === undefined ? {} : { decisions: current.decisions }),
    ...(current?.origins === undefined ? {} : { origins: current.origins }),
  };
}

/** The note a written row carries: the draft's, else the layer's own. */
function noteField(draft: LayerDraft | null, current: AnnotationRow | undefined): Pick<AnnotationRow, 'note'> {
  const note = draft?.note ?? current?.note;
  return note ? { note } : {};
}

/** One (document, annotator) a writer asks for. */
export interface LayerKey {
  documentId: string;
  annotator: string;
}

/** The project's imported layers, read once for several criteria in a row; opaque outside src/db. */
declare const layerSnapshot: unique symbol;
export type LayerSnapshot = { readonly [layerSnapshot]: true };

/** Which layers `forEachLayer` visits. */
export interface LayerScope {
  /** Only these annotators' layers (all when absent). */
  annotators?: readonly string[];
  /** Only layers with one of these statuses (all when absent). */
  statuses?: readonly DocumentStatus[];
}

/** The state a change applies to: what a layer that does not exist yet looks like. */
export function layerState(layer: StoredLayer | undefined): LayerState {
  return { spans: layer?.spans ?? [], status: layer?.status ?? 'new', rejected: layer?.rejected ?? [], ...(layer?.note ? { note: layer.note } : {}) };
}

function fromPage(documentId: string, page: PageLayersRow, slot: number): StoredLayer | undefined {
  const layer = pageLayerAt(page, slot);
  if (layer === null) return undefined;
  const row = annotationRow(documentId, page.annotator, page.projectId, layer.spans, layer.status);
  // An imported layer has never been edited: revision 0, as old as its page.
  return { ...row, revision: 0, updatedAt: page.updatedAt, location: 'page' };
}

function fromRow(row: AnnotationRow): StoredLayer {
  return { ...row, revision: row.revision, location: 'row' };
}

/** The row to store for a layer: what `StoredLayer` adds is never written. */
function rowOf(layer: AnnotationRow): AnnotationRow {
  const { location: _location, ...row } = layer as StoredLayer;
  return row;
}

export class LayerStore {
  constructor(readonly database: SpanwrightDatabase) {}

  /** The tables a transaction that reads or writes layers must hold. */
  tables() {
    const { annotations, pageLayers, pages } = this.database;
    return [annotations, pageLayers, pages] as const;
  }

  // Reading ------------------------------------------------------------------------------------

  /** One annotator's layer on one document. */
  async read(documentId: string, annotator: string): Promise<StoredLayer | undefined> {
    const row = await this.database.annotations.get([documentId, annotator]);
    if (row !== undefined) return fromRow(row);
    const place = locateDocument(documentId);
    if (place === null) return undefined;
    const page = await this.database.pageLayers.get([place.pageId, annotator]);
    return page === undefined ? undefined : fromPage(documentId, page, place.slot);
  }

  /** One annotator's layers on many documents, in the order asked (undefined where none exists). */
  async readMany(documentIds: readonly string[], annotator: string): Promise<(StoredLayer | undefined)[]> {
    const rows = await this.database.annotations.bulkGet(documentIds.map((id): [string, string] => [id, annotator]));
    // Only the pages of documents without a row are read.
    const { pageIds, at } = groupByPage(documentIds.filter((_, i) => rows[i] === undefined));
    const pages = pageIds.length === 0 ? [] : await this.database.pageLayers.bulkGet(pageIds.map((pageId): [string, string] => [pageId, annotator]));
    let missing = 0;
    return rows.map((row, i) => {
      if (row !== undefined) return fromRow(row);
      const place = at[missing++];
      const page = place ? pages[place.page] : undefined;
      return page === undefined || !place ? undefined : fromPage(documentIds[i] ?? '', page, place.slot);
    });
  }

  /**
   * Every annotator's layers on each of `documentIds`. Two range reads per page (its documents'
   * rows, its page layers) however many of its documents are asked.
   */
  async readAll(documentIds: readonly string[]): Promise<Map<string, StoredLayer[]>> {
    const pageIds = [...new Set(documentIds.flatMap((id) => locateDocument(id)?.pageId ?? []))];
    const [rows, pages] = await Promise.all([
      Promise.all(pageIds.map((pageId) => this.rowsOfPage(pageId).toArray())),
      Promise.all(pageIds.map((pageId) => this.database.pageLayers.where('[pageId+annotator]').between([pageId, Dexie.minKey], [pageId, Dexie.maxKey]).toArray())),
    ]);
    const layersOf = new Map<string, StoredLayer[]>(documentIds.map((id) => [id, []]));
    for (const row of rows.flat()) layersOf.get(row.documentId)?.push(fromRow(row));
    pageIds.forEach((pageId, p) => {
      for (const page of pages[p] ?? []) {
        for (let slot = 0; slot < page.statuses.length; slot++) {
          const documentId = documentIdOf(pageId, slot);
          const ofDocument = layersOf.get(documentId);
          const layer = ofDocument && page.statuses[slot] !== 0 ? fromPage(documentId, page, slot) : undefined;
          if (layer) ofDocument?.push(layer);
        }
      }
    });
    return layersOf;
  }

  /** Everyone who has a layer in the project (the reviewer's `gold` included), sorted. */
  async annotators(projectId: string): Promise<string[]> {
    // Distinct [project, annotator] keys: one cursor step per annotator, not one per layer.
    const keys = await Promise.all([this.rowsOfProject(projectId).uniqueKeys(), this.pagesOfProject(projectId).uniqueKeys()]);
    const names = keys.flat().flatMap((key) => (Array.isArray(key) && typeof key[1] === 'string' ? [key[1]] : []));
    return [...new Set(names)].sort();
  }

  /**
   * Visits every layer of the project in `scope`, rows first, then page slots a page at a time,
   * so a 100,000-document project is never held at once. `visit` must not write.
   */
  async forEachLayer(projectId: string, scope: LayerScope, visit: (layer: StoredLayer) => void): Promise<void> {
    const annotators = scope.annotators === undefined ? undefined : new Set(scope.annotators);
    const statuses = scope.statuses === undefined ? undefined : new Set(scope.statuses);
    const wanted = (annotator: string, status: DocumentStatus) => (annotators?.has(annotator) ?? true) && (statuses?.has(status) ?? true);
    await this.rowsOfProject(projectId).each((row) => {
      if (wanted(row.annotator, row.status)) visit(fromRow(row));
    });
    await this.pagesOfProject(projectId).each((page) => {
      if (annotators && !annotators.has(page.annotator)) return;
      for (let slot = 0; slot < page.statuses.length; slot++) {
        const layer = page.statuses[slot] === 0 ? undefined : fromPage(documentIdOf(page.pageId, slot), page, slot);
        if (layer && wanted(layer.annotator, layer.status)) visit(layer);
      }
    });
  }

  // Questions the filters ask ------------------------------------------------------------------

  /** The project's page layers, read once for several criteria (warming the search index asks a dozen). */
  async snapshot(projectId: string): Promise<LayerSnapshot> {
    return (await this.pagesOfProject(projectId).toArray()) as unknown as LayerSnapshot;
  }

  /**
   * The ids of the documents meeting `criterion` (in no particular order; once each): rows through
   * their indexes (keys only), page layers from their packed statuses and labels.
   */
  async documentsMeeting(projectId: string, criterion: Criterion, snapshot?: LayerSnapshot): Promise<string[]> {
    const [rows, pages] = await Promise.all([this.rowsMeeting(projectId, criterion), this.slotsMeeting(projectId, criterion, snapshot)]);
    // Two annotators' layers on one document both meet an any-annotator label.
    return criterion.kind === 'label' && criterion.annotator === null ? [...new Set([...rows, ...pages])] : [...rows, ...pages];
  }

  private async rowsMeeting(projectId: string, criterion: Criterion): Promise<string[]> {
    const { annotations } = this.database;
    let keys: [string, string][];
    switch (criterion.kind) {
      case 'status':
        keys = await annotations.where('[projectId+annotator+status]').equals([projectId, criterion.annotator, criterion.status]).primaryKeys();
        break;
      case 'label':
        keys = await annotations
          .where('labelKeys')
          .equals(criterion.annotator === null ? anyLabelKey(projectId, criterion.label) : labelKey(projectId, criterion.annotator, criterion.label))
          .primaryKeys();
        break;
      case 'layer':
        keys = await this.rowsOfProject(projectId, criterion.annotator).primaryKeys();
        break;
    }
    return keys.map(([documentId]) => documentId);
  }

  private async slotsMeeting(projectId: string, criterion: Criterion, snapshot?: LayerSnapshot): Promise<string[]> {
    const annotator = criterion.annotator ?? undefined;
    const pages = (snapshot as unknown as readonly PageLayersRow[] | undefined) ?? (await this.pagesOfProject(projectId, annotator).toArray());
    const ids: string[] = [];
    for (const page of pages) {
      if (annotator === undefined || page.annotator === annotator) slotsMeeting(page, criterion, (slot) => ids.push(documentIdOf(page.pageId, slot)));
    }
    return ids;
  }

  // Counting -----------------------------------------------------------------------------------

  /** How many spans carry `label` in the project, over every annotator's layer. */
  async countSpansWithLabel(projectId: string, label: string): Promise<number> {
    const [rows, pages] = await Promise.all([this.rowsWithLabel(projectId, label), this.pagesWithLabel(projectId, label)]);
    let count = rows.reduce((total, row) => total + row.spans.filter((span) => span.label === label).length, 0);
    for (const { spans } of pages) {
      const index = spans.labels.indexOf(label);
      for (const labelIndex of spans.labelOf) if (labelIndex === index) count++;
    }
    return count;
  }

  // Writing ------------------------------------------------------------------------------------

  /**
   * Reads, changes and writes layers in one transaction. `change` gets each layer as it is now
   * (undefined: none yet) and returns its new content, or null to leave it. A layer still on its
   * page leaves it for a row in the same transaction; every write bumps the layer's revision.
   * Returns what changed, layer by layer (for undo), and the rows now stored.
   */
  async update(
    keys: readonly LayerKey[],
    change: (current: StoredLayer | undefined, key: LayerKey, index: number) => LayerDraft | null,
    /** Called for a document that no longer exists, which is then skipped; without it, such a write throws. */
    onMissing?: (key: LayerKey) => void,
  ): Promise<{ changes: LayerChange[]; rows: AnnotationRow[] }> {
    if (keys.length === 0) return { changes: [], rows: [] };
    return this.database.transaction('rw', this.tables(), async () => {
      const currents = await this.readLayersOf(keys);
      const projects = await this.projectsOf(keys.filter((_, index) => currents[index] === undefined));
      const changes: LayerChange[] = [];
      const writes: { row: AnnotationRow; replacing: StoredLayer | undefined }[] = [];
      for (const [index, key] of keys.entries()) {
        const current = currents[index];
        const draft = change(current, key, index);
        if (draft === null) continue;
        const projectId = current?.projectId ?? projects.get(key.documentId);
        if (projectId === undefined) {
          if (!onMissing) throw new Error(`No document ${key.documentId}`);
          onMissing(key);
          continue;
        }
        const row = {
          ...annotationRow(key.documentId, key.annotator, projectId, draft.spans, draft.status, draft.rejected ?? current?.rejected),
          revision: (current?.revision ?? 0) + 1,
          ...reviewFields(draft, current),
          ...noteField(draft, current),
        };
        writes.push({ row, replacing: current });
        changes.push(layerChangeOf(key.documentId, key.annotator, current && layerState(current), row));
      }
      await this.write(writes);
      return { changes, rows: writes.map(({ row }) => row) };
    });
  }

  /** Layers of `keys`, in order; one read per annotator, however many documents. */
  private async readLayersOf(keys: readonly LayerKey[]): Promise<(StoredLayer | undefined)[]> {
    const byAnnotator = new Map<string, number[]>();
    keys.forEach((key, i) => {
      const indexes = byAnnotator.get(key.annotator);
      if (indexes) indexes.push(i);
      else byAnnotator.set(key.annotator, [i]);
    });
    const layers: (StoredLayer | undefined)[] = new Array<StoredLayer | undefined>(keys.length);
    for (const [annotator, indexes] of byAnnotator) {
      const read = await this.readMany(indexes.map((i) => keys[i]?.documentId ?? ''), annotator);
      indexes.forEach((i, at) => (layers[i] = read[at]));
    }
    return layers;
  }

  /** The project of each document, from its page (absent: no such document); one read for all. */
  private async projectsOf(keys: readonly LayerKey[]): Promise<Map<string, string>> {
    const { pageIds, at } = groupByPage(keys.map((key) => key.documentId));
    const pages = pageIds.length === 0 ? [] : await this.database.pages.bulkGet(pageIds);
    const projects = new Map<string, string>();
    keys.forEach((key, i) => {
      const place = at[i];
      const page = place ? pages[place.page] : undefined;
      if (page && place && place.slot < page.count) projects.set(key.documentId, page.projectId);
    });
    return projects;
  }

  /** Puts rows; layers that still lived on their pages are taken off them, a page at a time. */
  private async write(writes: readonly { row: AnnotationRow; replacing: StoredLayer | undefined }[]): Promise<void> {
    if (writes.length === 0) return;
    const slotsByPage = new Map<string, { pageId: string; annotator: string; slots: number[] }>();
    for (const { replacing } of writes) {
      if (replacing?.location !== 'page') continue;
      const place = locateDocument(replacing.documentId);
      if (place === null) continue;
      const key = `${place.pageId}\u0000${replacing.annotator}`;
      const entry = slotsByPage.get(key) ?? { pageId: place.pageId, annotator: replacing.annotator, slots: [] };
      entry.slots.push(place.slot);
      slotsByPage.set(key, entry);
    }
    if (slotsByPage.size > 0) {
      const entries = [...slotsByPage.values()];
      const pages = await this.database.pageLayers.bulkGet(entries.map(({ pageId, annotator }): [string, string] => [pageId, annotator]));
      await this.database.pageLayers.bulkPut(pages.flatMap((page, i) => (page === undefined ? [] : [withoutSlots(page, entries[i]?.slots ?? [])])));
    }
    await this.database.annotations.bulkPut(writes.map(({ row }) => rowOf(row)));
  }

  /**
   * Renames (or drops, `to` null) a label in every layer of the project, every annotator's, in
   * place: page layers stay on their pages. Call inside a transaction over `tables()`.
   */
  async relabel(projectId: string, from: string, to: string | null): Promise<LayerChange[]> {
    const changes: LayerChange[] = [];
    for (const row of await this.rowsWithLabel(projectId, from)) {
      const spans = relabelSpans(row.spans, from, to);
      if (spans === row.spans) continue;
      const next = { ...annotationRow(row.documentId, row.annotator, projectId, spans, row.status, row.rejected), revision: row.revision + 1, ...reviewFields(null, row), ...noteField(null, row) };
      await this.database.annotations.put(next);
      changes.push(layerChangeOf(row.documentId, row.annotator, row, next));
    }
    for (const page of await this.pagesWithLabel(projectId, from)) {
      const layers = unpackPageLayers(page).map((layer, slot) => {
        if (layer === null) return null;
        const spans = relabelSpans(layer.spans, from, to);
        if (spans === layer.spans) return layer;
        const after: PageLayer = { ...layer, spans: sortSpans(spans) };
        changes.push(layerChangeOf(documentIdOf(page.pageId, slot), page.annotator, { ...layer, rejected: [] }, { ...after, rejected: [] }));
        return after;
      });
      await this.database.pageLayers.put(packPageLayers(page, layers, Date.now()));
    }
    return changes;
  }

  // What imports need --------------------------------------------------------------------------

  /** Writes an import's layers onto the pages it filled (each annotator's, slot by slot). */
  async putPageLayers(pages: readonly { pageId: string; projectId: string; count: number; layers: ReadonlyMap<string, readonly (PageLayer | null)[]> }[]): Promise<void> {
    const now = Date.now();
    await this.database.pageLayers.bulkPut(
      pages.flatMap((page) =>
        [...page.layers].map(([annotator, layers]) =>
          packPageLayers(
            { pageId: page.pageId, annotator, projectId: page.projectId },
            Array.from({ length: page.count }, (_, slot) => layers[slot] ?? null),
            now,
          ),
        ),
      ),
    );
  }

  /**
   * What a layer's storage looks like before an import changes it, enough to put it back exactly:
   * its row, and (`withPage`, once per page) its page's layers for that annotator.
   */
  async saveForRollback(documentId: string, annotator: string, withPage: boolean): Promise<LayerBackup> {
    const row = (await this.database.annotations.get([documentId, annotator])) ?? null;
    const place = locateDocument(documentId);
    const page = withPage && place !== null ? await this.database.pageLayers.get([place.pageId, annotator]) : undefined;
    return { documentId, annotator, row, ...(page ? { page } : {}) };
  }

  /** Puts back what `saveForRollback` saved (`pageOnly`: just the page, from journals before version 7). */
  async restore(backup: LayerBackup, { pageOnly = false } = {}): Promise<void> {
    if (backup.page) await this.database.pageLayers.put(backup.page);
    if (pageOnly) return;
    if (backup.row) await this.database.annotations.put(backup.row);
    else await this.database.annotations.delete([backup.documentId, backup.annotator]);
  }

  /** Deletes every layer on these pages, rows and page slots (the pages' documents are going). */
  async deleteOnPages(pageIds: readonly string[]): Promise<void> {
    for (const pageId of pageIds) {
      await this.database.pageLayers.where('[pageId+annotator]').between([pageId, Dexie.minKey], [pageId, Dexie.maxKey]).delete();
      await this.rowsOfPage(pageId).delete();
    }
  }

  // Private queries ----------------------------------------------------------------------------

  private rowsOfPage(pageId: string) {
    const [first, last] = documentIdRange(pageId);
    return this.database.annotations.where('[documentId+annotator]').between([first, Dexie.minKey], [last, Dexie.maxKey]);
  }

  private rowsOfProject(projectId: string, annotator?: string) {
    const { annotations } = this.database;
    return annotator === undefined
      ? annotations.where('[projectId+annotator]').between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
      : annotations.where('[projectId+annotator]').equals([projectId, annotator]);
  }

  private pagesOfProject(projectId: string, annotator?: string) {
    const { pageLayers } = this.database;
    return annotator === undefined
      ? pageLayers.where('[projectId+annotator]').between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
      : pageLayers.where('[projectId+annotator]').equals([projectId, annotator]);
  }

  private rowsWithLabel(projectId: string, label: string): Promise<AnnotationRow[]> {
    return this.database.annotations.where('labelKeys').equals(anyLabelKey(projectId, label)).toArray();
  }

  private async pagesWithLabel(projectId: string, label: string): Promise<PageLayersRow[]> {
    return (await this.pagesOfProject(projectId).toArray()).filter((page) => pageHasLabel(page, label));
  }
}

const stores = new WeakMap<SpanwrightDatabase, LayerStore>();

/** The layer store of a database (the workspace's unless another is given, as a restore will). */
export function layerStore(database: SpanwrightDatabase = defaultDatabase): LayerStore {
  let store = stores.get(database);
  if (!store) {
    store = new LayerStore(database);
    stores.set(database, store);
  }
  return store;
}
