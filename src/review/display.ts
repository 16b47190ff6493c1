/**
 * What the review view draws, computed without a DOM: the order of the compared annotators on a
 * document (shuffled, reproducibly, in blind review) and the text cut into runs at every span
 * boundary of the gold layer and of every lane, so each run is painted with what covers it.
 */
import { mulberry32 } from '../core/random';
import { compareStrings } from './order';

/** 32-bit FNV-1a of a string: the seed of a document's shuffle. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

/**
 * The compared annotators in the order the review view shows them (lanes, the `1`–`9` keys):
 * sorted by name; in blind review shuffled with the document id as the seed, so the order is the
 * same after a reload and differs between documents (no annotator is always "1").
 */
export function annotatorOrder(compared: readonly string[], documentId: string, blind: boolean): string[] {
  const sorted = [...new Set(compared)].sort(compareStrings);
  if (!blind) return sorted;
  const next = mulberry32(hash(documentId));
  for (let i = sorted.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [sorted[i], sorted[j]] = [sorted[j] ?? '', sorted[i] ?? ''];
  }
  return sorted;
}

export interface RangeLike {
  readonly start: number;
  readonly end: number;
}

/**
 * The text `[0, length)` cut at every boundary of every range list: consecutive runs `[start, end)`
 * with, per list, the indexes of the ranges that cover the run.
 */
export function textRuns<T extends RangeLike>(length: number, lists: readonly (readonly T[])[]): { start: number; end: number; covering: T[][] }[] {
  const cuts = new Set<number>([0, length]);
  for (const list of lists) {
    for (const range of list) {
      if (range.start > 0 && range.start < length) cuts.add(range.start);
      if (range.end > 0 && range.end < length) cuts.add(range.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: { start: number; end: number; covering: T[][] }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? length;
    runs.push({ start, end, covering: lists.map((list) => list.filter((range) => range.start < end && start < range.end)) });
  }
  return runs;
}
