import { useSyncExternalStore } from 'react';

/**
 * The document whose opening frame is on screen (`document-rendered` has been marked for it).
 * What is not the document's text and spans — its suggestions, above all, thousands on a long
 * document — waits for it, so that frame comes sooner; on a first open the suggest worker has
 * not answered by then anyway.
 */
let painted: string | null = null;
const listeners = new Set<() => void>();

export function notePainted(documentId: string): void {
  if (painted === documentId) return;
  painted = documentId;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether `documentId`'s opening frame has been painted. */
export function useDocumentPainted(documentId: string): boolean {
  return useSyncExternalStore(subscribe, () => painted === documentId);
}

/** The document whose opening frame was painted last (null before any). */
export function usePaintedDocument(): string | null {
  return useSyncExternalStore(subscribe, () => painted);
}
