import { Dexie } from 'dexie';
import { db } from './database';
import { annotationRow } from './annotationRow';
import { documentIdRange, locateDocument, pageLayerAt, withoutSlots } from './pageFormat';
import { groupByPage } from './pages';
import type { AnnotationRow, PageLayersRow } from './schema';

/**
 * Annotation layers wherever they live: an `annotations` row once a layer has been edited, a slot
 * of its page's `PageLayersRow` while it is as an import brought it. Readers get `AnnotationRow`s
 * either way; writers put a row and, when the layer was still on its page, take it off the page
 * in the same transaction, so a layer is never in both places.
 */

/** Rows made from page slots: writing over one of them must also clear its slot. */
const fromPage = new WeakSet<AnnotationRow>();

function rowFromPage(documentId: string, page: PageLayersRow, slot: number): AnnotationRow | undefined {
  const layer = pageLayerAt(page, slot);
  if (layer === null) return undefined;
  const row = { ...annotationRow(documentId, page.annotator, page.projectId, layer.spans, layer.status), updatedAt: page.updatedAt };
  fromPage.add(row);
  return row;
}

/** One annotator's layer on one document. */
export async function readLayer(documentId: string, annotator: string): Promise<AnnotationRow | undefined> {
  const row = await db.annotations.get([documentId, annotator]);
  if (row !== undefined) return row;
  const place = locateDocument(documentId);
  if (place === null) return undefined;
  const page = await db.pageLayers.get([place.pageId, annotator]);
  return page === undefined ? undefined : rowFromPage(documentId, page, place.slot);
}

/** One annotator's layers on many documents, in the order asked (undefined where none exists). */
export async function readLayers(documentIds: readonly string[], annotator: string): Promise<(AnnotationRow | undefined)[]> {
  const rows = await db.annotations.bulkGet(documentIds.map((id): [string, string] => [id, annotator]));
  // Only the pages of documents without a row are read.
  const { pageIds, at } = groupByPage(documentIds.filter((_, i) => rows[i] === undefined));
  if (pageIds.length === 0) return rows;
  const pages = await db.pageLayers.bulkGet(pageIds.map((pageId): [string, string] => [pageId, annotator]));
  let missing = 0;
  return rows.map((row, i) => {
    if (row !== undefined) return row;
    const place = at[missing++];
    const page = place ? pages[place.page] : undefined;
    return page === undefined || !place ? undefined : rowFromPage(documentIds[i] ?? '', page, place.slot);
  });
}

/**
 * Every annotator's layers on each of `documentIds`. Two range reads per page (its documents' rows,
 * its page layers) however many of its documents are asked: a page layer that changed may have
 * changed any of its hundred.
 */
export async function readAllLayers(documentIds: readonly string[]): Promise<Map<string, AnnotationRow[]>> {
  const pageIds = [...new Set(documentIds.flatMap((id) => locateDocument(id)?.pageId ?? []))];
  const [rows, pages] = await Promise.all([
    Promise.all(
      pageIds.map((pageId) => {
        const [first, last] = documentIdRange(pageId);
        return db.annotations.where('[documentId+annotator]').between([first, Dexie.minKey], [last, Dexie.maxKey]).toArray();
      }),
    ),
    Promise.all(pageIds.map((pageId) => db.pageLayers.where('[pageId+annotator]').between([pageId, Dexie.minKey], [pageId, Dexie.maxKey]).toArray())),
  ]);
  const rowsOf = new Map<string, AnnotationRow[]>();
  for (const row of rows.flat()) {
    const ofDocument = rowsOf.get(row.documentId);
    if (ofDocument) ofDocument.push(row);
    else rowsOf.set(row.documentId, [row]);
  }
  const pagesById = new Map(pageIds.map((pageId, i) => [pageId, pages[i] ?? []]));
  return new Map(
    documentIds.map((documentId) => {
      const place = locateDocument(documentId);
      const onPage = place === null ? [] : (pagesById.get(place.pageId) ?? []).flatMap((page) => rowFromPage(documentId, page, place.slot) ?? []);
      return [documentId, [...(rowsOf.get(documentId) ?? []), ...onPage]];
    }),
  );
}

/**
 * Writes layers, each replacing the layer read for it in the same transaction (undefined: there
 * was none). Replaced layers that were still on their pages are taken off them, a page at a time.
 * Call inside a transaction over `annotations` and `pageLayers`.
 */
export async function writeLayers(writes: readonly { row: AnnotationRow; replacing: AnnotationRow | undefined }[]): Promise<void> {
  if (writes.length === 0) return;
  const slotsByPage = new Map<string, { pageId: string; annotator: string; slots: number[] }>();
  for (const { replacing } of writes) {
    if (replacing === undefined || !fromPage.has(replacing)) continue;
    const place = locateDocument(replacing.documentId);
    if (place === null) continue;
    const key = `${place.pageId}\u0000${replacing.annotator}`;
    const entry = slotsByPage.get(key) ?? { pageId: place.pageId, annotator: replacing.annotator, slots: [] };
    entry.slots.push(place.slot);
    slotsByPage.set(key, entry);
  }
  if (slotsByPage.size > 0) {
    const entries = [...slotsByPage.values()];
    const pages = await db.pageLayers.bulkGet(entries.map(({ pageId, annotator }): [string, string] => [pageId, annotator]));
    const emptied = pages.flatMap((page, i) => (page === undefined ? [] : [withoutSlots(page, entries[i]?.slots ?? [])]));
    await db.pageLayers.bulkPut(emptied);
  }
  await db.annotations.bulkPut(writes.map(({ row }) => row));
}

export async function writeLayer(row: AnnotationRow, replacing: AnnotationRow | undefined): Promise<void> {
  await writeLayers([{ row, replacing }]);
}

/** The tables a transaction that reads or writes layers must hold. */
export function layerTables() {
  return [db.annotations, db.pageLayers, db.pages] as const;
}

/** Every page layer of a project, or of one annotator in it. */
export function pageLayersOfProject(projectId: string, annotator?: string) {
  return annotator === undefined
    ? db.pageLayers.where('[projectId+annotator]').between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
    : db.pageLayers.where('[projectId+annotator]').equals([projectId, annotator]);
}
