import type { Transaction } from 'dexie';
import { labelKey, labelKeysOf, type AnnotationRow } from './schema';

/**
 * Named upgrades, one per schema version, appended and never edited once shipped (like tldraw's
 * migrations). Each is tested from a database created at the version before.
 */

/** Version 2: annotations gain `labelKeys` (the indexed label filter) and `rejected` suggestions. */
export async function addLabelKeysAndRejectedSuggestions(tx: Transaction): Promise<void> {
  await tx
    .table<AnnotationRow>('annotations')
    .toCollection()
    .modify((row) => {
      row.labelKeys = row.labels.map((label) => labelKey(row.projectId, row.annotator, label));
      row.rejected = [];
    });
}

/**
 * Version 3: annotations keep three indexes instead of five (each index is paid on every write of
 * a 100,000-document import); label keys gain an any-annotator form that replaces `*labels`.
 */
export async function indexLabelsPerProject(tx: Transaction): Promise<void> {
  await tx
    .table<AnnotationRow>('annotations')
    .toCollection()
    .modify((row) => {
      row.labelKeys = labelKeysOf(row.projectId, row.annotator, row.labels);
    });
}
