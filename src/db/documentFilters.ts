import { cmp, Dexie, type IntervalTree, type ObservabilitySet } from 'dexie';
import type { DocumentStatus } from '../core/types';
import { db } from './database';
import { listDocumentIds } from './documents';
import { layersOfProject } from './annotations';
import { anyLabelKey, labelKey, type AnnotationRow, type TextRow } from './schema';

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

/** One indexed question about a document, answered by one index query. */
export type Criterion =
  | { kind: 'status'; annotator: string; status: DocumentStatus }
  /** `annotator` null: in anyone's layer. */
  | { kind: 'label'; label: string; annotator: string | null }
  | { kind: 'layer'; annotator: string };

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

/** The ids of the documents meeting `criterion`, from its index (in no particular order). */
export async function criterionDocumentIds(projectId: string, criterion: Criterion): Promise<string[]> {
  const annotations = db.annotations;
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
      keys = await layersOfProject(projectId, criterion.annotator).primaryKeys();
      break;
  }
  return keys.map(([documentId]) => documentId);
}

/** Whether a document whose layers (every annotator's row) are `layers` meets `criterion`. */
export function criterionHolds(criterion: Criterion, layers: readonly AnnotationRow[]): boolean {
  switch (criterion.kind) {
    case 'status':
      return layers.some((row) => row.annotator === criterion.annotator && row.status === criterion.status);
    case 'label':
      return layers.some((row) => (criterion.annotator === null || row.annotator === criterion.annotator) && row.labels.includes(criterion.label));
    case 'layer':
      return layers.some((row) => row.annotator === criterion.annotator);
  }
}

