import type { DocumentStatus } from '../core/types';
import { db } from './database';
import { layerStore, type StoredLayer } from './layerStore';
import { documentIdOf } from './pageFormat';
import { documentIdsOfPages, pagesOfProject, readDocuments, readTexts } from './pages';
import type { DocumentRow } from './schema';

/** Ids of the documents whose status, for this annotator, is one of `statuses`. */
export async function documentIdsWithStatus(projectId: string, annotator: string, statuses: readonly DocumentStatus[]): Promise<Set<string>> {
  const found = await Promise.all(statuses.map((status) => layerStore().documentsMeeting(projectId, { kind: 'status', annotator, status })));
  return new Set(found.flat());
}

/** What done-and-next passes over: documents done, and those set aside (Skip). */
export const SETTLED: readonly DocumentStatus[] = ['done', 'skipped'];

export async function getDocument(documentId: string): Promise<DocumentRow | undefined> {
  return (await readDocuments([documentId]))[0];
}

export async function getText(documentId: string): Promise<string | undefined> {
  return (await readTexts([documentId]))[0];
}

/** What opening a document shows: its row, its text and one annotator's layer on it. */
export interface OpenedDocument {
  document: DocumentRow | undefined;
  text: string | undefined;
  layer: StoredLayer | undefined;
}

/**
 * Everything opening a document needs, in one read-only transaction whose requests are all issued
 * at once: the editor waits for the slowest of them, not for their sum.
 */
export async function readOpenedDocument(documentId: string, annotator: string): Promise<OpenedDocument> {
  const layers = layerStore();
  return db.transaction('r', [...layers.tables(), db.pageDocuments, db.pageTexts], async () => {
    const [[document], [text], layer] = await Promise.all([readDocuments([documentId]), readTexts([documentId]), layers.readIn(documentId, annotator)]);
    return { document, text, layer };
  });
}

export async function countDocuments(projectId: string): Promise<number> {
  const pages = await pagesOfProject(projectId).toArray();
  return pages.reduce((total, page) => total + page.count, 0);
}

/** The project's document ids in reading order: cheap (one small row per page) even for 100,000 documents. */
export async function listDocumentIds(projectId: string): Promise<string[]> {
  return documentIdsOfPages(await pagesOfProject(projectId).toArray());
}

export async function getDocuments(documentIds: readonly string[]): Promise<(DocumentRow | undefined)[]> {
  return readDocuments(documentIds);
}

/**
 * The first document after `fromOrder` (wrapping around) that this annotator has neither marked
 * done nor skipped: a skipped document was set aside on purpose, and Skip / Enter must not land
 * on it again (Unskip, the list or Previous still open it).
 */
export async function nextDocumentNotDone(projectId: string, annotator: string, fromOrder: number): Promise<string | undefined> {
  const [pages, finished] = await Promise.all([pagesOfProject(projectId).toArray(), documentIdsWithStatus(projectId, annotator, SETTLED)]);
  let before: string | undefined;
  for (const page of pages) {
    for (let slot = 0; slot < page.count; slot++) {
      const id = documentIdOf(page.id, slot);
      const order = page.order + slot;
      if (finished.has(id)) continue;
      if (order > fromOrder) return id;
      if (before === undefined && order < fromOrder) before = id;
    }
  }
  return before;
}
