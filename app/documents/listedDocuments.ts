/**
 * The documents the Documents list shows while filters narrow it, so that Previous, Next and
 * "done and next" walk what the annotator sees rather than the whole project. Null when the list
 * is not narrowed: they then walk every document. Published by the list, read by the actions.
 */
let listed: readonly string[] | null = null;

export function setListedDocuments(ids: readonly string[] | null): void {
  listed = ids;
}

export function listedDocuments(): readonly string[] | null {
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
