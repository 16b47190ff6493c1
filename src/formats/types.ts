import { describeProblem, type Problem } from './problems';
/**
 * The vocabulary shared by every import and export format. Offsets in these types are the app's
 * (UTF-16, half-open); files count code points, and each parser/serialiser converts at its edge.
 */
import type { DocumentMeta, DocumentStatus, Span, SpanDraft } from '../core/types';

/** One document read from a file, ready to be written to the workspace. */
export interface ImportedRecord {
  /** 1-based line of the record's first line in the file. */
  line: number;
  /** The document text; `\r\n` and `\r` are already `\n`. */
  text: string;
  id?: string;
  /** UTF-16 offsets into `text`. */
  spans: SpanDraft[];
  annotator?: string;
  status?: DocumentStatus;
  meta?: Record<string, unknown>;
  /**
   * Parts of the record that were left out while the document itself was kept (a bad span, an
   * unknown status): each names its line. Only parsers asked to keep documents (`keepDocuments`)
   * return them; otherwise the first one refuses the whole record.
   */
  problems?: RecordProblem[];
}

/**
 * A record that was not imported: why, as a `Problem` the app words in its language, and as an
 * English `reason`. The whole record is refused when any part of it is wrong: nothing is ever
 * half-imported.
 *
 * A record left out on purpose (a Prodigy answer of `reject`/`ignore` with the "skip" option) is
 * also a RecordProblem, so callers that only report problems still list it; it carries
 * `skipped: true` and a reason starting with `skipped:`. Use `isRecordSkip` to tell it apart.
 */
export interface RecordProblem {
  line: number;
  reason: string;
  problem: Problem;
  skipped?: true;
  /**
   * A span refused for its label alone (a name that breaks BIO): with the span, so that a label
   * mapping chosen in the Import dialog can still bring it in under another name.
   */
  refusedLabel?: { label: string; span: SpanDraft };
  /** The file inside a bundle (a brat zip's `.ann`) the line is in, when it is not the file imported. */
  file?: string;
}

export function recordProblem(line: number, problem: Problem, skipped = false): RecordProblem {
  return { line, reason: describeProblem(problem), problem, ...(skipped ? { skipped: true } : {}) };
}

export type ParseResult = ImportedRecord | RecordProblem;

export function isRecordProblem(result: ParseResult): result is RecordProblem {
  return 'reason' in result;
}

/** A record deliberately left out rather than broken (see RecordProblem). */
export function isRecordSkip(result: ParseResult): result is RecordProblem & { skipped: true } {
  return 'reason' in result && result.skipped === true;
}

export type JsonlFlavor = 'spanwright' | 'doccano' | 'cluener' | 'prodigy' | 'text-only';

export type ConllScheme = 'BIO' | 'BIOES' | 'BMES';

/** One document as the exporters see it: spans in UTF-16 offsets, as stored. */
export interface ExportRecord {
  id: string;
  text: string;
  spans: readonly Span[];
  annotator: string;
  status: DocumentStatus;
  meta: DocumentMeta;
}

export type ExportFormat = 'spanwright' | 'doccano' | 'cluener' | 'conll' | 'huggingface' | 'brat';

/** The formats written as one stream of lines, one chunk per document (all but brat). */
export type LineFormat = Exclude<ExportFormat, 'brat'>;

/** A line of a text file: its text without the line end, and its 1-based number. */
export interface Line {
  readonly text: string;
  readonly number: number;
}
