import { compareSpans, laySortedLanes } from './spans';
import type { Span } from './types';

/**
 * `assignLanes` after a small change, without going over the whole layer again. Greedy lane
 * assignment starts afresh at every point no span crosses (every lane is free there, so what
 * follows is laid out as if nothing came before): spans whose cluster (the run of spans
 * overlapping one another, directly or through others) neither gains nor loses a span keep
 * their lanes. Only the clusters around the spans added and removed are laid out again.
 */

/** The range `[start, end)` of the spans connected to `[start, end)` by overlaps, among `spans`. */
export function clusterRange(spans: readonly Span[], start: number, end: number): { start: number; end: number } {
  let lo = start;
  let hi = end;
  for (let grew = true; grew; ) {
    grew = false;
    for (const span of spans) {
      if (span.start < hi && span.end > lo && (span.start < lo || span.end > hi)) {
        lo = Math.min(lo, span.start);
        hi = Math.max(hi, span.end);
        grew = true;
      }
    }
  }
  return { start: lo, end: hi };
}

/** Lays out the spans inside `[start, end)` (a union of whole clusters) the way `assignLanes` would. */
function layOut(spans: readonly Span[], start: number, end: number, into: Map<string, number>): void {
  laySortedLanes(spans.filter((span) => span.start < end && span.end > start).sort(compareSpans), into);
}

/**
 * The lanes of `spans`, which is the list `previous` was assigned for with `added` put in and
 * `removed` taken out; equal to `assignLanes(spans)`. Also says which text range's spans may
 * have moved lane (empty when nothing changed).
 */
export function updateLanes(
  previous: ReadonlyMap<string, number>,
  spans: readonly Span[],
  added: readonly Span[],
  removed: readonly Span[],
): { lanes: Map<string, number>; start: number; end: number } {
  const lanes = new Map(previous);
  for (const span of removed) lanes.delete(span.id);
  const changed = [...added, ...removed];
  if (changed.length === 0) return { lanes, start: 0, end: 0 };
  let start = Infinity;
  let end = -Infinity;
  for (const span of changed) {
    // A removed span's old cluster is covered by the range it spanned together with what is left.
    const range = clusterRange(spans, span.start, span.end);
    start = Math.min(start, range.start);
    end = Math.max(end, range.end);
  }
  // Ranges of several changes may now overlap others' clusters: widen to whole clusters.
  const whole = clusterRange(spans, start, end);
  layOut(spans, whole.start, whole.end, lanes);
  return { lanes, start: whole.start, end: whole.end };
}
