import type { SpanV1, StatusV1 } from './v1';

/** What one edit did to one layer, as version 9 stores it in an edit record. */
export interface LayerChangeV9 {
  documentId: string;
  annotator: string;
  added: SpanV1[];
  removed: SpanV1[];
  status?: { before: StatusV1; after: StatusV1 };
  rejected?: string[];
}

/**
 * Version 9 adds the `layerEdits` table: one small record per span edit (an add, a delete, a
 * relabel), appended in commit order (`seq`), which the layer store folds into the layer's row
 * or page slot later. No existing row changes.
 */
export interface LayerEditRowV9 {
  seq?: number;
  documentId: string;
  annotator: string;
  projectId: string;
  change: LayerChangeV9;
  direction: 'undo' | 'redo';
  at: number;
}
