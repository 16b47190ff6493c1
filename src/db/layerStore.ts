import { Dexie, type Transaction } from 'dexie';
import { foldLayerChanges } from '../core/foldChanges';
import { layerChangeOf, type Direction, type LayerChange, type LayerState } from '../core/layerChange';
import { relabelSpans } from '../core/labelSet';
import { sortSpans } from '../core/spans';
import type { DocumentStatus, Span } from '../core/types';
import { annotationRow } from './annotationRow';
import { db as defaultDatabase, type SpanwrightDatabase } from './database';
import { criterionHolds, slotsMeeting, type Criterion } from './layerCriteria';
import { documentIdOf, documentIdRange, locateDocument, packPageLayers, pageHasLabel, pageLayerAt, unpackPageLayers, withoutSlots, type PageLayer } from './pageFormat';
import { groupByPage } from './pages';
import { anyLabelKey, labelKey, type AnnotationRow, type DecisionRow, type LayerBackup, type LayerEditRow, type PageLayersRow, type SpanOriginRow } from './schema';

/**
 * The layer store: the only code that reads, writes, iterates, counts and relabels annotation
 * layers (a lint rule keeps the `annotations` and `pageLayers` tables to this file and the
 * migrations). A layer lives in exactly one place:
 * - a slot of its page's `PageLayersRow`, while it is as an import brought it (`location: 'page'`);
 * - an `annotations` row once it has been edited (`location: 'row'`).
 * Every value read says where it lives, and writers go through `update`, which reads the layer
 * itself inside its transaction and moves it off its page when it writes a row: no caller can put
 * a layer in two places, whatever object it hands back.
 *
 * A span edit need not rewrite its layer: `append` adds one small `layerEdits` record (what the
 * edit changed), and every read here folds a layer's pending records into it, in commit order,
 * so no reader outside this file knows they exist. `compact` (scheduled after appends, off the
 * hot path) folds them into the row for good; `update` does the same for the layers it writes.
 * `CONTEXT.md` tells the whole story.
 */

/**
 * Where a layer's base lives: its `annotations` row or its page slot. Edits appended since are
 * folded into what is read; a layer made only of edits so far reads as `row` (it becomes one).
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

/** One string per (document, annotator). */
function layerId(documentId: string, annotator: string): string {
  return `${documentId}\u0000${annotator}`;
}

/** The edit records folded into a layer read here, so a write of that layer deletes exactly them. */
const foldedEdits = new WeakMap<StoredLayer, number[]>();

/**
 * A layer with its pending edits applied in order (`base` undefined: none stored yet). Each edit
 * counts as a write: the revision is the base's plus the number of edits, which is what the row
 * holds once they are compacted into it, so compaction never looks like a change to a reader.
 */
function folded(base: StoredLayer | undefined, edits: readonly LayerEditRow[]): StoredLayer | undefined {
  const last = edits.at(-1);
  if (last === undefined) return base;
  const state = foldLayerChanges(layerState(base), edits);
  const row = annotationRow(last.documentId, last.annotator, base?.projectId ?? last.projectId, state.spans, state.status, state.rejected);
  const layer: StoredLayer = {
    // Whatever else the layer carries (the gold layer's decisions and origins) stays as it is.
    ...base,
    ...state,
    ...row,
    revision: (base?.revision ?? 0) + edits.length,
    updatedAt: last.at,
    location: base?.location ?? 'row',
  };
  foldedEdits.set(layer, [...(base ? (foldedEdits.get(base) ?? []) : []), ...edits.flatMap((edit) => (edit.seq === undefined ? [] : [edit.seq]))]);
  return layer;
}

/** Edit records grouped by layer, each group in commit order. */
function byLayer(edits: readonly LayerEditRow[]): Map<string, LayerEditRow[]> {
  const groups = new Map<string, LayerEditRow[]>();
  for (const edit of [...edits].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))) {
    const id = layerId(edit.documentId, edit.annotator);
    const group = groups.get(id);
    if (group) group.push(edit);
    else groups.set(id, [edit]);
  }
  return groups;
}

/**
 * Commits a transaction as soon as its requests are issued rather than after they come back:
 * the browser then completes it even if this tab is closed a moment later.
 */
