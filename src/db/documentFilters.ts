import { Dexie, type IntervalTree, type ObservabilitySet } from 'dexie';
import type { DocumentStatus } from '../core/types';
import { db } from './database';
import { listDocumentIds } from './documents';
import type { Criterion } from './layerCriteria';
import { layerStore, type LayerSnapshot, type StoredLayer } from './layerStore';
import { documentIdOf, locateDocument, PAGE_DOCUMENTS } from './pageFormat';
import { documentIdsOfPages, pagesOfProject, readTexts } from './pages';
import type { PageRow } from './schema';
import { singleKeys, tablePart } from './storageParts';

export { criterionHolds, type Criterion } from './layerCriteria';
export type { LayerSnapshot } from './layerStore';

/**
 * The ids of the documents meeting `criterion` (in no particular order; once each). A caller
 * asking many criteria in a row may pass a `LayerSnapshot` of the project, read once.
 */
export function criterionDocumentIds(projectId: string, criterion: Criterion, snapshot?: LayerSnapshot): Promise<string[]> {
  return layerStore().documentsMeeting(projectId, criterion, snapshot);
}

/** What `criterionDocumentIds` needs of a project's imported layers, read once for many questions. */
export function readLayerSnapshot(projectId: string): Promise<LayerSnapshot> {
  return layerStore().snapshot(projectId);
}

/** Every annotator's layers on each of the documents. */
export function layersOf(documentIds: readonly string[]): Promise<Map<string, StoredLayer[]>> {
  return layerStore().readAll(documentIds);
}

/**
 * Which documents of a project the Documents list shows. Status, label and annotator are answered
 * from indexes (keys only, never rows); text is a scan, because nothing in the schema indexes the
 * words of 100 MB of text. The search worker (src/workers/searchIndex.ts) keeps these answers
 * warm; the functions here are what it, and the tests, are built on.
 */
export interface DocumentFilter {
  projectId: string;
  /** Whose status `status` is: this browser's annotator, as the list shows it. */
  annotator: string;
  status?: DocumentStatus;
  /** A label used in the layer of `annotatorWithLayer`, or in anyone's layer when that is unset. */
  label?: string;
  /** Only documents on which this annotator has a layer. */
  annotatorWithLayer?: string;
  /** Text the title or the text contains (case-insensitive where the search has case). */
  text?: string;
}

const NOT_NEW: readonly DocumentStatus[] = ['in-progress', 'done', 'skipped'];

/**
 * The criteria of a filter: documents must meet every `keep` and none of the `drop`. A document
 * without a row is `new`, so `new` is "not in progress, not done, not skipped".
 */
export function criteriaOf(filter: DocumentFilter): { keep: Criterion[]; drop: Criterion[] } {
  const keep: Criterion[] = [];
  const drop: Criterion[] = [];
  const { annotator, status, label, annotatorWithLayer } = filter;
  if (status === 'new') drop.push(...NOT_NEW.map((one): Criterion => ({ kind: 'status', annotator, status: one })));
  else if (status !== undefined) keep.push({ kind: 'status', annotator, status });
  if (label !== undefined) keep.push({ kind: 'label', label, annotator: annotatorWithLayer ?? null });
  // A label in someone's layer already says the layer exists.
  else if (annotatorWithLayer !== undefined) keep.push({ kind: 'layer', annotator: annotatorWithLayer });
  return { keep, drop };
}

/** True when the filter narrows the list by an index (anything but text). */
export function hasIndexedCriteria(filter: DocumentFilter): boolean {
  return filter.status !== undefined || filter.label !== undefined || filter.annotatorWithLayer !== undefined;
}

export function criterionKey(criterion: Criterion): string {
  switch (criterion.kind) {
    case 'status':
      return `status\u0001${criterion.annotator}\u0001${criterion.status}`;
    case 'label':
      return `label\u0001${criterion.annotator ?? '\u0000'}\u0001${criterion.label}`;
    case 'layer':
      return `layer\u0001${criterion.annotator}`;
  }
}


/**
 * The ids matching status, label and annotator, in reading order, straight from the indexes (no
 * cache). `orderedIds` is the project's id list when the caller already holds it. Text is ignored
 * here: see `searchDocuments`.
 */
export async function filterByIndexes(filter: DocumentFilter, orderedIds?: readonly string[]): Promise<string[]> {
  const { keep, drop } = criteriaOf(filter);
  const sets = async (criteria: readonly Criterion[]) =>
    Promise.all(criteria.map(async (criterion) => new Set(await criterionDocumentIds(filter.projectId, criterion))));
  const [ids, keeps, drops] = await Promise.all([orderedIds ?? listDocumentIds(filter.projectId), sets(keep), sets(drop)]);
  if (keeps.length === 0 && drops.length === 0) return [...ids];
  return ids.filter((id) => keeps.every((set) => set.has(id)) && !drops.some((set) => set.has(id)));
}

