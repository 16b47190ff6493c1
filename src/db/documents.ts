import { Dexie } from 'dexie';
import type { DocumentStatus } from '../core/types';
import { db } from './database';
import type { DocumentRow } from './schema';

function inProject(projectId: string) {
  return db.documents.where('[projectId+order]').between([projectId, Dexie.minKey], [projectId, Dexie.maxKey]);
}

export async function getDocument(documentId: string): Promise<DocumentRow | undefined> {
  return db.documents.get(documentId);
}

export async function getText(documentId: string): Promise<string | undefined> {
  return (await db.texts.get(documentId))?.text;
}

export async function countDocuments(projectId: string): Promise<number> {
  return inProject(projectId).count();
}

/** The project's document ids in reading order: cheap (keys only) even for 100,000 documents. */
export async function listDocumentIds(projectId: string): Promise<string[]> {
  return inProject(projectId).primaryKeys();
}

export async function getDocuments(documentIds: readonly string[]): Promise<(DocumentRow | undefined)[]> {
  return db.documents.bulkGet([...documentIds]);
}

/** Ids of the documents whose status, for this annotator, is one of `statuses`. */
export async function documentIdsWithStatus(projectId: string, annotator: string, statuses: readonly DocumentStatus[]): Promise<Set<string>> {
  const keys = await db.annotations
    .where('[projectId+annotator+status]')
    .anyOf(statuses.map((status) => [projectId, annotator, status]))
    .primaryKeys();
  return new Set(keys.map(([documentId]) => documentId));
}

/** The first document after `fromOrder` (wrapping around) that this annotator has not marked done. */
export async function nextDocumentNotDone(projectId: string, annotator: string, fromOrder: number): Promise<string | undefined> {
  const finished = await documentIdsWithStatus(projectId, annotator, ['done']);
  const isOpen = (row: DocumentRow) => !finished.has(row.id);
  const after = await db.documents
    .where('[projectId+order]')
    .between([projectId, fromOrder], [projectId, Dexie.maxKey], false, true)
    .filter(isOpen)
    .first();
  if (after) return after.id;
  const before = await inProject(projectId).filter((row) => isOpen(row) && row.order < fromOrder).first();
  return before?.id;
}
