import { Dexie, liveQuery } from 'dexie';
import type { DocumentStatus, Span } from '../core/types';
import { annotationRow } from './annotationRow';
import { db } from './database';
import { pageLayersOfProject, readLayer, readLayers, writeLayer, layerTables } from './layers';
import { projectOfDocument } from './pages';
import type { AnnotationRow } from './schema';

export { annotationRow, distinctLabels } from './annotationRow';

export async function getAnnotation(documentId: string, annotator: string): Promise<AnnotationRow | undefined> {
  return readLayer(documentId, annotator);
}

/**
 * Calls `next` with one annotator's layer on a document (null when there is none), then again
 * whenever it changes, from this tab, another tab or a worker. Returns the unsubscribe function.
 */
export function watchAnnotation(
  documentId: string,
  annotator: string,
  next: (row: AnnotationRow | null) => void,
  error: (reason: unknown) => void,
): () => void {
  const subscription = liveQuery(() => getAnnotation(documentId, annotator)).subscribe({ next: (row) => next(row ?? null), error });
  return () => subscription.unsubscribe();
}

/**
 * Replaces one annotator's spans on a document. A first edit moves a `new` document to
 * `in-progress`; `done` and `skipped` stay as the annotator set them.
 */
export async function saveSpans(documentId: string, annotator: string, spans: readonly Span[]): Promise<void> {
  await updateSpans(documentId, annotator, () => [...spans]);
}

export async function setStatus(documentId: string, annotator: string, status: DocumentStatus): Promise<void> {
  await db.transaction('rw', layerTables(), async () => {
    const current = await readLayer(documentId, annotator);
    const projectId = current?.projectId ?? (await projectOfDocument(documentId));
    if (projectId === undefined) throw new Error(`No document ${documentId}`);
    const row = current ? { ...current, status, updatedAt: Date.now() } : annotationRow(documentId, annotator, projectId, [], status);
    await writeLayer(row, current);
  });
}

export interface SpanEdit {
  documentId: string;
  annotator: string;
  before: Span[];
  after: Span[];
}

/** An edit as written: the undoable change and the row now stored. */
export interface WrittenSpans {
  edit: SpanEdit;
  row: AnnotationRow;
}

/**
 * Reads, changes and writes one annotator's spans in a single transaction. `change` returns null
 * to leave them as they are. Returns the edit (for undo history), or null when nothing changed.
 */
export async function updateSpans(
  documentId: string,
  annotator: string,
  change: (spans: readonly Span[]) => Span[] | null,
): Promise<SpanEdit | null> {
  return (await writeSpans(documentId, annotator, change))?.edit ?? null;
}

/** updateSpans, also returning the stored row (so the editor can paint it without reading it back). */
export async function writeSpans(
  documentId: string,
  annotator: string,
  change: (spans: readonly Span[]) => Span[] | null,
): Promise<WrittenSpans | null> {
  return db.transaction('rw', layerTables(), async () => {
    const current = await readLayer(documentId, annotator);
    const before = current?.spans ?? [];
    const after = change(before);
    if (after === null) return null;
    // The layer knows its project; only a first edit has to look the document up.
    const projectId = current?.projectId ?? (await projectOfDocument(documentId));
    if (projectId === undefined) throw new Error(`No document ${documentId}`);
    const status = current === undefined || current.status === 'new' ? 'in-progress' : current.status;
    const row = annotationRow(documentId, annotator, projectId, after, status, current?.rejected);
    await writeLayer(row, current);
    return { edit: { documentId, annotator, before, after: row.spans }, row };
  });
}

/** One annotator's layers on many documents, in the order asked (undefined where none exists). */
export async function getAnnotations(documentIds: readonly string[], annotator: string): Promise<(AnnotationRow | undefined)[]> {
  return readLayers(documentIds, annotator);
}

/** Everyone who has a layer in the project (the reviewer's `gold` included). */
export async function listAnnotators(projectId: string): Promise<string[]> {
  // Distinct [project, annotator] keys: one cursor step per annotator, not one per layer.
  const keys = await Promise.all([layersOfProject(projectId).uniqueKeys(), pageLayersOfProject(projectId).uniqueKeys()]);
  const names = keys.flat().flatMap((key) => (Array.isArray(key) && typeof key[1] === 'string' ? [key[1]] : []));
  return [...new Set(names)].sort();
}

/** Every edited layer (row) of a project, or of one annotator in it; see `pageLayersOfProject` for the rest. */
export function layersOfProject(projectId: string, annotator?: string) {
  return annotator === undefined
    ? db.annotations.where('[projectId+annotator]').between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
    : db.annotations.where('[projectId+annotator]').equals([projectId, annotator]);
}
