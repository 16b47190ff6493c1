import type { Span } from '../../src/core/types';

/**
 * Spans this tab has written and not yet seen on screen. The editor marks `span-committed` once
 * each is painted. Kept outside React state: settling one must not cost another render.
 */
const awaited = new Set<string>();

export function awaitPaint(spanId: string): void {
  awaited.add(spanId);
}

/** How many of the awaited spans are among `spans`; they stop being awaited. */
export function takeShown(spans: readonly Span[]): number {
  if (awaited.size === 0) return 0;
  let shown = 0;
  for (const span of spans) if (awaited.delete(span.id)) shown++;
  return shown;
}
