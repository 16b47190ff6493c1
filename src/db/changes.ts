import type { LabelDef } from '../core/types';
import type { SpanEdit } from './annotations';
import { annotationRow } from './annotations';
import { db } from './database';

export interface LabelSetChange {
  projectId: string;
  before: LabelDef[];
  after: LabelDef[];
}

/**
 * One undoable step: span edits on any number of documents, and possibly the label set they
 * depend on (a renamed or deleted label changes both). Replayed in one transaction, so undo and
 * redo are as atomic as the edit was.
 */
export interface Change {
  edits: readonly SpanEdit[];
  labels?: LabelSetChange;
}

export async function applyChange(change: Change, direction: 'undo' | 'redo'): Promise<void> {
  await db.transaction('rw', db.projects, db.documents, db.annotations, async () => {
    if (change.labels) {
      const labels = direction === 'undo' ? change.labels.before : change.labels.after;
      await db.projects.update(change.labels.projectId, { labels, updatedAt: Date.now() });
    }
    for (const edit of change.edits) {
      const spans = direction === 'undo' ? edit.before : edit.after;
      const current = await db.annotations.get([edit.documentId, edit.annotator]);
      const document = await db.documents.get(edit.documentId);
      if (!document) continue;
      await db.annotations.put(annotationRow(edit.documentId, edit.annotator, document.projectId, spans, current?.status ?? 'in-progress', current?.rejected));
    }
  });
}
