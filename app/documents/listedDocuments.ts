/**
 * What the Documents list holds, so that Previous, Next and "done and next" walk what the
 * annotator sees, and without reading 100,000 ids again: every document of the project in
 * reading order, and the ones shown while filters narrow the list (null when they do not).
 * Published by the list, read by the actions; null while no list is shown.
 */
export interface ListedDocuments {
  all: readonly string[];
  shown: readonly string[] | null;
}

let listed: ListedDocuments | null = null;
const listeners = new Set<() => void>();

export function setListedDocuments(value: ListedDocuments | null): void {
  listed = value;
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore: what reads `listedDocuments()` during render (the header's position). */
export function subscribeListedDocuments(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function listedDocuments(): ListedDocuments | null {
  return listed;
}

/**
 * The candidate after (step 1) or before (step -1) `current` in reading order, given each
 * document's place in the project (`position`). `current` need not be a candidate itself: a
 * document marked done under a "not done" filter has left the list, and Next still goes to the
 * one that followed it. With `wrap`, the search goes on from the other end.
 */
export function adjacentDocument(
  candidates: readonly string[],
  position: ReadonlyMap<string, number>,
  current: string | null,
  step: 1 | -1,
  wrap = false,
): string | undefined {
  const here = current === null ? -1 : (position.get(current) ?? -1);
  let best: { id: string; at: number } | undefined;
  let wrapped: { id: string; at: number } | undefined;
  for (const id of candidates) {
    const at = position.get(id);
    if (at === undefined || id === current) continue;
    const ahead = step === 1 ? at > here : at < here;
    if (ahead) {
      if (!best || (step === 1 ? at < best.at : at > best.at)) best = { id, at };
    } else if (!wrapped || (step === 1 ? at < wrapped.at : at > wrapped.at)) {
      wrapped = { id, at };
    }
  }
  return best?.id ?? (wrap ? wrapped?.id : undefined);
}
