import type { DocumentStatus, Span } from '../core/types';
import { packSpans, type PackedSpans } from './packedSpans';
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

/**
 * The span ids a page layer row derives from its `spanIdBase` (since schema version 10): span
 * `index` of slot `slot` has the base UUID with `slot × 2¹⁶ + index` added to its last 24 bits
 * (modulo 2²⁴), so it is a version 4 UUID like any other span id, the same at every read, and no
 * other row's (the bases are random). Only places `hasDerivedId` allows have one. An import gives
 * the spans of a new document these ids and stores none of them: 400,000 ids are 14 MB that
 * IndexedDB would otherwise write, for nothing a reader could not compute.
 */
export type PageSpanIds = (slot: number, index: number) => string;

const DERIVED_SPANS_PER_SLOT = 2 ** 16;
const DERIVED_SLOTS = 2 ** 8;

/** Whether span `index` of slot `slot` may have a derived id (every place but far out ones). */
export function hasDerivedId(slot: number, index: number): boolean {
  return slot < DERIVED_SLOTS && index < DERIVED_SPANS_PER_SLOT;
}

/** Where the last 6 hex digits of a UUID start. */
const UUID_LOW_AT = 30;
const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export function pageSpanIds(base: string): PageSpanIds {
  const head = base.slice(0, UUID_LOW_AT);
  const low = Number.parseInt(base.slice(UUID_LOW_AT), 16);
  // Table lookups, not Number#toString(16): an import derives 400,000 ids, and packing checks them again.
  return (slot, index) => {
    const value = (low + slot * DERIVED_SPANS_PER_SLOT + index) & 0xffffff;
    return head + (HEX_BYTES[value >>> 16] ?? '') + (HEX_BYTES[(value >>> 8) & 0xff] ?? '') + (HEX_BYTES[value & 0xff] ?? '');
  };
}

/** A new base for a page layer row's derived span ids. */
export function newSpanIdBase(): string {
  return crypto.randomUUID();
}

/**
 * Packs one annotator's layers on a page's documents (null: no layer on that document). With
 * `spanIdBase`, a span whose id is the one the base derives for its place is stored without it;
 * others (added or moved by a later change) keep theirs.
 */
export function packPageLayers(
  page: { pageId: string; annotator: string; projectId: string; spanIdBase?: string | undefined },
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
  const base = page.spanIdBase;
  // An empty id would read back as a derived one: such a row stores every id.
  const derived = base === undefined || spans.some((span) => span.id === '') ? undefined : derivedIds(layers, spans.length, pageSpanIds(base));
  return {
    pageId: page.pageId,
    annotator: page.annotator,
    projectId: page.projectId,
    statuses,
    spanStarts,
    spans: packSpans(spans, derived),
    ...(derived === undefined ? {} : { spanIdBase: base }),
    updatedAt,
  };
}

/** Which of the spans (in page order) carry the id their place derives. */
function derivedIds(layers: readonly (PageLayer | null)[], count: number, ids: PageSpanIds): Uint8Array {
  const derived = new Uint8Array(count);
  let at = 0;
  layers.forEach((layer, slot) => {
    layer?.spans.forEach((span, index) => {
      if (hasDerivedId(slot, index) && span.id === ids(slot, index)) derived[at] = 1;
      at++;
    });
  });
  return derived;
}

/** Every slot's layer (null where there is none). */
export function unpackPageLayers(row: PageLayersRow): (PageLayer | null)[] {
  const ids = row.spanIdBase === undefined ? undefined : pageSpanIds(row.spanIdBase);
  let idAt = 0;
  return Array.from(row.statuses, (code, slot) => {
    const from = row.spanStarts[slot] ?? 0;
    const to = row.spanStarts[slot + 1] ?? 0;
    const status = STATUS_OF_CODE[code];
    const spans = status === undefined ? null : unpackSpanRange(row.spans, from, to, idAt, slot, ids);
    for (let i = from; i < to; i++) idAt += row.spans.idLengths[i] ?? 0;
    return status === undefined || spans === null ? null : { status, spans };
  });
}

/** One slot's layer, unpacking only its spans. */
export function pageLayerAt(row: PageLayersRow, slot: number): PageLayer | null {
  const status = STATUS_OF_CODE[row.statuses[slot] ?? 0];
  if (status === undefined) return null;
  const from = row.spanStarts[slot] ?? 0;
  let idAt = 0;
  for (let i = 0; i < from; i++) idAt += row.spans.idLengths[i] ?? 0;
  const ids = row.spanIdBase === undefined ? undefined : pageSpanIds(row.spanIdBase);
  return { status, spans: unpackSpanRange(row.spans, from, row.spanStarts[slot + 1] ?? 0, idAt, slot, ids) };
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

/** Spans `from` to `to` of slot `slot`, whose first stored id starts at `idAt`; a stored length 0 is a derived id. */
function unpackSpanRange(packed: PackedSpans, from: number, to: number, idAt: number, slot: number, derived: PageSpanIds | undefined): Span[] {
  const spans: Span[] = [];
  for (let i = from; i < to; i++) {
    const length = packed.idLengths[i] ?? 0;
    const id = length === 0 && derived !== undefined && hasDerivedId(slot, i - from) ? derived(slot, i - from) : packed.ids.slice(idAt, idAt + length);
    spans.push({ id, start: packed.starts[i] ?? 0, end: packed.ends[i] ?? 0, label: packed.labels[packed.labelOf[i] ?? 0] ?? '' });
    idAt += length;
  }
  return spans;
}
