import { labelKeyV2 } from './v2';

/** Rows as schema version 3 stored them (frozen: never edit; see README.md). */

/** Same fields as version 2; `labelKeys` also hold an any-annotator key per label. */
export type { AnnotationRowV2 as AnnotationRowV3, DocumentRowV2 as DocumentRowV3, ImportJournalRowV2 as ImportJournalRowV3, TextRowV2 as TextRowV3 } from './v2';

/** The any-annotator label key version 3 added (a different separator: no clash). */
export function anyLabelKeyV3(projectId: string, label: string): string {
  return `${projectId}\u0002${label}`;
}

/** Version 3's `labelKeys` of a layer: for each label, the annotator's key then the any-annotator key. */
export function labelKeysV3(projectId: string, annotator: string, labels: readonly string[]): string[] {
  return labels.flatMap((label) => [labelKeyV2(projectId, annotator, label), anyLabelKeyV3(projectId, label)]);
}
