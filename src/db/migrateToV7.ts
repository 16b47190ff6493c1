import type { Transaction } from 'dexie';

/**
 * Version 7: every edited layer gains a `revision` (which of two reads is newer is no longer
 * decided by clocks), and a `history` table keeps undo steps across reloads. The row shape here
 * is frozen as it was at version 6 plus what this upgrade adds: later changes to the live
 * `AnnotationRow` must not change what this upgrade does.
 */
interface AnnotationRowV6 {
  documentId: string;
  annotator: string;
  updatedAt: number;
  revision?: number;
}

/** Rows already edited count as revision 1: newer than any layer still on its page (0). */
export async function addLayerRevisions(tx: Transaction): Promise<void> {
  await tx
    .table<AnnotationRowV6>('annotations')
    .toCollection()
    .modify((row) => {
      row.revision = 1;
    });
}
