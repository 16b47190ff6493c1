import type { AnnotationRow } from '../../src/db';

/**
 * Whether a row read from IndexedDB should replace the one on screen (`undefined`: nothing yet).
 * The same write read back is the same content: keeping the object on screen re-renders nothing.
 * A read that began before this tab's own newer write must not undo that write on screen. Which
 * is newer is the layer's revision (bumped by every write, in any tab), never a clock: two writes
 * in one millisecond, or a tab whose clock runs behind, still order right.
 */
export function supersedes(read: AnnotationRow | null, shown: AnnotationRow | null | undefined): boolean {
  if (shown === undefined) return true;
  if (read === null || shown === null) return read !== shown;
  return read.revision > shown.revision;
}
