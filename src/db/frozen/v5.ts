import type { DocumentMetaV1, LabelDefV1 } from './v1';
import type { AnnotationRowV3 } from './v3';
import type { PackedSpansV4 } from './v4';

/** Rows as schema version 5 stored them (frozen: never edit; see README.md). */

export type { AnnotationRowV4 as AnnotationRowV5 } from './v4';

/** Documents per page and text per page, as version 5's upgrade filled them. */
export const PAGE_DOCUMENTS_V5 = 100;
export const PAGE_CHARS_V5 = 200_000;

/** `pages`. */
export interface PageRowV5 {
  id: string;
  projectId: string;
  /** Reading order of the page's first document. */
  order: number;
  count: number;
  importId?: string;
}

export interface PagedDocumentV5 {
  title: string;
  length: number;
  contentHash: string;
  meta: DocumentMetaV1;
}

/** `pageDocuments`. */
export interface PageDocumentsRowV5 {
  pageId: string;
  documents: PagedDocumentV5[];
}

/** `pageTexts`. */
export interface PageTextsRowV5 {
  pageId: string;
  texts: string[];
}

/** `pageLayers`: one annotator's packed layers on a page's documents. */
export interface PageLayersRowV5 {
  pageId: string;
  annotator: string;
  projectId: string;
  statuses: Uint8Array;
  spanStarts: Uint32Array;
  spans: PackedSpansV4;
  updatedAt: number;
}

/**
 * `importJournal`: gains the `pageLayers` kind. `previous` of an annotation entry is the layer as
 * readers saw it, spans unpacked (the journal is not packed).
 */
export type ImportJournalRowV5 =
  | { seq?: number; importId: string; kind: 'annotation'; documentId: string; annotator: string; previous: AnnotationRowV3 | null }
  | { seq?: number; importId: string; kind: 'pageLayers'; pageId: string; annotator: string; previous: PageLayersRowV5 }
  | { seq?: number; importId: string; kind: 'labels'; projectId: string; previous: LabelDefV1[] };

/** Document `slot` of page `pageId`, as version 5 named them. */
export function documentIdV5(pageId: string, slot: number): string {
  return `${pageId}.${slot.toString(36)}`;
}

export function newPageIdV5(): string {
  return crypto.randomUUID();
}
