import type { Problem } from '../formats/problems';
import type { TextEncodingName } from '../formats/encoding';
import type { TxtSplitMode } from '../formats/txt';
import type { ImportKind } from '../formats/detect';
import type { JsonlFlavor, ConllScheme } from '../formats/types';

export interface ImportOptions {
  projectId: string;
  /** Whose annotations the spans become when a record names no annotator. */
  annotator: string;
  txtSplit: TxtSplitMode;
  /** Overrides the detected encoding. */
  encoding?: TextEncodingName;
  /** Prodigy tasks answered reject/ignore: keep the text without spans, or skip the task. */
  prodigyRejected: 'without-spans' | 'skip';
}

export interface FileAnalysis {
  fileName: string;
  size: number;
  kind: ImportKind;
  encoding: TextEncodingName;
  flavor?: JsonlFlavor;
  scheme?: ConllScheme;
  /** For `.txt`: how many documents each split mode makes. */
  txtCounts?: Record<TxtSplitMode, number>;
  /** Non-empty lines, for formats with one record per line. */
  records?: number;
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
