/**
 * Rows as schema version 1 stored them (frozen: never edit; see README.md). Only the tables an
 * upgrade reads or writes are described.
 */

export interface SpanV1 {
  id: string;
  start: number;
  end: number;
  label: string;
}

export type StatusV1 = 'new' | 'in-progress' | 'done' | 'skipped';

export interface LabelDefV1 {
  name: string;
  color: string;
  hotkey: string;
}

/** Where a document came from; upgrades copy it whole, without looking inside. */
export type DocumentMetaV1 = Readonly<Record<string, unknown>>;

/** `documents` (versions 1–5; dropped at 6). */
export interface DocumentRowV1 {
  id: string;
  projectId: string;
  title: string;
  /** UTF-16 length of the text. */
  length: number;
  order: number;
  contentHash: string;
  meta: DocumentMetaV1;
  importId?: string;
}

/** `texts` (versions 1–5; dropped at 6). */
export interface TextRowV1 {
  documentId: string;
  text: string;
}

/** `annotations`, spans stored as objects. */
export interface AnnotationRowV1 {
  documentId: string;
  annotator: string;
  projectId: string;
  spans: SpanV1[];
  status: StatusV1;
  labels: string[];
  updatedAt: number;
}

/** `importJournal`. */
export type ImportJournalRowV1 =
  | { seq?: number; importId: string; kind: 'annotation'; documentId: string; annotator: string; previous: AnnotationRowV1 | null }
  | { seq?: number; importId: string; kind: 'labels'; projectId: string; previous: LabelDefV1[] };
