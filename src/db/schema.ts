import type { DocumentMeta, DocumentStatus, LabelDef, Span } from '../core/types';
import type { LayerChange } from '../core/layerChange';
import type { GoldChange } from '../review/goldChange';
import type { PackedSpans } from './packedSpans';

/** Persisted row shapes. Every change to them is a new Dexie version in `database.ts`. */

export interface ProjectRow {
  id: string;
  name: string;
  labels: LabelDef[];
  createdAt: number;
  updatedAt: number;
}

/**
 * A document without its text, small enough to list 100,000 of. Stored as `documents` rows up to
 * schema version 4; since version 5 a view over the document's page (`PageRow` and
 * `PageDocumentsRow`), which readers in `src/db` put together.
 */
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

/** A document's text: a table up to schema version 4, a slot of a `PageTextsRow` since. */
export interface TextRow {
  documentId: string;
  text: string;
}

/**
 * Since schema version 5, documents are stored a page at a time: up to 100 documents that one
 * import brought in, in reading order, as four records (this one, their metadata, their texts and
 * each annotator's imported layers). IndexedDB costs about the same per record whatever its size,
 * so 100,000 documents as 4,000 records import in a fraction of the time 300,000 would take.
 * Document `n` of page `p` has the id `documentIdOf(p, n)` (pageFormat.ts) and the reading order
 * `order + n`.
 */
export interface PageRow {
  id: string;
  projectId: string;
  /** Reading order of the page's first document. */
  order: number;
  /** How many documents the page holds. */
  count: number;
  /** The import that wrote the page (until it finished, the page goes if the import is undone). */
  importId?: string;
}

/** What the Documents list needs of a page's documents, slot by slot. */
export interface PageDocumentsRow {
  pageId: string;
  documents: PagedDocument[];
}

export interface PagedDocument {
  title: string;
  /** UTF-16 length of the text. */
  length: number;
  /** SHA-256 of the text (hex): one project never holds the same text twice. */
  contentHash: string;
  meta: DocumentMeta;
}

export interface PageTextsRow {
  pageId: string;
  texts: string[];
}

/**
 * One annotator's imported layers on a page's documents, packed (pageLayers.ts). A layer leaves
 * its page for an `annotations` row the first time it is edited, so every layer lives in exactly
 * one place: a row or a page slot.
 */
export interface PageLayersRow {
  pageId: string;
  annotator: string;
  projectId: string;
  /** Per slot: 0 where the annotator has no layer here, else `STATUS_CODES[status]`. */
  statuses: Uint8Array;
  /** Spans of slot `i` are `spans[spanStarts[i]]` up to `spans[spanStarts[i + 1]]`. */
  spanStarts: Uint32Array;
  spans: PackedSpans;
  /**
   * Since version 10: a span stored with an id of length 0 has the id this base derives for its
   * place (`pageSpanIds`, pageFormat.ts). Rows without it store every id.
   */
  spanIdBase?: string;
  updatedAt: number;
}

/** One annotator's layer on one document. The reviewer's adjudicated layer is annotator `gold`. */
export interface AnnotationRow {
  documentId: string;
  annotator: string;
  projectId: string;
  spans: Span[];
  status: DocumentStatus;
  /** Distinct labels among `spans`. */
  labels: string[];
  /**
   * For each of `labels`, `labelKey(projectId, annotator, label)` and `anyLabelKey(projectId,
   * label)`: one multi-entry index answers "documents where this annotator (or anyone) used this
   * label" without scanning. Since schema version 2; the any-annotator keys since version 3.
   */
  labelKeys: string[];
  /** Suggestions this annotator rejected (by `spanKey`), so they stay hidden. Since version 2. */
  rejected: string[];
  /**
   * The annotator's note on the document (a flag with a comment), absent when none. Not indexed,
   * so no schema version: older rows simply have none, and a layer on its page never has one.
   */
  note?: string;
  updatedAt: number;
  /**
   * Bumped by every write of the layer (0: as an import brought it, never edited). Decides which
   * of two reads is newer, in this tab or across tabs, where clocks cannot. Since version 7.
   */
  revision: number;
  /**
   * The gold layer only (annotator `gold`), since version 8: the reviewer's decision on each
   * candidate (REVIEW.md), kept with the spans they produced so re-merging never undoes one.
   */
  decisions?: DecisionRow[];
  /**
   * The gold layer only, since version 8: how each gold span came to be, by span id. A gold span
   * without an entry (imported as gold, or older than version 8) reads as `added`, proposed by nobody.
   */
  origins?: SpanOriginRow[];
}

