import type { Span } from '../../src/core/types';

/**
 * Spans this tab has written and not yet seen on screen, each with the promise of its write (an
 * edit is painted before it is stored). The editor marks `span-committed` once each is painted
 * and stored. Kept outside React state: settling one must not cost another render.
 */
const awaited = new Map<string, Promise<unknown>>();

export function awaitPaint(spanId: string, stored: Promise<unknown> = Promise.resolve()): void {
  awaited.set(spanId, stored);
}

/** The writes of the awaited spans among `spans`, one per span; they stop being awaited. */
export function takeShown(spans: readonly Span[]): Promise<unknown>[] {
  if (awaited.size === 0) return [];
  const shown: Promise<unknown>[] = [];
  for (const span of spans) {
    const stored = awaited.get(span.id);
    if (stored === undefined) continue;
    awaited.delete(span.id);
    shown.push(stored);
  }
  return shown;
}