/**
 * Calls `listener` after writes to any of `tables`, made here, in another tab or in a worker.
 * For queries that return many keys, the Documents list runs them outside a liveQuery and again on
 * this signal: a liveQuery records every primary key an index query returns so it can watch them,
 * and for 100,000 keys that bookkeeping alone holds the main thread for hundreds of milliseconds.
 */
function onTablesChanged(tables: readonly string[], listener: () => void): () => void {
  const prefixes = tables.map(tablePart);
  const handler = (parts: ObservabilitySet) => {
    // `all` is Dexie's "anything may have changed" (another tab cleared the database, say).
    if (Object.keys(parts).some((part) => part === 'all' || prefixes.some((prefix) => part.startsWith(prefix)))) listener();
  };
  Dexie.on.storagemutated.subscribe(handler);
  return () => Dexie.on.storagemutated.unsubscribe(handler);
}

/** After documents came or went (an import, a rollback). */
export function onDocumentsChanged(listener: () => void): () => void {
  return onTablesChanged(['pages'], listener);
}

/** After any layer changed: an edit, a status, a label operation, an import. */
export function onLayersChanged(listener: () => void): () => void {
  return onTablesChanged(['annotations', 'pageLayers', 'layerEdits'], listener);
}

/** What a write changed, as far as cached filter answers care. */
export interface StorageChange {
  /** Documents came or went (an import, a rollback): id lists and titles are stale. */
  documents: boolean;
  /** The documents whose layers changed (rows, pages, pending edits); `many` when too many, or a whole range, did. */
  layers: ReadonlySet<string> | 'many' | null;
}

/** Beyond this many documents in one write, re-reading each one costs more than starting over. */
const TRACKED_DOCUMENTS = 500;

/**
 * Adds the documents behind the primary keys of a changed-key tree to `ids` (`documentsOf` turns
 * a key into them); false when they cannot be told or are too many.
 */
function addChangedDocuments(tree: IntervalTree, documentsOf: (key: string) => string[], ids: Set<string>): boolean {
  // A range (a deleted range of rows) rather than single keys: no telling which documents.
  const keys = singleKeys(tree);
  if (keys === null) return false;
  for (const key of keys) {
    if (!Array.isArray(key) || typeof key[0] !== 'string') return false;
    for (const id of documentsOf(key[0])) ids.add(id);
    if (ids.size > TRACKED_DOCUMENTS) return false;
  }
  return true;
}

/** Every document a page may hold: a changed page layer may have changed any of them. */
function documentsOfPage(pageId: string): string[] {
  return Array.from({ length: PAGE_DOCUMENTS }, (_, slot) => documentIdOf(pageId, slot));
}

/**
 * Calls `listener` with what changed after writes to documents or layers, here, in another tab
 * or in another worker (Dexie relays commits over a BroadcastChannel).
 */
export function onStorageChange(listener: (change: StorageChange) => void): () => void {
  const documentsPart = tablePart('pages');
  const layerTables = [
    { part: tablePart('annotations'), documentsOf: (documentId: string) => [documentId] },
    { part: tablePart('pageLayers'), documentsOf: documentsOfPage },
    // A span edit appended to a layer (layerStore.ts): its [document, annotator] index key says whose.
    { part: `${tablePart('layerEdits')}[documentId+annotator]`, documentsOf: (documentId: string) => [documentId] },
  ];
  const handler = (parts: ObservabilitySet) => {
    const names = Object.keys(parts);
    const everything = names.includes('all');
    const documents = everything || names.some((name) => name.startsWith(documentsPart));
    let layers: StorageChange['layers'] = everything ? 'many' : null;
    const ids = new Set<string>();
    for (const { part, documentsOf } of layerTables) {
      if (layers === 'many') break;
      const keys = parts[part];
      if (keys !== undefined) layers = addChangedDocuments(keys, documentsOf, ids) ? ids : 'many';
      else if (names.some((name) => name.startsWith(part))) layers = 'many';
    }
    if (documents || layers !== null) listener({ documents, layers });
  };
  Dexie.on.storagemutated.subscribe(handler);
  return () => Dexie.on.storagemutated.unsubscribe(handler);
}

/** A predicate for "contains `query`": case-insensitive only when the query has letters with case. */
export function textMatcher(query: string): (text: string) => boolean {
  const needle = query.trim();
  if (needle === '') return () => true;
  const lower = needle.toLowerCase();
  if (lower === needle.toUpperCase()) return (text) => text.includes(needle);
  return (text) => text.includes(needle) || text.toLowerCase().includes(lower);
}