/** A reviewer's decision on one candidate `start:end:label` of a document. Since version 8. */
export interface DecisionRow {
  candidateKey: string;
  state: 'accepted' | 'rejected';
  /** Who proposed the candidate when it was decided, sorted. */
  sources: string[];
  reviewer: string;
  /** Milliseconds since the epoch. */
  at: number;
}

/** Where a gold span came from. Since version 8. */
export interface SpanOriginRow {
  spanId: string;
  origin: 'accepted' | 'edited' | 'added';
  sources: string[];
  /** For an edited span: the candidate it was accepted as. */
  editedFrom?: string;
}

export function labelKey(projectId: string, annotator: string, label: string): string {
  return `${projectId}\u0001${annotator}\u0001${label}`;
}

/** The label key of a project's layers whoever the annotator (a different separator: no clash). */
export function anyLabelKey(projectId: string, label: string): string {
  return `${projectId}\u0002${label}`;
}

export function labelKeysOf(projectId: string, annotator: string, labels: readonly string[]): string[] {
  return labels.flatMap((label) => [labelKey(projectId, annotator, label), anyLabelKey(projectId, label)]);
}

/** A term list imported into a project for suggestions. Since schema version 2. */
export interface DictionaryRow {
  id: string;
  projectId: string;
  name: string;
  entries: { label: string; term: string }[];
  enabled: boolean;
  createdAt: number;
}

/** A regular expression that suggests spans of one label. Since schema version 2. */
export interface PatternRow {
  id: string;
  projectId: string;
  label: string;
  pattern: string;
  flags: string;
  enabled: boolean;
  createdAt: number;
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
  /** Since version 7: a layer's storage before a merge changed it (`LayerStore.saveForRollback`). */
  | { seq?: number; importId: string; kind: 'layer'; backup: LayerBackup }
  | { seq?: number; importId: string; kind: 'annotation'; documentId: string; annotator: string; previous: AnnotationRow | null }
  /** Since version 5: a page's layers, before a merge moved one of them out into a row. */
  | { seq?: number; importId: string; kind: 'pageLayers'; pageId: string; annotator: string; previous: PageLayersRow }
  | { seq?: number; importId: string; kind: 'labels'; projectId: string; previous: LabelDef[] };

export interface SettingRow {
  key: string;
  value: unknown;
}

/** A layer's storage as an import found it, to put it back exactly on rollback. Since version 7. */
export interface LayerBackup {
  documentId: string;
  annotator: string;
  row: AnnotationRow | null;
  /** Its page's layers for this annotator, saved once per page (the first merge into the page). */
  page?: PageLayersRow;
}

/**
 * One span edit of one layer (an add, a delete, a relabel, a status), appended as it happens so
 * an edit writes what it changed, not the whole layer. `seq` (auto-increment) is commit order,
 * across tabs too; the layer store folds a layer's records, in that order, into every read of the
 * layer and, off the hot path, into its row. Since version 9.
 */
export interface LayerEditRow {
  seq?: number;
  documentId: string;
  annotator: string;
  projectId: string;
  change: LayerChange;
  /** `redo`: the change as made; `undo`: its inverse (`applyLayerChange`'s directions). */
  direction: 'undo' | 'redo';
  /** When it was made (the layer's `updatedAt` once folded); never an order. */
  at: number;
}

/** Which of a history's two stacks a step is on. */
export type HistoryStack = 'undo' | 'redo';

/**
 * One undoable step of one annotator in one project, kept so undo survives a reload (the last
 * few hundred per project and annotator). Since version 7.
 */
export interface HistoryRow {
  /** Made by the tab that recorded the step, so it can move the step before the write lands. */
  id: string;
  projectId: string;
  annotator: string;
  stack: HistoryStack;
  /** When the step arrived on its stack: the order within the stack. */
  at: number;
  step: HistoryStep;
}

/** A label set before and after a step. */
export interface LabelSetChange {
  projectId: string;
  before: LabelDef[];
  after: LabelDef[];
}

/**
 * One undoable step: what it changed in layers (spans added and removed, statuses, rejected
 * suggestions), and for label operations the label set and the dictionaries and patterns
 * relabelled with it. Undo applies the inverse to the layers as they are then.
 */
export interface HistoryStep {
  layers: readonly LayerChange[];
  /** Review work on gold layers (decisions and gold spans with their origins). Since version 8. */
  gold?: readonly GoldChange[];
  labels?: LabelSetChange;
  sources?: readonly SourceChange[];
}

/** A dictionary or pattern as it was and as a label change left it (null: deleted). */
export type SourceChange =
  | { table: 'dictionaries'; before: DictionaryRow; after: DictionaryRow | null }
  | { table: 'patterns'; before: PatternRow; after: PatternRow | null };
