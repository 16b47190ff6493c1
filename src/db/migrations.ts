import type { Transaction } from 'dexie';
import { labelKey, labelKeysOf, type AnnotationRow } from './schema';

/** Rows read and rewritten at a time by upgrades that touch every row. */
const UPGRADE_CHUNK = 1_000;

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

/**
 * Version 4: annotation rows store their spans packed (packedSpans.ts), written through the
 * `spanPacking` middleware. No index changes; every row is rewritten once, in chunks.
 */
export async function packAnnotationSpans(tx: Transaction): Promise<void> {
  const table = tx.table<AnnotationRow, [string, string]>('annotations');
  const keys = await table.toCollection().primaryKeys();
  for (let at = 0; at < keys.length; at += UPGRADE_CHUNK) {
    const rows = await table.bulkGet(keys.slice(at, at + UPGRADE_CHUNK));
    await table.bulkPut(rows.filter((row) => row !== undefined));
  }
}
