/**
 * The engine's shared vocabulary. Every offset in these types is a UTF-16 code unit index
 * (JavaScript string indexing), half-open `[start, end)`. Files on disk use code points;
 * conversion happens only at the format boundary, through `offsets.ts`.
 */

export interface Span {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

/** A span before it has an identity: what parsers produce and what the editor proposes. */
export type SpanDraft = Omit<Span, 'id'>;

export const DOCUMENT_STATUSES = ['new', 'in-progress', 'done', 'skipped'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export function isDocumentStatus(value: unknown): value is DocumentStatus {
  return typeof value === 'string' && (DOCUMENT_STATUSES as readonly string[]).includes(value);
}

export interface LabelDef {
  readonly name: string;
  /** `#rrggbb`; chosen so label chips keep WCAG AA contrast with their text colour. */
  readonly color: string;
  /** A single printable key, or '' for none. */
  readonly hotkey: string;
}

/** Where a document came from; every key is optional and unknown keys are kept. */
export interface DocumentMeta {
  readonly source?: string;
  readonly line?: number;
  readonly originalId?: string;
  readonly [key: string]: unknown;
}

