import { Dexie, type ObservabilitySet } from 'dexie';
import { listAnnotators } from './annotations';
import { watchCommits } from './commitWatch';
import { singleKeys, tablePart } from './storageParts';

/** The part naming the annotators whose pending edits a commit wrote or deleted. */
const EDITS_BY_ANNOTATOR = `${tablePart('layerEdits')}[projectId+annotator]`;

/**
 * Whether a commit may have changed who has a layer in `projectId`, given the names known. A
 * layer row or page written or deleted may have; an edit only when it is an annotator's first,
 * so the edits of those already known (every span added, undone, relabelled) leave the names be.
 */
export function mayChangeNames(parts: ObservabilitySet, projectId: string, known: ReadonlySet<string>): boolean {
  const edits = tablePart('layerEdits');
  let editsChanged = false;
  for (const part of Object.keys(parts)) {
    if (part === 'all' || part.startsWith(tablePart('annotations')) || part.startsWith(tablePart('pageLayers'))) return true;
    if (part.startsWith(edits)) editsChanged = true;
  }
  if (!editsChanged) return false;
  const tree = parts[EDITS_BY_ANNOTATOR];
  const keys = tree === undefined ? null : singleKeys(tree);
  if (keys === null) return true;
  return keys.some((key) => !Array.isArray(key) || (key[0] === projectId && !known.has(String(key[1]))));
}

/**
 * Calls `next` with everyone who has a layer in the project (sorted, `gold` included), then
 * again whenever that may have changed, from this tab, another tab or a worker. One subscription
 * can serve every component that needs the names. Returns the unsubscribe function.
 *
 * Not a liveQuery: its read covers the project's pending edits, so it ran again after every span
 * added, within the edit's commit and before the edit's own callbacks. This reads the names again
 * only after a commit that may change them.
 */
export function watchAnnotators(projectId: string, next: (names: string[]) => void, error: (reason: unknown) => void): () => void {
  let known: ReadonlySet<string> | null = null;
  return watchCommits({
    read: () => listAnnotators(projectId),
    wakeOn: (wake) => {
      const onCommit = (parts: ObservabilitySet) => {
        if (known === null || mayChangeNames(parts, projectId, known)) wake();
      };
      Dexie.on.storagemutated.subscribe(onCommit);
      return () => Dexie.on.storagemutated.unsubscribe(onCommit);
    },
    next: (names) => {
      const before = known;
      if (before !== null && names.length === before.size && names.every((name) => before.has(name))) return;
      known = new Set(names);
      next(names);
    },
    error,
  });
}
