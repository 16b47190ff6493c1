import type { Dexie } from 'dexie';
import type { Span } from '../core/types';
import { db } from './database';
import { packSpansV4 } from './frozen/v4';
import { ImportWriter, type IncomingDocument } from './importWriter';
import { anyLabelKey, labelKey } from './schema';

/** A fresh, empty database for each test (fake-indexeddb in Node). */
export async function resetDatabase(): Promise<void> {
  db.close();
  await db.delete();
  await db.open();
}

/** A document as an import would bring it; the hash is the text itself, which is unique enough here. */
export function incoming(text: string, spans: IncomingDocument['spans'] = [], annotator = 'alice'): IncomingDocument {
  return { text, contentHash: `hash:${text}`, spans, annotator, meta: { source: 'test.txt' } };
}

/** Writes documents into a project the way an import does, committed. */
export async function importTexts(projectId: string, docs: IncomingDocument[]): Promise<void> {
  const writer = await ImportWriter.begin(projectId, 'test.txt');
  await writer.writeBatch(docs);
  await writer.commit();
}

/** The one document `page.0` of `seedOldPage`, and its one span. */
export const OLD_PAGE_TEXT = '刘艳霞在通州区工作';
export const OLD_PAGE_SPANS: Span[] = [{ id: 's1', start: 0, end: 3, label: 'person' }];

/**
 * Writes, into a database opened at an old schema version (5 to 8, which store them alike), project
 * `p` with one page holding `page.0` and each annotator's done layer on it as an edited row
 * (packed spans, revision `revision`): the starting point of upgrade and old-backup tests.
 */
export async function seedOldPage(old: Dexie, annotators: readonly string[], { revision, labels = [] }: { revision: number; labels?: unknown[] }): Promise<void> {
  await old.table('projects').add({ id: 'p', name: 'News', labels, createdAt: 1, updatedAt: 1 });
  await old.table('pages').add({ id: 'page', projectId: 'p', order: 0, count: 1 });
  await old.table('pageDocuments').add({ pageId: 'page', documents: [{ title: '刘艳霞', length: OLD_PAGE_TEXT.length, contentHash: 'h1', meta: {} }] });
  await old.table('pageTexts').add({ pageId: 'page', texts: [OLD_PAGE_TEXT] });
  await old.table('annotations').bulkAdd(
    annotators.map((annotator) => ({
      documentId: 'page.0', annotator, projectId: 'p', packedSpans: packSpansV4(OLD_PAGE_SPANS), status: 'done', labels: ['person'],
      labelKeys: [labelKey('p', annotator, 'person'), anyLabelKey('p', 'person')], rejected: [], updatedAt: 5, revision,
    })),
  );
}
