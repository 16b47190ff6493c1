import { isEmptyLayerChange, layerChangeOf, type LayerChange } from '../core/layerChange';
import type { DocumentStatus, Span } from '../core/types';
import { watchCommits } from './commitWatch';
import { onStorageChange } from './documentFilters';
import { layerState, layerStore, type StoredLayer } from './layerStore';
import type { AnnotationRow } from './schema';

export { annotationRow, distinctLabels } from './annotationRow';

/** One annotator's layer on one document, through the layer store. */
export async function getAnnotation(documentId: string, annotator: string): Promise<StoredLayer | undefined> {
  return layerStore().read(documentId, annotator);
}

/**
 * Calls `next` with one annotator's layer on a document (null when there is none), then again
 * whenever it may have changed, from this tab, another tab or a worker. Returns the unsubscribe
 * function. Not a liveQuery (`commitWatch.ts`): every span added to the open layer would read
 * the layer back inside the edit's own commit.
 */
export function watchAnnotation(
  documentId: string,
  annotator: string,
  next: (row: AnnotationRow | null) => void,
  error: (reason: unknown) => void,
): () => void {
  return watchCommits({
    read: () => getAnnotation(documentId, annotator),
    wakeOn: (wake) =>
      onStorageChange(({ layers }) => {
        if (layers === 'many' || layers?.has(documentId)) wake();
      }),
    next: (row) => next(row ?? null),
    error,
  });
}

/**
 * Replaces one annotator's spans on a document. A first edit moves a `new` document to
 * `in-progress`; `done` and `skipped` stay as the annotator set them.
 */
export async function saveSpans(documentId: string, annotator: string, spans: readonly Span[]): Promise<void> {
  await writeSpans(documentId, annotator, () => [...spans]);
}

/** Sets one annotator's status on a document; returns the change (for undo), null when it was already so. */
export async function setStatus(documentId: string, annotator: string, status: DocumentStatus): Promise<LayerChange | null> {
  const { changes } = await layerStore().update([{ documentId, annotator }], (current) =>
    current?.status === status ? null : { spans: current?.spans ?? [], status },
  );
  return changes[0] ?? null;
}

/**
 * Sets one annotator's note on a document ('' removes it): a flag with a comment, exported in the
 * document's `meta`. A `new` document becomes `in-progress`, so exports of touched documents carry it. Returns the change (for undo), null when the note was already so.
 */
export async function setNote(documentId: string, annotator: string, note: string): Promise<LayerChange | null> {
  const wanted = note.trim();
  const { changes } = await layerStore().update([{ documentId, annotator }], (current) =>
    // Like a first span, a note moves a `new` document to `in-progress`: it has been looked at.
    (current?.note ?? '') === wanted ? null : { spans: current?.spans ?? [], status: current === undefined || current.status === 'new' ? 'in-progress' : current.status, note: wanted },
  );
  return changes[0] ?? null;
}

/** An edit as written: the undoable change and the row now stored. */
export interface WrittenSpans {
  change: LayerChange;
  row: AnnotationRow;
}

/**
 * Reads, changes and writes one annotator's spans in a single transaction. `change` returns null
 * to leave them as they are. Returns what changed (for undo history) and the stored row (so the
 * editor paints it without reading it back), or null when nothing changed.
 */
export async function writeSpans(
  documentId: string,
  annotator: string,
  change: (spans: readonly Span[]) => Span[] | null,
): Promise<WrittenSpans | null> {
  const written = await layerStore().update([{ documentId, annotator }], (current) => {
    const after = change(current?.spans ?? []);
    if (after === null) return null;
    const status = current === undefined || current.status === 'new' ? 'in-progress' : current.status;
    return { spans: after, status };
  });
  const [layerChange] = written.changes;
  const [row] = written.rows;
  return layerChange && row ? { change: layerChange, row } : null;
}

/** A span edit made on the layer on screen: painted at once, stored by `persisted`. */
export interface EditedSpans extends WrittenSpans {
  /** Settles once the edit is stored (the record is already on its way when this is handed back). */
  persisted: Promise<void>;
}

/**
 * Edits one annotator's spans as `shown` has them (the layer on screen, null when there is none),
 * storing only what changed: one small record, whatever the layer's size, issued before this
 * returns (synchronously: a tab closed right after keeps the edit). The change applies to the
 * layer as stored when it is read, so an edit another tab made meanwhile stays. Returns what
 * changed (for undo), the layer as it now reads (to paint at once), and the write; null when
 * `change` returns null or changes nothing. A first edit moves `new` to `in-progress`.
 */
export function editSpans(
  shown: AnnotationRow | null,
  target: { documentId: string; annotator: string; projectId: string },
  change: (spans: readonly Span[]) => Span[] | null,
): EditedSpans | null {
  const before = shown === null ? undefined : layerState({ ...shown, location: 'row' });
  const after = change(before?.spans ?? []);
  if (after === null) return null;
  const status = before === undefined || before.status === 'new' ? 'in-progress' : before.status;
  const layerChange = layerChangeOf(target.documentId, target.annotator, before, { spans: after, status, rejected: before?.rejected ?? [] });
  if (isEmptyLayerChange(layerChange)) return null;
  const { layer, persisted } = layerStore().append(target, shown, layerChange);
  return { change: layerChange, row: layer, persisted };
}

/** One annotator's layers on many documents, in the order asked (undefined where none exists). */
export async function getAnnotations(documentIds: readonly string[], annotator: string): Promise<(AnnotationRow | undefined)[]> {
  return layerStore().readMany(documentIds, annotator);
}

/** Everyone who has a layer in the project (the reviewer's `gold` included). */
export async function listAnnotators(projectId: string): Promise<string[]> {
  return layerStore().annotators(projectId);
}