/** Every annotator's row on each of `documentIds`. */
export async function layersOf(documentIds: readonly string[]): Promise<Map<string, AnnotationRow[]>> {
  const rows = await Promise.all(
    documentIds.map((id) => db.annotations.where('[documentId+annotator]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray()),
  );
  return new Map(documentIds.map((id, i) => [id, rows[i] ?? []]));
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

/** How many documents this annotator has given `status`: a count, so no key is read. */
export async function countWithStatus(projectId: string, annotator: string, status: DocumentStatus): Promise<number> {
  return db.annotations.where('[projectId+annotator+status]').equals([projectId, annotator, status]).count();
}

function tablePart(table: string): string {
  return `idb://${db.name}/${table}/`;
}

/**
 * Calls `listener` after writes to any of `tables`, made here, in another tab or in a worker.
 * For queries that return many keys, the Documents list runs them outside a liveQuery and again on
 * this signal: a liveQuery records every primary key an index query returns so it can watch them,
 * and for 100,000 keys that bookkeeping alone holds the main thread for hundreds of milliseconds.
 */
export function onTablesChanged(tables: readonly string[], listener: () => void): () => void {
  const prefixes = tables.map(tablePart);
  const handler = (parts: ObservabilitySet) => {
    // `all` is Dexie's "anything may have changed" (another tab cleared the database, say).
    if (Object.keys(parts).some((part) => part === 'all' || prefixes.some((prefix) => part.startsWith(prefix)))) listener();
  };
  Dexie.on.storagemutated.subscribe(handler);
  return () => Dexie.on.storagemutated.unsubscribe(handler);
}

/** What a write changed, as far as cached filter answers care. */
export interface StorageChange {
  /** Documents came or went (an import, a rollback): id lists and titles are stale. */
  documents: boolean;
  /** The documents whose annotation rows changed; `many` when too many, or a whole range, did. */
  annotations: ReadonlySet<string> | 'many' | null;
}

/** Beyond this many documents in one write, re-reading each one costs more than starting over. */
const TRACKED_DOCUMENTS = 500;

/** The document ids of the primary keys in a changed-key tree, or `many`. */
function changedDocuments(tree: IntervalTree): ReadonlySet<string> | 'many' {
  const ids = new Set<string>();
  const stack: (IntervalTree | null | undefined)[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || !('from' in node)) continue;
    // A range (a deleted range of rows) rather than single keys: no telling which documents.
    if (cmp(node.from, node.to) !== 0 || !Array.isArray(node.from) || typeof node.from[0] !== 'string') return 'many';
    ids.add(node.from[0]);
    if (ids.size > TRACKED_DOCUMENTS) return 'many';
    stack.push(node.l, node.r);
  }
  return ids;
}

/**
 * Calls `listener` with what changed after writes to documents or annotations, here, in another
 * tab or in another worker (Dexie relays commits over a BroadcastChannel).
 */
export function onStorageChange(listener: (change: StorageChange) => void): () => void {
  const documentsPart = tablePart('documents');
  const annotationsPart = tablePart('annotations');
  const handler = (parts: ObservabilitySet) => {
    const names = Object.keys(parts);
    const everything = names.includes('all');
    const documents = everything || names.some((name) => name.startsWith(documentsPart));
    const keys = parts[annotationsPart];
    let annotations: StorageChange['annotations'] = null;
    if (everything) annotations = 'many';
    else if (keys !== undefined) annotations = changedDocuments(keys);
    else if (names.some((name) => name.startsWith(annotationsPart))) annotations = 'many';
    if (documents || annotations !== null) listener({ documents, annotations });
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

/** The project's document ids and titles in reading order, read a few thousand rows at a time. */
export async function readTitles(projectId: string, chunk = 5_000): Promise<{ ids: string[]; titles: string[] }> {
  const ids: string[] = [];
  const titles: string[] = [];
  let after: number = Dexie.minKey;
  for (;;) {
    const rows = await db.documents.where('[projectId+order]').between([projectId, after], [projectId, Dexie.maxKey], false, true).limit(chunk).toArray();
    for (const row of rows) {
      ids.push(row.id);
      titles.push(row.title);
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < chunk) return { ids, titles };
    after = last.order;
  }
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
  /** Below this many documents, texts are fetched by id; above it, the texts table is read in key order. */
  byIdLimit?: number;
  /** Texts per read (reads of the texts table start smaller and double up to this). */
  chunk?: number;
}

/**
 * Reads the texts of `ids` and reports those containing `query`. Few documents: fetched by id.
 * Many: the texts table is read in key order with ranged reads, which Chromium serves about six
 * times faster than the same texts fetched one id at a time (1 s against 6 s for 100,000 news
 * articles); finds then arrive in no particular order, and the list puts them in reading order.
 */
async function scanTexts(ids: readonly string[], matches: (text: string) => boolean, found: Set<string>, options: SearchOptions): Promise<void> {
  const { signal, onProgress, byIdLimit = 10_000, chunk = 1_000 } = options;
  const report = async (fresh: string[], scanned: number, total: number) => onProgress?.({ found: fresh, phase: 'texts', scanned, total });
  if (ids.length <= byIdLimit) {
    for (let at = 0; at < ids.length; at += chunk) {
      signal?.throwIfAborted();
      const part = ids.slice(at, at + chunk);
      const rows = await db.texts.bulkGet(part);
      const fresh: string[] = [];
      rows.forEach((row, i) => {
        const id = part[i];
        if (row === undefined || id === undefined || found.has(id) || !matches(row.text)) return;
        found.add(id);
        fresh.push(id);
      });
      await report(fresh, at + part.length, ids.length);
    }
    return;
  }
  const wanted = new Set(ids);
  // Counted alongside the first read, which starts small so the first finds show soon.
  const counting = db.texts.count();
  // Awaited after the first read; a search stopped before then must not leave it unhandled.
  counting.catch(() => undefined);
  let total: number | null = null;
  let size = Math.min(chunk, 250);
  let scanned = 0;
  let after: string | null = null;
  for (;;) {
    signal?.throwIfAborted();
    const rows: TextRow[] = await (after === null ? db.texts.limit(size) : db.texts.where('documentId').above(after).limit(size)).toArray();
    total ??= await counting;
    const last = rows.at(-1);
    if (last === undefined) return;
    const fresh: string[] = [];
    for (const row of rows) {
      if (!wanted.has(row.documentId) || found.has(row.documentId) || !matches(row.text)) continue;
      found.add(row.documentId);
      fresh.push(row.documentId);
    }
    scanned += rows.length;
    await report(fresh, Math.min(scanned, total), total);
    if (rows.length < size) return;
    after = last.documentId;
    size = Math.min(chunk, size * 2);
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
