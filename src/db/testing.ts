import { db } from './database';
import { ImportWriter, type IncomingDocument } from './importWriter';

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
