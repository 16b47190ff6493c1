import { Dexie } from 'dexie';
import { db } from './database';
import { documentIdOf, locateDocument } from './pageFormat';
import type { DocumentRow, PageDocumentsRow, PageRow } from './schema';

/**
 * Reading documents off their pages (schema version 5): the project's pages in order, documents
 * by id, texts by id. Ids are grouped by page so each page is read once however many of its
 * documents are asked for.
 */

/** A project's pages in reading order: small rows, 1,000 for 100,000 documents. */
export function pagesOfProject(projectId: string) {
  return db.pages.where('[projectId+order]').between([projectId, Dexie.minKey], [projectId, Dexie.maxKey]);
}

/** The ids of the pages' documents, in reading order. */
export function documentIdsOfPages(pages: readonly PageRow[]): string[] {
  const ids: string[] = [];
  for (const page of pages) for (let slot = 0; slot < page.count; slot++) ids.push(documentIdOf(page.id, slot));
  return ids;
}

/** Distinct pages of `documentIds`, and where each id is among them (null: an id no page gave). */
export function groupByPage(documentIds: readonly string[]): { pageIds: string[]; at: ({ page: number; slot: number } | null)[] } {
  const pageIds: string[] = [];
  const pageIndex = new Map<string, number>();
  const at = documentIds.map((documentId) => {
    const place = locateDocument(documentId);
    if (place === null) return null;
    let page = pageIndex.get(place.pageId);
    if (page === undefined) {
      page = pageIds.push(place.pageId) - 1;
      pageIndex.set(place.pageId, page);
    }
    return { page, slot: place.slot };
  });
  return { pageIds, at };
}

function documentRowOf(page: PageRow, documents: PageDocumentsRow, slot: number): DocumentRow | undefined {
  const document = documents.documents[slot];
  if (document === undefined || slot >= page.count) return undefined;
  return {
    id: documentIdOf(page.id, slot),
    projectId: page.projectId,
    title: document.title,
    length: document.length,
    order: page.order + slot,
    contentHash: document.contentHash,
    meta: document.meta,
    ...(page.importId === undefined ? {} : { importId: page.importId }),
  };
}

/** Documents by id, in the order asked (undefined for an id that names none). */
export async function readDocuments(documentIds: readonly string[]): Promise<(DocumentRow | undefined)[]> {
  const { pageIds, at } = groupByPage(documentIds);
  const [pages, documents] = await Promise.all([db.pages.bulkGet(pageIds), db.pageDocuments.bulkGet(pageIds)]);
  return at.map((place) => {
    if (place === null) return undefined;
    const page = pages[place.page];
    const pageDocuments = documents[place.page];
    return page && pageDocuments ? documentRowOf(page, pageDocuments, place.slot) : undefined;
  });
}

/** Texts by id, in the order asked (undefined for an id that names none). */
export async function readTexts(documentIds: readonly string[]): Promise<(string | undefined)[]> {
  const { pageIds, at } = groupByPage(documentIds);
  const texts = await db.pageTexts.bulkGet(pageIds);
  return at.map((place) => (place === null ? undefined : texts[place.page]?.texts[place.slot]));
}

/** The project a document belongs to, from its page (undefined when there is no such document). */
export async function projectOfDocument(documentId: string): Promise<string | undefined> {
  const place = locateDocument(documentId);
  if (place === null) return undefined;
  const page = await db.pages.get(place.pageId);
  return page !== undefined && place.slot < page.count ? page.projectId : undefined;
}
