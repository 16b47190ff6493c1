import type { DocumentMeta, DocumentStatus, LabelDef, Span } from '../core/types';

/** Persisted row shapes. Every change to them is a new Dexie version in `database.ts`. */

export interface ProjectRow {
  id: string;
  name: string;
  labels: LabelDef[];
  createdAt: number;
  updatedAt: number;
}

/** A document without its text, small enough to list 100,000 of. */
export interface DocumentRow {
  id: string;
  projectId: string;
  title: string;
  /** UTF-16 length of the text. */
  length: number;
  order: number;
  /** SHA-256 of the text (hex): one project never holds the same text twice. */
  contentHash: string;
  meta: DocumentMeta;
  /** The import that created the document, until that import has finished. */
  importId?: string;
}

export interface TextRow {
  documentId: string;
  text: string;
}

/** One annotator's layer on one document. The reviewer's adjudicated layer is annotator `gold`. */
export interface AnnotationRow {
  documentId: string;
  annotator: string;
  projectId: string;
  spans: Span[];
  status: DocumentStatus;
  /** Distinct labels among `spans`, for the "has label" filter (multi-entry index). */
  labels: string[];
  updatedAt: number;
}

export type ImportState = 'running' | 'finished';

/** An import in progress: what it must undo if it is cancelled, fails, or the tab dies. */
export interface ImportRow {
  id: string;
  projectId: string;
  fileName: string;
  state: ImportState;
  startedAt: number;
  /** Last sign of life; a running import silent for long was cut off and is rolled back. */
  heartbeatAt: number;
}

/** What an import changed outside its own new documents, saved before the first change. */
export type ImportJournalRow =
  | { seq?: number; importId: string; kind: 'annotation'; documentId: string; annotator: string; previous: AnnotationRow | null }
  | { seq?: number; importId: string; kind: 'labels'; projectId: string; previous: LabelDef[] };

export interface SettingRow {
  key: string;
  value: unknown;
}
