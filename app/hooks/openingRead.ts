import { readOpenedDocument, type OpenedDocument } from '../../src/db';
import { useWorkbench } from '../store';

/**
 * How long a finished read may still serve an open: long enough for a press's click to follow its
 * pointerdown, short enough that the layer's live query (which starts once it is shown and brings
 * anything newer) has little to catch up on.
 */
const REUSE_MS = 1_000;

interface Started {
  documentId: string;
  annotator: string;
  read: Promise<OpenedDocument>;
  /** performance.now() when it settled; undefined while under way. */
  settledAt?: number;
}

let started: Started | null = null;

/**
 * The read that opening a document starts: its row, its text and the annotator's layer, in one
 * transaction. The open text and the open layer each follow the workbench's document, both in the
 * store update that opens it (a list click, a key): they share this read instead of each issuing
 * their own, so the requests go out at the click, all at once, before React renders anything.
 * A read is shared while it is under way and for a moment after (`REUSE_MS`); a later one reads afresh.
 */
export function readOpening(documentId: string, annotator: string): Promise<OpenedDocument> {
  const reusable = started?.settledAt === undefined || performance.now() - started.settledAt < REUSE_MS;
  if (started?.documentId === documentId && started.annotator === annotator && reusable) return started.read;
  const entry: Started = { documentId, annotator, read: readOpenedDocument(documentId, annotator) };
  started = entry;
  const settled = () => {
    entry.settledAt = performance.now();
  };
  entry.read.then(settled, () => {
    if (started === entry) started = null;
  });
  return entry.read;
}

/**
 * Starts the read of a document about to be opened (a pointer pressed on its entry): the click
 * that follows finds it under way or done. Never for the open document, whose layer may change
 * under the editor meanwhile.
 */
export function prefetchOpening(documentId: string): void {
  const { documentId: open, annotator } = useWorkbench.getState();
  if (documentId !== open) void readOpening(documentId, annotator);
}
