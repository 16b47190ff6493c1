/**
 * The open document's row and text, read once per open and shared by every component that shows
 * them (editor, side panels, review). Both never change once imported, so nothing needs to watch
 * them; the read starts in the store update that opens the document (`readOpening`), together with
 * the layer's.
 */
import { useSyncExternalStore } from 'react';
import type { DocumentRow } from '../../src/db';
import { useWorkbench } from '../store';
import { readOpening } from './openingRead';
import { workbenchFollower } from './workbenchFollower';

export interface OpenText {
  documentId: string;
  text: string;
}

interface Shown {
  documentId: string;
  document: DocumentRow | undefined;
  text: OpenText | undefined;
}

let shown: Shown | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function follow(): void {
  const { documentId, annotator } = useWorkbench.getState();
  if (documentId === null) {
    shown = null;
    notify();
    return;
  }
  if (shown?.documentId === documentId) return;
  const target: Shown = { documentId, document: undefined, text: undefined };
  shown = target;
  notify();
  readOpening(documentId, annotator).then(
    ({ document, text }) => {
      if (shown !== target) return;
      shown = { documentId, document, text: text === undefined ? undefined : { documentId, text } };
      notify();
    },
    (reason: unknown) => console.error('Reading the open document failed', reason),
  );
}

const subscribe = workbenchFollower(
  listeners,
  (state, previous) => state.documentId !== previous.documentId,
  follow,
  () => {
    shown = null;
  },
);

function current(): Shown | null {
  const { documentId } = useWorkbench.getState();
  return shown?.documentId === documentId ? shown : null;
}

/** The open document's text; `undefined` while loading or when none is open. */
export function useOpenText(): OpenText | undefined {
  return useSyncExternalStore(subscribe, () => current()?.text);
}

/** The open document's row (title, length, meta); `undefined` while loading or when none is open. */
export function useOpenDocument(): DocumentRow | undefined {
  return useSyncExternalStore(subscribe, () => current()?.document);
}