function commitNow(transaction: Transaction): void {
  try {
    // Older browsers lack `commit`: they commit once the write comes back, as before.
    const { commit } = transaction.idbtrans as Partial<Pick<IDBTransaction, 'commit'>>;
    commit?.call(transaction.idbtrans);
  } catch {
    // Already committing: nothing to hurry.
  }
}

/**
 * Edits wait this long without another before they are compacted (off the hot path: compacting a
 * 5,000-span layer costs what a whole write did, and an edit made meanwhile waits for it)…
 */
const COMPACT_WHEN_IDLE_MS = 10_000;
/** …unless this many are pending, when folding them on every read would start to cost. */
const COMPACT_AFTER_EDITS = 200;

export class LayerStore {
  constructor(readonly database: SpanwrightDatabase) {}

  /** The tables a transaction that reads or writes layers must hold. */
  tables() {
    const { annotations, pageLayers, pages, layerEdits } = this.database;
    return [annotations, pageLayers, pages, layerEdits] as const;
  }

  /** A read over every place a layer lives, as one consistent snapshot (a compaction cannot land halfway). */
  private reading<T>(work: () => Promise<T>): Promise<T> {
    return this.database.transaction('r', this.tables(), work);
  }

  // Reading ------------------------------------------------------------------------------------

  /** One annotator's layer on one document. */
  read(documentId: string, annotator: string): Promise<StoredLayer | undefined> {
    return this.reading(() => this.readIn(documentId, annotator));
  }

  /**
   * `read` inside a transaction the caller holds over `tables()` (and more): its requests go out
   * at once, where a transaction of its own would start a microtask later.
   */
  async readIn(documentId: string, annotator: string): Promise<StoredLayer | undefined> {
    const [base, edits] = await Promise.all([this.readBase(documentId, annotator), this.editsOfLayer(documentId, annotator)]);
    return folded(base, edits);
  }

  private async readBase(documentId: string, annotator: string): Promise<StoredLayer | undefined> {
    // Row and page slot are asked for at once: one round trip where asking for the page only
    // when there is no row took two (opening a document waits for this read).
    const place = locateDocument(documentId);
    const [row, page] = await Promise.all([
      this.database.annotations.get([documentId, annotator]),
      place === null ? undefined : this.database.pageLayers.get([place.pageId, annotator]),
    ]);
    if (row !== undefined) return fromRow(row);
    return page === undefined || place === null ? undefined : fromPage(documentId, page, place.slot);
  }

  /** One annotator's layers on many documents, in the order asked (undefined where none exists). */
  readMany(documentIds: readonly string[], annotator: string): Promise<(StoredLayer | undefined)[]> {
    return this.reading(async () => {
      const [bases, edits] = await Promise.all([this.readBases(documentIds, annotator), this.editsOfLayers(documentIds, annotator)]);
      return bases.map((base, i) => folded(base, edits.get(layerId(documentIds[i] ?? '', annotator)) ?? []));
    });
  }

