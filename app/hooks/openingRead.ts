import { readOpenedDocument, type OpenedDocument } from '../../src/db';

let started: { documentId: string; annotator: string; read: Promise<OpenedDocument> } | null = null;

/**
 * The read that opening a document starts: its row, its text and the annotator's layer, in one
 * transaction. The open text and the open layer each follow the workbench's document, both in the
 * store update that opens it (a list click, a key): they share this read instead of each issuing
 * their own, so the requests go out at the click, all at once, before React renders anything.
 * A read is shared only while it is under way; a later one reads afresh.
 */
export function readOpening(documentId: string, annotator: string): Promise<OpenedDocument> {
  if (started?.documentId === documentId && started.annotator === annotator) return started.read;
  const entry = { documentId, annotator, read: readOpenedDocument(documentId, annotator) };
  started = entry;
  const forget = () => {
    if (started === entry) started = null;
  };
  entry.read.then(forget, forget);
  return entry.read;
}
