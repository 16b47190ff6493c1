import type { AnnotationRowV1, LabelDefV1 } from './v1';

/** Rows as schema version 2 stored them (frozen: never edit; see README.md). */

export type { DocumentRowV1 as DocumentRowV2, TextRowV1 as TextRowV2 } from './v1';

/** `annotations` gain `labelKeys` (one per label, this annotator's) and `rejected`. */
export interface AnnotationRowV2 extends AnnotationRowV1 {
  labelKeys: string[];
  rejected: string[];
}

/** The journal keeps whole annotation rows, so its shape follows theirs. */
export type ImportJournalRowV2 =
  | { seq?: number; importId: string; kind: 'annotation'; documentId: string; annotator: string; previous: AnnotationRowV2 | null }
  | { seq?: number; importId: string; kind: 'labels'; projectId: string; previous: LabelDefV1[] };

/** The label key version 2 wrote: project, annotator and label. */
export function labelKeyV2(projectId: string, annotator: string, label: string): string {
  return `${projectId}\u0001${annotator}\u0001${label}`;
}
