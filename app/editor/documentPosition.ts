import type { ListedDocuments } from '../documents/listedDocuments';

export interface Position {
  /** 1-based. */
  index: number;
  total: number;
  /** Counted in the filtered list rather than the whole project. */
  filtered: boolean;
}

/**
 * Where `documentId` stands. While filters narrow the list, among the documents it shows: that is
 * what Previous and Next walk, so "4 / 9" says how many steps are left. When the open document is
 * not among them (marked done under a "not done" filter, say) or nothing is filtered, in the
 * project's reading order. The title of the element says which of the two it is.
 */
export function positionOf(listed: ListedDocuments | null, documentId: string | null): Position | null {
  if (listed === null || documentId === null) return null;
  if (listed.shown !== null) {
    const at = listed.shown.indexOf(documentId);
    if (at >= 0) return { index: at + 1, total: listed.shown.length, filtered: true };
  }
  const at = listed.all.indexOf(documentId);
  return at < 0 ? null : { index: at + 1, total: listed.all.length, filtered: false };
}
