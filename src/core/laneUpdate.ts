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

/** Each span's lane, by span id: a `Map` from `assignLanes`, or a `LaneOverlay` after edits. */
export type SpanLanes = ReadonlyMap<string, number> | LaneOverlay;

/** Overlays kept before they are folded into one map again: lookups walk at most this many. */
const MAX_OVERLAYS = 16;

/**
 * Lanes after edits: each edit's changed lanes (null: the span is gone) over the lanes before it.
 * Copying 5,000 lanes for each span added cost more than the rest of laying it out; an overlay
 * costs what the edit changed, and every `MAX_OVERLAYS` edits the stack is folded into a map.
 */
export class LaneOverlay {
  private constructor(
    private readonly base: ReadonlyMap<string, number>,
    /** Oldest first. */
    private readonly overlays: readonly ReadonlyMap<string, number | null>[],
  ) {}

  /** `changes` over `below`. */
  static over(below: SpanLanes, changes: ReadonlyMap<string, number | null>): LaneOverlay {
    if (!(below instanceof LaneOverlay)) return new LaneOverlay(below, [changes]);
    if (below.overlays.length < MAX_OVERLAYS) return new LaneOverlay(below.base, [...below.overlays, changes]);
    return new LaneOverlay(below.toMap(), [changes]);
  }

  get(spanId: string): number | undefined {
    for (let i = this.overlays.length - 1; i >= 0; i--) {
      const lane = this.overlays[i]?.get(spanId);
      if (lane !== undefined) return lane ?? undefined;
    }
    return this.base.get(spanId);
  }

  toMap(): Map<string, number> {
    const lanes = new Map(this.base);
    for (const overlay of this.overlays) {
      for (const [id, lane] of overlay) {
        if (lane === null) lanes.delete(id);
        else lanes.set(id, lane);
      }
    }
    return lanes;
  }
}

/** The lanes as one map. */
export function toLaneMap(lanes: SpanLanes): ReadonlyMap<string, number> {
  return lanes instanceof LaneOverlay ? lanes.toMap() : lanes;
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
  previous: SpanLanes,
  spans: readonly Span[],
  added: readonly Span[],
  removed: readonly Span[],
): { lanes: SpanLanes; start: number; end: number } {
  const changed = [...added, ...removed];
  if (changed.length === 0) return { lanes: previous, start: 0, end: 0 };
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
  const laid = new Map<string, number>();
  layOut(spans, whole.start, whole.end, laid);
  const changes = new Map<string, number | null>(laid);
  for (const span of removed) if (!laid.has(span.id)) changes.set(span.id, null);
  return { lanes: LaneOverlay.over(previous, changes), start: whole.start, end: whole.end };
}
