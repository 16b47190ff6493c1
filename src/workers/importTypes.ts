import type { Problem } from '../formats/problems';
import type { TextEncodingName } from '../formats/encoding';
import type { TxtSplitMode } from '../formats/txt';
import type { ImportKind } from '../formats/detect';
import type { JsonlFlavor, ConllScheme } from '../formats/types';
import type { IncomingLabel, LabelChoice } from '../formats/labelMapping';
import type { LongDocumentSplit } from '../formats/longDocuments';

/**
 * What one row of the Import dialog imports: a file, or a brat document given as its `.txt` and
 * `.ann` chosen together (`files` then holds both).
 */
export interface ImportInput {
  name: string;
  files: File[];
}

/** The options that change how a file is read (the analysis is redone when one changes). */
export interface ReadOptions {
  txtSplit: TxtSplitMode;
  /** Overrides the detected encoding. */
  encoding?: TextEncodingName;
  /** Prodigy tasks answered reject/ignore: keep the text without spans, or skip the task. */
  prodigyRejected: 'without-spans' | 'skip';
  /** Documents over 200,000 characters: kept whole, or split by lines or blank-line blocks. */
  longSplit: LongDocumentSplit;
}

export interface ImportOptions extends ReadOptions {
  projectId: string;
  /** Whose annotations the spans become when a record names no annotator. */
  annotator: string;
  /**
   * A record with a bad span: import the document and its good spans, listing the bad span
   * (`keep-document`), or skip the record's line altogether (`skip-line`).
   */
  badSpans: 'keep-document' | 'skip-line';
  /** What becomes of each new label (pairs, not an object: a label may be named `__proto__`). */
  labelChoices: [string, LabelChoice][];
}

export interface FileAnalysis {
  fileName: string;
  size: number;
  kind: ImportKind;
  encoding: TextEncodingName;
  flavor?: JsonlFlavor;
  scheme?: ConllScheme;
  /** Documents the file holds (records read, bad parts and all). */
  documents: number;
  /** Of those, documents whose text the project does not have yet (repeats in the file count once). */
  create: number;
  /** Documents whose text the project (or an earlier record of the file) already has: their spans merge. */
  present: number;
  spans: number;
  /** Lines refused whole, and spans (or other parts) left out of a kept document. */
  skippedLines: number;
  leftOut: number;
  /** The first problems, for the dialog (the import lists them all). */
  problems: LineProblem[];
  /** Every label the file brings, with its span count (the project's own included). */
  labels: [string, number][];
  /** The annotators the file names, with their document counts; '' for records that name none. */
  annotators: [string, number][];
  /** Documents over 200,000 characters, by line. */
  longDocuments: { line: number; length: number }[];
}

export type AnalysisResult = { ok: true; analysis: FileAnalysis } | { ok: false; fileName: string; error: string; problem: Problem };

export interface ImportProgress {
  fileName: string;
  fileIndex: number;
  fileCount: number;
  bytesRead: number;
  totalBytes: number;
  documents: number;
}

export interface LineProblem {
  fileName: string;
  line: number;
  /** In English; `problem` for other languages. */
  reason: string;
  problem: Problem;
  /** The document was imported and only this part left out (else the whole line was skipped). */
  kept?: true;
}

export interface FileImportResult {
  fileName: string;
  /** Documents new to the project. */
  documents: number;
  /** Records whose text the project already had (their spans were merged). */
  merged: number;
  spans: number;
  problems: LineProblem[];
  /** Set when the whole file was refused or rolled back: in English, and as a Problem. */
  error?: string;
  errorProblem?: Problem;
}

export interface ImportSummary {
  files: FileImportResult[];
  cancelled: boolean;
}

export type { IncomingLabel, LabelChoice };
