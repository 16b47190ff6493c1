import { lineageOf } from '../../src/core/spanLineage';
import type { Span } from '../../src/core/types';

/**
 * A span this tab has written and not yet seen on screen, with its write (an edit is painted
 * before it is stored). Once its frame is painted and its write stored, `committed` runs.
 */
export class AwaitedSpan {
  private stored = false;
  private committed: (() => void) | null = null;

  constructor(write: Promise<unknown>) {
    // Registered as the write is issued, so this runs first when it commits: before the writer's
    // own follow-up (undo history, side panels), which must not delay the edit's mark.
    write.then(
      () => {
        this.stored = true;
        this.committed?.();
        this.committed = null;
      },
      () => {
        this.committed = null;
      },
    );
  }

  /** Its frame is painted: `committed` runs once the write is stored (at once if it is). */
  painted(committed: () => void): void {
    if (this.stored) committed();
    else this.committed = committed;
  }
}

/** Kept outside React state: settling one must not cost another render. */
const awaited = new Map<string, AwaitedSpan>();

export function awaitPaint(spanId: string, stored: Promise<unknown> = Promise.resolve()): void {
  awaited.set(spanId, new AwaitedSpan(stored));
}

/** The awaited spans among `spans`, one each; they stop being awaited. */
export function takeShown(spans: readonly Span[]): AwaitedSpan[] {
  if (awaited.size === 0) return [];
  // After an edit, only the spans it added can be awaited ones.
  const candidates = lineageOf(spans)?.added ?? spans;
  const shown: AwaitedSpan[] = [];
  for (const span of candidates) {
    const entry = awaited.get(span.id);
    if (entry === undefined) continue;
    awaited.delete(span.id);
    shown.push(entry);
  }
  return shown;
}
