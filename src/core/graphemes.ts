/**
 * Boundary helpers over user-perceived characters. Only a window around the offset is segmented,
 * so the cost does not grow with the document (a 100,000-character article stays instant).
 */

const WINDOW = 64;
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function boundariesAround(text: string, offset: number): number[] {
  const from = Math.max(0, offset - WINDOW);
  const to = Math.min(text.length, offset + WINDOW);
  const found: number[] = [];
  for (const segment of graphemeSegmenter.segment(text.slice(from, to))) found.push(from + segment.index);
  found.push(to);
  return found;
}

/** The nearest grapheme boundary at or before `offset`. */
export function graphemeStartAtOrBefore(text: string, offset: number): number {
  if (offset <= 0) return 0;
  if (offset >= text.length) return text.length;
  let best = 0;
  for (const boundary of boundariesAround(text, offset)) if (boundary <= offset) best = boundary;
  return best;
}

/** The nearest grapheme boundary at or after `offset`. */
export function graphemeEndAtOrAfter(text: string, offset: number): number {
  if (offset <= 0) return 0;
  if (offset >= text.length) return text.length;
  for (const boundary of boundariesAround(text, offset)) if (boundary >= offset) return boundary;
  return text.length;
}

export function isGraphemeBoundary(text: string, offset: number): boolean {
  return graphemeStartAtOrBefore(text, offset) === offset;
}

/** Offset of the grapheme boundary after `offset` (one user-perceived character forward). */
export function nextGrapheme(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  for (const boundary of boundariesAround(text, offset)) if (boundary > offset) return boundary;
  return text.length;
}

/** Offset of the grapheme boundary before `offset` (one user-perceived character back). */
export function previousGrapheme(text: string, offset: number): number {
  if (offset <= 0) return 0;
  let best = 0;
  for (const boundary of boundariesAround(text, offset)) if (boundary < offset) best = boundary;
  return best;
}
