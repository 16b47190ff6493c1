import type { LabelDef } from '../core/types';
import type { SpanEdit } from './annotations';
import { annotationRow } from './annotations';
import { db } from './database';
import { layerTables, readLayer, writeLayers } from './layers';
import { projectOfDocument } from './pages';
import { replaySourceChanges, type SourceChange } from './suggestions';

export interface LabelSetChange {
  projectId: string;
  before: LabelDef[];
  after: LabelDef[];
}

/** Suggestions one annotator rejected on one document in one step (their `spanKey`s). */
export interface RejectionEdit {
  documentId: string;
  annotator: string;
  keys: readonly string[];
}

/**
 * One undoable step: span edits on any number of documents, possibly the label set they depend
 * on (a renamed or deleted label changes both), and suggestions rejected. Replayed in one
 * transaction, so undo and redo are as atomic as the edit was.
 */
export interface Change {
  edits: readonly SpanEdit[];
  labels?: LabelSetChange;
  rejections?: readonly RejectionEdit[];
  /** Dictionaries and patterns a label change relabelled. */
  sources?: readonly SourceChange[];
}

/** Whether replaying the change would do anything. */
export function isEmptyChange(change: Change): boolean {
  return (
    change.edits.length === 0 && !change.labels && (change.sources ?? []).length === 0 && (change.rejections ?? []).every((rejection) => rejection.keys.length === 0)
  );
}

export async function applyChange(change: Change, direction: 'undo' | 'redo'): Promise<void> {
  await db.transaction('rw', [db.projects, ...layerTables(), db.dictionaries, db.patterns, db.settings], async () => {
    if (change.labels) {
      const labels = direction === 'undo' ? change.labels.before : change.labels.after;
      await db.projects.update(change.labels.projectId, { labels, updatedAt: Date.now() });
    }
    const writes = [];
    for (const edit of change.edits) {
      const spans = direction === 'undo' ? edit.before : edit.after;
      const current = await readLayer(edit.documentId, edit.annotator);
      const projectId = current?.projectId ?? (await projectOfDocument(edit.documentId));
      if (projectId === undefined) continue;
      writes.push({ row: annotationRow(edit.documentId, edit.annotator, projectId, spans, current?.status ?? 'in-progress', current?.rejected), replacing: current });
    }
    // One page read per page, not per document: undoing a label rename touches thousands.
    await writeLayers(writes);
    await replaySourceChanges(change.sources ?? [], direction);
    for (const rejection of change.rejections ?? []) {
      const current = await readLayer(rejection.documentId, rejection.annotator);
      if (!current) continue;
      const keys = new Set(rejection.keys);
      const kept = current.rejected.filter((key) => !keys.has(key));
      const rejected = direction === 'undo' ? kept : [...kept, ...rejection.keys];
      await writeLayers([{ row: { ...current, rejected, updatedAt: Date.now() }, replacing: current }]);
    }
  });
}