  private async readBases(documentIds: readonly string[], annotator: string): Promise<(StoredLayer | undefined)[]> {
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
  readAll(documentIds: readonly string[]): Promise<Map<string, StoredLayer[]>> {
    return this.reading(async () => {
      const pageIds = [...new Set(documentIds.flatMap((id) => locateDocument(id)?.pageId ?? []))];
      const [rows, pages, edits] = await Promise.all([
        Promise.all(pageIds.map((pageId) => this.rowsOfPage(pageId).toArray())),
        Promise.all(pageIds.map((pageId) => this.database.pageLayers.where('[pageId+annotator]').between([pageId, Dexie.minKey], [pageId, Dexie.maxKey]).toArray())),
        this.editsOfDocuments(documentIds),
      ]);
      const bases = new Map<string, StoredLayer>();
      for (const row of rows.flat()) bases.set(layerId(row.documentId, row.annotator), fromRow(row));
      pageIds.forEach((pageId, p) => {
        for (const page of pages[p] ?? []) {
          for (let slot = 0; slot < page.statuses.length; slot++) {
            const documentId = documentIdOf(pageId, slot);
            const layer = page.statuses[slot] !== 0 ? fromPage(documentId, page, slot) : undefined;
            if (layer) bases.set(layerId(documentId, page.annotator), layer);
          }
        }
      });
      const layersOf = new Map<string, StoredLayer[]>(documentIds.map((id) => [id, []]));
      for (const [id, base] of bases) {
        const layer = folded(base, edits.get(id) ?? []);
        if (layer) layersOf.get(layer.documentId)?.push(layer);
      }
      for (const [id, group] of edits) {
        const layer = bases.has(id) ? undefined : folded(undefined, group);
        if (layer) layersOf.get(layer.documentId)?.push(layer);
      }
      return layersOf;
    });
  }

  /** Everyone who has a layer in the project (the reviewer's `gold` included), sorted. */
  async annotators(projectId: string): Promise<string[]> {
    // Distinct [project, annotator] keys: one cursor step per annotator, not one per layer.
    const keys = await Promise.all([this.rowsOfProject(projectId).uniqueKeys(), this.pagesOfProject(projectId).uniqueKeys(), this.editsOfProject(projectId).uniqueKeys()]);
    const names = keys.flat().flatMap((key) => (Array.isArray(key) && typeof key[1] === 'string' ? [key[1]] : []));
    return [...new Set(names)].sort();
  }

  /**
   * Visits every layer of the project in `scope`, rows first, then page slots a page at a time,
   * so a 100,000-document project is never held at once. `visit` must not write.
   */
  forEachLayer(projectId: string, scope: LayerScope, visit: (layer: StoredLayer) => void): Promise<void> {
    const annotators = scope.annotators === undefined ? undefined : new Set(scope.annotators);
    const statuses = scope.statuses === undefined ? undefined : new Set(scope.statuses);
    const wanted = (annotator: string, status: DocumentStatus) => (annotators?.has(annotator) ?? true) && (statuses?.has(status) ?? true);
    return this.reading(async () => {
      // Pending edits are few (compaction keeps them so): read them all, fold each layer's in on the way.
      const edits = byLayer(await this.editsOfProject(projectId).toArray());
      const take = (base: StoredLayer) => {
        const id = layerId(base.documentId, base.annotator);
        const group = edits.get(id);
        edits.delete(id);
        return group ? (folded(base, group) ?? base) : base;
      };
      await this.rowsOfProject(projectId).each((row) => {
        if (annotators && !annotators.has(row.annotator)) return;
        const layer = take(fromRow(row));
        if (wanted(layer.annotator, layer.status)) visit(layer);
      });
      await this.pagesOfProject(projectId).each((page) => {
        if (annotators && !annotators.has(page.annotator)) return;
        for (let slot = 0; slot < page.statuses.length; slot++) {
          const base = page.statuses[slot] === 0 ? undefined : fromPage(documentIdOf(page.pageId, slot), page, slot);
          const layer = base && take(base);
          if (layer && wanted(layer.annotator, layer.status)) visit(layer);
        }
      });
      // Layers made only of edits so far, on documents that still exist.
      const rest = [...edits.values()].flatMap((group) => folded(undefined, group) ?? []).filter((layer) => !annotators || annotators.has(layer.annotator));
      const projects = await this.projectsOf(rest);
      for (const layer of rest) if (projects.get(layer.documentId) === projectId && wanted(layer.annotator, layer.status)) visit(layer);
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
  documentsMeeting(projectId: string, criterion: Criterion, snapshot?: LayerSnapshot): Promise<string[]> {
    return this.reading(async () => {
      const [rows, pages, edits] = await Promise.all([
        this.rowsMeeting(projectId, criterion),
        this.slotsMeeting(projectId, criterion, snapshot),
        this.editsOfProject(projectId).toArray(),
      ]);
      // Two annotators' layers on one document both meet an any-annotator label.
      const found = criterion.kind === 'label' && criterion.annotator === null ? [...new Set([...rows, ...pages])] : [...rows, ...pages];
      if (edits.length === 0) return found;
      // Documents with edits pending: their indexes and packed pages are behind, so their folded layers answer.
      const documents = [...new Set(edits.map((edit) => edit.documentId))];
      const layers = await this.readAll(documents);
      const settled = new Set(documents);
      return [...found.filter((id) => !settled.has(id)), ...documents.filter((id) => criterionHolds(criterion, layers.get(id) ?? []))];
    });
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
  countSpansWithLabel(projectId: string, label: string): Promise<number> {
    const withLabel = (spans: readonly Span[] | undefined) => (spans ?? []).filter((span) => span.label === label).length;
    return this.reading(async () => {
      const [rows, pages, edits] = await Promise.all([this.rowsWithLabel(projectId, label), this.pagesWithLabel(projectId, label), this.editsOfProject(projectId).toArray()]);
      let count = rows.reduce((total, row) => total + withLabel(row.spans), 0);
      for (const { spans } of pages) {
        const index = spans.labels.indexOf(label);
        for (const labelIndex of spans.labelOf) if (labelIndex === index) count++;
      }
      // Layers with edits pending: counted above as stored, so count the difference their edits make.
      for (const group of byLayer(edits).values()) {
        const [first] = group;
        if (!first) continue;
        const base = await this.readBase(first.documentId, first.annotator);
        count += withLabel(folded(base, group)?.spans) - withLabel(base?.spans);
      }
      return count;
    });
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
    // The edits folded into what was read are in the rows now.
    const edits = writes.flatMap(({ replacing }) => (replacing ? (foldedEdits.get(replacing) ?? []) : []));
    if (edits.length > 0) await this.database.layerEdits.bulkDelete(edits);
  }

  /**
   * Renames (or drops, `to` null) a label in every layer of the project, every annotator's, in
   * place: page layers stay on their pages. Call inside a transaction over `tables()`.
   */
  async relabel(projectId: string, from: string, to: string | null): Promise<LayerChange[]> {
    // Rows and pages are rewritten below through their label indexes: fold pending edits in first.
    await this.compactIn(await this.editsOfProject(projectId).toArray());
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

  // Edits that cost what they change ----------------------------------------------------------

  /**
   * Appends one edit to a layer: one small record, whatever the layer's size. `base` is the layer
   * as the caller last read it (null: none); what comes back is the layer as it reads after the
   * edit if `base` is still what is stored (the editor paints it at once), and the write. The
   * record is issued and committed before this returns, without waiting for a round trip, so a
   * tab closed right after keeps the edit. Applied to the layer as it is when read (the way undo
   * applies): appends from two tabs both land, in commit order.
   */
  append(
    key: LayerKey & { projectId: string },
    base: AnnotationRow | null,
    change: LayerChange,
    direction: Direction = 'redo',
  ): { layer: StoredLayer; persisted: Promise<void> } {
    const edit: LayerEditRow = { documentId: key.documentId, annotator: key.annotator, projectId: key.projectId, change, direction, at: Date.now() };
    const { layerEdits } = this.database;
    const persisted = this.database
      .transaction('rw', layerEdits, (transaction) => {
        const added = layerEdits.add(edit);
        commitNow(transaction);
        return added;
      })
      .then(() => this.compactSoon());
    const from = base === null ? undefined : { ...base, location: (base as Partial<StoredLayer>).location ?? 'row' };
    const layer = folded(from, [edit]);
    if (!layer) throw new Error('An appended edit always makes a layer');
    return { layer, persisted };
  }

  private compaction: ReturnType<typeof setTimeout> | undefined;
  private appended = 0;

  /** Schedules a compaction once appends pause (or at once when many are pending). */
  private compactSoon(): void {
    this.appended++;
    clearTimeout(this.compaction);
    this.compaction = setTimeout(
      () => {
        this.appended = 0;
        this.compact().catch((error: unknown) => {
          // Pending edits are read as part of their layers meanwhile; the next compaction retries.
          // A database closed since (a restore, a test starting over) has nothing left to do.
          if ((error as { name?: string } | null)?.name !== 'DatabaseClosedError') console.warn('Compacting layer edits failed', error);
        });
      },
      this.appended >= COMPACT_AFTER_EDITS ? 0 : COMPACT_WHEN_IDLE_MS,
    );
    // In Node (tests, the CLI) a pending compaction must not keep the process alive.
    (this.compaction as { unref?: () => void }).unref?.();
  }

  /** Drops a scheduled compaction (a store about to be dropped, a database about to close; tests). */
  cancelCompaction(): void {
    clearTimeout(this.compaction);
    this.appended = 0;
  }

  /** Folds every pending edit into its layer's row (a layer on its page leaves it), in one transaction. */
  async compact(): Promise<void> {
    await this.database.transaction('rw', this.tables(), async () => this.compactIn(await this.database.layerEdits.toArray()));
  }

  /**
   * Folds `edits` into their layers' rows; call inside a transaction over `tables()`. Revisions do
   * not move: a layer reads the same before and after. Edits of documents gone meanwhile go too.
   */
  private async compactIn(edits: readonly LayerEditRow[]): Promise<void> {
    if (edits.length === 0) return;
    const keys = [...byLayer(edits).values()].flatMap((group) => (group[0] ? [{ documentId: group[0].documentId, annotator: group[0].annotator }] : []));
    const [layers, projects] = await Promise.all([this.readLayersOf(keys), this.projectsOf(keys)]);
    const writes = layers.flatMap((layer) => (layer && projects.has(layer.documentId) ? [{ row: rowOf(layer), replacing: layer }] : []));
    await this.write(writes);
    const orphans = layers.flatMap((layer) => (layer && !projects.has(layer.documentId) ? (foldedEdits.get(layer) ?? []) : []));
    if (orphans.length > 0) await this.database.layerEdits.bulkDelete(orphans);
  }

  // What imports need ----------------------------------------------------------------------------

  /**
   * An import's layers on the pages it filled (each annotator's, slot by slot), packed into the
   * rows `putPageLayers` writes: packed at once, so the pages may go on filling meanwhile.
   */
  packPageLayers(
    pages: readonly {
      pageId: string;
      projectId: string;
      count: number;
      layers: ReadonlyMap<string, readonly (PageLayer | null)[]>;
      /** Each annotator's base of the span ids derived on the page (`pageSpanIds`), if any. */
      spanIdBases?: ReadonlyMap<string, string>;
    }[],
  ): PageLayersRow[] {
    const now = Date.now();
    return pages.flatMap((page) =>
      [...page.layers].map(([annotator, layers]) =>
        packPageLayers(
          { pageId: page.pageId, annotator, projectId: page.projectId, spanIdBase: page.spanIdBases?.get(annotator) },
          Array.from({ length: page.count }, (_, slot) => layers[slot] ?? null),
          now,
        ),
      ),
    );
  }

  /** Writes rows `packPageLayers` made. */
  async putPageLayers(rows: readonly PageLayersRow[]): Promise<void> {
    await this.database.pageLayers.bulkPut([...rows]);
  }

  /**
   * What a layer's storage looks like before an import changes it, enough to put it back exactly:
   * its row, and (`withPage`, once per page) its page's layers for that annotator.
   */
  async saveForRollback(documentId: string, annotator: string, withPage: boolean): Promise<LayerBackup> {
    // Edits pending go into the row saved, so a rollback puts back the layer as it was, edits and all.
    await this.compactIn(await this.editsOfLayer(documentId, annotator));
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
      const [first, last] = documentIdRange(pageId);
      await this.database.layerEdits.where('[documentId+annotator]').between([first, Dexie.minKey], [last, Dexie.maxKey]).delete();
    }
  }

  // Private queries ----------------------------------------------------------------------------

  /** One layer's pending edits, in commit order (an index orders equal keys by primary key). */
  private editsOfLayer(documentId: string, annotator: string): Promise<LayerEditRow[]> {
    return this.database.layerEdits.where('[documentId+annotator]').equals([documentId, annotator]).toArray();
  }

  /**
   * One annotator's pending edits on `documentIds`, read by their exact keys: a live query over
   * them (the Documents list) is not re-run by edits to other layers on the same page, such as
   * every span added to the open document.
   */
  private async editsOfLayers(documentIds: readonly string[], annotator: string): Promise<Map<string, LayerEditRow[]>> {
    if (documentIds.length === 0) return new Map();
    const keys = documentIds.map((id): [string, string] => [id, annotator]);
    return byLayer(await this.database.layerEdits.where('[documentId+annotator]').anyOf(keys).toArray());
  }

  /** Pending edits of every layer on `documentIds`, by layer: one range read per page. */
  private async editsOfDocuments(documentIds: readonly string[]): Promise<Map<string, LayerEditRow[]>> {
    const wanted = new Set(documentIds);
    const pageIds = [...new Set(documentIds.flatMap((id) => locateDocument(id)?.pageId ?? []))];
    const edits = await Promise.all(
      pageIds.map((pageId) => {
        const [first, last] = documentIdRange(pageId);
        return this.database.layerEdits.where('[documentId+annotator]').between([first, Dexie.minKey], [last, Dexie.maxKey]).toArray();
      }),
    );
    return byLayer(edits.flat().filter((edit) => wanted.has(edit.documentId)));
  }

  private editsOfProject(projectId: string) {
    return this.database.layerEdits.where('[projectId+annotator]').between([projectId, Dexie.minKey], [projectId, Dexie.maxKey]);
  }

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
