import type { DocumentStatus, Span } from '../core/types';
import { packSpans, unpackSpans, type PackedSpans } from './packedSpans';
import type { PageLayersRow } from './schema';

/**
 * How documents are addressed and layers packed on pages (schema version 5). Pure functions:
 * no Dexie here, so they are tested on their own.
 */

/** Documents per page, and text per page (a few long documents get a page to themselves). */
export const PAGE_DOCUMENTS = 100;
export const PAGE_CHARS = 200_000;

const SLOT_SEPARATOR = '.';

/** Document `slot` of page `pageId` (page ids never contain the separator). */
export function documentIdOf(pageId: string, slot: number): string {
  return `${pageId}${SLOT_SEPARATOR}${slot.toString(36)}`;
}

/** Where a document lives, or null for an id no page could have given. */
export function locateDocument(documentId: string): { pageId: string; slot: number } | null {
  const at = documentId.lastIndexOf(SLOT_SEPARATOR);
  if (at <= 0) return null;
  const slot = Number.parseInt(documentId.slice(at + 1), 36);
  if (!Number.isInteger(slot) || slot < 0 || documentIdOf(documentId.slice(0, at), slot) !== documentId) return null;
  return { pageId: documentId.slice(0, at), slot };
}

/** The first and last possible document ids of a page: a key range over everything keyed by them. */
export function documentIdRange(pageId: string): [string, string] {
  return [`${pageId}${SLOT_SEPARATOR}`, `${pageId}${SLOT_SEPARATOR}\uffff`];
}

export function newPageId(): string {
  // A UUID's hyphens are no separator; its 122 random bits make clashes a non-issue.
  return crypto.randomUUID();
}

/** 0 stands for "no layer"; the codes are stored, so they never change. */
const STATUS_CODES: Readonly<Record<DocumentStatus, number>> = { new: 1, 'in-progress': 2, done: 3, skipped: 4 };
const STATUS_OF_CODE: readonly (DocumentStatus | undefined)[] = [undefined, 'new', 'in-progress', 'done', 'skipped'];

export function statusCode(status: DocumentStatus): number {
  return STATUS_CODES[status];
}

/** One annotator's layer on one document, as a page holds it. */
export interface PageLayer {
  spans: readonly Span[];
  status: DocumentStatus;
}

/** Packs one annotator's layers on a page's documents (null: no layer on that document). */
export function packPageLayers(
  page: { pageId: string; annotator: string; projectId: string },
  layers: readonly (PageLayer | null)[],
  updatedAt: number,
): PageLayersRow {
  const statuses = new Uint8Array(layers.length);
  const spanStarts = new Uint32Array(layers.length + 1);
  const spans: Span[] = [];
  layers.forEach((layer, slot) => {
    spanStarts[slot] = spans.length;
    if (layer === null) return;
    statuses[slot] = STATUS_CODES[layer.status];
    for (const span of layer.spans) spans.push(span);
  });
  spanStarts[layers.length] = spans.length;
  return { pageId: page.pageId, annotator: page.annotator, projectId: page.projectId, statuses, spanStarts, spans: packSpans(spans), updatedAt };
}

/** Every slot's layer (null where there is none). */
export function unpackPageLayers(row: PageLayersRow): (PageLayer | null)[] {
  const spans = unpackSpans(row.spans);
  return Array.from(row.statuses, (code, slot) => {
    const status = STATUS_OF_CODE[code];
    if (status === undefined) return null;
    return { status, spans: spans.slice(row.spanStarts[slot] ?? 0, row.spanStarts[slot + 1] ?? 0) };
  });
}

/** One slot's layer, unpacking only its spans. */
export function pageLayerAt(row: PageLayersRow, slot: number): PageLayer | null {
  const status = STATUS_OF_CODE[row.statuses[slot] ?? 0];
  if (status === undefined) return null;
  return { status, spans: unpackSpanRange(row.spans, row.spanStarts[slot] ?? 0, row.spanStarts[slot + 1] ?? 0) };
}

/** Whether any span on the page carries `label` (pages without it are skipped unread). */
export function pageHasLabel(row: PageLayersRow, label: string): boolean {
  return row.spans.labels.includes(label);
}

/** The page with some slots' layers taken out (they now live in rows). */
export function withoutSlots(row: PageLayersRow, slots: Iterable<number>): PageLayersRow {
  const layers = unpackPageLayers(row);
  for (const slot of slots) layers[slot] = null;
  return packPageLayers(row, layers, row.updatedAt);
}

function unpackSpanRange(packed: PackedSpans, from: number, to: number): Span[] {
  let idAt = 0;
  for (let i = 0; i < from; i++) idAt += packed.idLengths[i] ?? 0;
  const spans: Span[] = [];
  for (let i = from; i < to; i++) {
    const length = packed.idLengths[i] ?? 0;
    spans.push({ id: packed.ids.slice(idAt, idAt + length), start: packed.starts[i] ?? 0, end: packed.ends[i] ?? 0, label: packed.labels[packed.labelOf[i] ?? 0] ?? '' });
    idAt += length;
  }
  return spans;
}
