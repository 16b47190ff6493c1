/**
 * Span rules: what a selection becomes, which spans may coexist, and their canonical order.
 * Different labels may overlap or nest; an exact duplicate (same start, end and label) cannot exist.
 */
import { graphemeEndAtOrAfter, graphemeStartAtOrBefore } from './graphemes';
import { newSpanId } from './spanIds';
import type { Span, SpanDraft } from './types';
import { snapToAlphabeticWords } from './words';

/**
 * Turns a raw selection into the span range it stands for: whitespace trimmed, widened to whole
 * graphemes (never splitting a surrogate pair or a ZWJ sequence) and to whole alphabetic words.
 * Returns null when nothing but whitespace was selected.
 */
export function snapSelection(text: string, rawStart: number, rawEnd: number): { start: number; end: number } | null {
  let start = Math.max(0, Math.min(rawStart, rawEnd));
  let end = Math.min(text.length, Math.max(rawStart, rawEnd));
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  if (start >= end) return null;
  start = graphemeStartAtOrBefore(text, start);
  end = graphemeEndAtOrAfter(text, end);
  [start, end] = snapToAlphabeticWords(text, start, end);
  return { start, end };
}

export function compareSpans(a: SpanDraft, b: SpanDraft): number {
  return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/**
 * Lists known to be in `compareSpans` order: made by `sortSpans` or `keptSorted`, and, like every
 * span list here, never changed after. Telling a 5,000-span layer is sorted then costs nothing on
 * each edit.
 */
const knownSorted = new WeakSet<readonly SpanDraft[]>();

/** Notes that `spans` (a fresh list, in `compareSpans` order) is sorted; returns it. */
export function keptSorted<T extends readonly SpanDraft[]>(spans: T): T {
  knownSorted.add(spans);
  return spans;
}

export function sortSpans<T extends SpanDraft>(spans: readonly T[]): T[] {
  return keptSorted([...spans].sort(compareSpans));
}

/** Whether `spans` is in `compareSpans` order. */
export function isSorted(spans: readonly SpanDraft[]): boolean {
  if (knownSorted.has(spans)) return true;
  for (let i = 1; i < spans.length; i++) {
    const before = spans[i - 1];
    const span = spans[i];
    if (before && span && compareSpans(before, span) > 0) return false;
  }
  return true;
}

/** Where `draft`'s range and label is, or would go, in `spans` sorted by `compareSpans`. */
export function seekSpan(spans: readonly SpanDraft[], draft: SpanDraft): { at: number; found: boolean } {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const other = spans[mid];
    if (other && compareSpans(other, draft) < 0) lo = mid + 1;
    else hi = mid;
  }
  const there = spans[lo];
  return { at: lo, found: there !== undefined && compareSpans(there, draft) === 0 };
}

export function sameRange(a: SpanDraft, b: SpanDraft): boolean {
  return a.start === b.start && a.end === b.end && a.label === b.label;
}

export function hasDuplicate(spans: readonly SpanDraft[], draft: SpanDraft): boolean {
  // A layer's spans are kept sorted: bisect them rather than compare all 5,000 on each edit.
  if (knownSorted.has(spans)) return seekSpan(spans, draft).found;
  return spans.some((span) => sameRange(span, draft));
}

export type SpanRejection = 'empty' | 'out-of-range' | 'duplicate';

/** Why a draft cannot be added to a document's spans, or null when it can. */
export function rejectSpan(text: string, spans: readonly SpanDraft[], draft: SpanDraft): SpanRejection | null {
  if (draft.start < 0 || draft.end > text.length) return 'out-of-range';
  if (draft.start >= draft.end) return 'empty';
  if (hasDuplicate(spans, draft)) return 'duplicate';
  return null;
}

export { newSpanId };

/**
 * Adds drafts to a span list, skipping exact duplicates (of the list and of each other) and
 * invalid ranges. Returns the merged, sorted list and the spans actually added (ids from `newId`).
 */
export function mergeSpans(text: string, existing: readonly Span[], drafts: readonly SpanDraft[], newId: () => string = newSpanId): { spans: Span[]; added: Span[] } {
  if (existing.length + drafts.length <= FEW_SPANS) return mergeFewSpans(text, existing, drafts, newId);
  const seen = new Set(existing.map(spanKey));
  const added: Span[] = [];
  for (const draft of drafts) {
    if (draft.start < 0 || draft.end > text.length || draft.start >= draft.end) continue;
    const key = spanKey(draft);
    if (seen.has(key)) continue;
    seen.add(key);
    added.push({ id: newId(), start: draft.start, end: draft.end, label: draft.label });
  }
  return { spans: added.length === 0 ? [...existing] : sortSpans([...existing, ...added]), added };
}

/**
 * Below this many spans, duplicates are found by comparing with each span kept so far: an import
 * merges a few spans into each of 100,000 documents, and a set of string keys per document
 * costs more than the comparisons it saves.
 */
const FEW_SPANS = 24;

function mergeFewSpans(text: string, existing: readonly Span[], drafts: readonly SpanDraft[], newId: () => string): { spans: Span[]; added: Span[] } {
  const added: Span[] = [];
  for (const draft of drafts) {
    if (draft.start < 0 || draft.end > text.length || draft.start >= draft.end) continue;
    if (hasDuplicate(existing, draft) || hasDuplicate(added, draft)) continue;
    added.push({ id: newId(), start: draft.start, end: draft.end, label: draft.label });
  }
  return { spans: added.length === 0 ? [...existing] : sortSpans([...existing, ...added]), added };
}

/** A string that is equal for two spans exactly when they are duplicates. */
export function spanKey(span: SpanDraft): string {
  return `${span.start}:${span.end}:${span.label}`;
}

/**
 * Assigns each span a lane (0, 1, 2 …) so that spans sharing a lane never overlap: the editor
 * draws lane n as the n-th underline, which keeps nested and overlapping spans visibly apart.
 * Greedy interval colouring over spans sorted by start; optimal for interval graphs.
 */
export function assignLanes(spans: readonly Span[]): Map<string, number> {
  const lanes = new Map<string, number>();
  laySortedLanes(sortSpans(spans), lanes);
  return lanes;
}

/** The greedy step of `assignLanes` over spans already in `sortSpans` order, into `lanes`. */
export function laySortedLanes(sorted: readonly Span[], lanes: Map<string, number>): void {
  const laneEnds: number[] = [];
  for (const span of sorted) {
    let lane = laneEnds.findIndex((end) => end <= span.start);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(span.end);
    } else {
      laneEnds[lane] = span.end;
    }
    lanes.set(span.id, lane);
  }
}