/** Pages read at a time by whole-project reads (titles, texts). */
const PAGES_PER_READ = 50;

/** The project's document ids and titles in reading order, read a few thousand at a time. */
export async function readTitles(projectId: string): Promise<{ ids: string[]; titles: string[] }> {
  const pages: PageRow[] = await pagesOfProject(projectId).toArray();
  const titles: string[] = [];
  for (let at = 0; at < pages.length; at += PAGES_PER_READ) {
    const part = pages.slice(at, at + PAGES_PER_READ);
    const rows = await db.pageDocuments.bulkGet(part.map((page) => page.id));
    part.forEach((page, i) => {
      for (let slot = 0; slot < page.count; slot++) titles.push(rows[i]?.documents[slot]?.title ?? '');
    });
  }
  return { ids: documentIdsOfPages(pages), titles };
}

export interface SearchProgress {
  /** Ids found since the last report (in reading order within the title pass). */
  found: string[];
  phase: 'titles' | 'texts';
  /** Texts read so far, of `total`. */
  scanned: number;
  total: number;
}

export interface SearchOptions {
  signal?: AbortSignal;
  /** Called after each chunk; a returned promise holds the next read until it settles (pacing). */
  onProgress?: (progress: SearchProgress) => void | Promise<void>;
  /** The documents' titles, aligned with `ids`, when the caller holds them: searched first, at once. */
  titles?: readonly (string | undefined)[];
  /** Pages of texts per read (reads start smaller and double up to this). */
  chunk?: number;
}

/**
 * Reads the texts of `ids` and reports those containing `query`, in reading order. Texts are read
 * a page at a time (100 to a record), a few pages per read at first so the first finds show soon,
 * then more: 100,000 news articles are a thousand records, read in about a second.
 */
async function scanTexts(ids: readonly string[], matches: (text: string) => boolean, found: Set<string>, options: SearchOptions): Promise<void> {
  const { signal, onProgress, chunk = PAGES_PER_READ } = options;
  // Ids of one page are contiguous in reading order: cut the list where the page changes.
  const runs: { pageId: string; ids: string[] }[] = [];
  for (const id of ids) {
    const place = locateDocument(id);
    if (place === null) continue;
    const last = runs.at(-1);
    if (last?.pageId === place.pageId) last.ids.push(id);
    else runs.push({ pageId: place.pageId, ids: [id] });
  }
  let size = Math.min(chunk, 2);
  let scanned = 0;
  for (let at = 0; at < runs.length; at += size, size = Math.min(chunk, size * 2)) {
    signal?.throwIfAborted();
    const part = runs.slice(at, at + size);
    const partIds = part.flatMap((run) => run.ids);
    const texts = await readTexts(partIds);
    const fresh: string[] = [];
    partIds.forEach((id, i) => {
      const text = texts[i];
      if (text === undefined || found.has(id) || !matches(text)) return;
      found.add(id);
      fresh.push(id);
    });
    scanned += partIds.length;
    await onProgress?.({ found: fresh, phase: 'texts', scanned, total: ids.length });
  }
}

/**
 * The ids among `ids` whose title or text contains `query`. Titles, when given, are searched
 * first (in memory, so title matches show at once), then texts a chunk at a time, reporting each
 * chunk's finds. A title is the text's first line, shortened, so without titles the text pass still
 * finds every title match (all but a query running into the title's closing `…`). Aborting
 * `signal` stops it between chunks with the signal's reason.
 */
export async function searchDocuments(ids: readonly string[], query: string, options: SearchOptions = {}): Promise<Set<string>> {
  const { signal, onProgress, titles } = options;
  const matches = textMatcher(query);
  const found = new Set<string>();
  if (titles !== undefined) {
    const TITLE_CHUNK = 20_000;
    for (let at = 0; at < ids.length; at += TITLE_CHUNK) {
      signal?.throwIfAborted();
      const fresh: string[] = [];
      for (let i = at; i < Math.min(ids.length, at + TITLE_CHUNK); i++) {
        const id = ids[i];
        const title = titles[i];
        if (id === undefined || title === undefined || !matches(title)) continue;
        found.add(id);
        fresh.push(id);
      }
      await onProgress?.({ found: fresh, phase: 'titles', scanned: 0, total: ids.length });
    }
  }
  await scanTexts(ids, matches, found, options);
  signal?.throwIfAborted();
  return found;
}

/** Every criterion at once, text included (awaits the whole scan): the ids in reading order. */
export async function filterDocumentIds(filter: DocumentFilter, orderedIds?: readonly string[]): Promise<string[]> {
  const ids = await filterByIndexes(filter, orderedIds);
  const text = filter.text?.trim() ?? '';
  if (text === '') return ids;
  const found = await searchDocuments(ids, text);
  return ids.filter((id) => found.has(id));
}
