import type { Span, SpanDraft } from './types';

/**
 * The editor paints a document as independent blocks (paragraphs, each with its trailing `\n`), so
 * an edit re-renders one block and the browser can skip off-screen ones.
 */
export interface TextBlock {
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

export function splitBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline + 1;
    blocks.push({ index: blocks.length, start, end });
    start = end;
  }
  if (blocks.length === 0) blocks.push({ index: 0, start: 0, end: 0 });
  return blocks;
}

/** Index of the block holding `offset` (the last block for `offset === text.length`). */
export function blockAt(blocks: readonly TextBlock[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((blocks[mid]?.start ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** For each block, the spans that touch it, in span order. */
export function spansByBlock<T extends SpanDraft>(blocks: readonly TextBlock[], spans: readonly T[]): T[][] {
  const result: T[][] = blocks.map(() => []);
  for (const span of spans) {
    const first = blockAt(blocks, span.start);
    const last = blockAt(blocks, Math.max(span.start, span.end - 1));
    for (let i = first; i <= last; i++) result[i]?.push(span);
  }
  return result;
}

/** A run of text covered by the same set of spans. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  /** Spans covering the whole segment, by start offset. */
  readonly covering: readonly Span[];
  /** Spans that begin at this segment's start (their label tag is drawn here). */
  readonly starting: readonly Span[];
  /** Suggested (not yet accepted) spans covering the segment. */
  readonly suggested: readonly SpanDraft[];
}

/** Cuts `[from, to)` at every span and suggestion boundary inside it. */
export function segmentRange(from: number, to: number, spans: readonly Span[], suggestions: readonly SpanDraft[] = []): Segment[] {
  const cuts = new Set<number>([from, to]);
  for (const span of [...spans, ...suggestions]) {
    if (span.start > from && span.start < to) cuts.add(span.start);
    if (span.end > from && span.end < to) cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let active: Span[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? from;
    const end = points[i + 1] ?? to;
    // Sweep: spans enter when the segment reaches their start and leave once it passes their end.
    active = active.filter((span) => span.end > start);
    while (next < byStart.length && (byStart[next]?.start ?? Infinity) <= start) {
      const span = byStart[next++];
      if (span && span.end > start) active.push(span);
    }
    const covering = [...active];
    const suggested = suggestions.length === 0 ? suggestions : suggestions.filter((s) => s.start <= start && s.end >= end);
    segments.push({ start, end, covering, starting: covering.filter((span) => span.start === start), suggested });
  }
  return segments;
}
