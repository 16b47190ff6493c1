import { useEffect, useState, type RefObject } from 'react';
import type { TextBlock } from '../../src/core/blocks';

/** Text painted with its spans before the browser has laid anything out. */
const FIRST_SCREEN_CHARS = 6000;
/** Decorate blocks a little before they scroll into view, so spans are there when they arrive. */
const LOOKAHEAD = '1200px 0px';

/**
 * Indices of the blocks that have come near the viewport. Only those are painted with their
 * spans; the others render as plain text, which keeps Document text's textContent, selection and
 * find-in-page intact while opening a 100,000-character document with 5,000 spans stays cheap.
 * A block once decorated stays decorated.
 */
export function useSeenBlocks(rootRef: RefObject<HTMLElement | null>, blocks: readonly TextBlock[]): ReadonlySet<number> {
  const [seen, setSeen] = useState<ReadonlySet<number>>(
    () => new Set(blocks.filter((block) => block.start < FIRST_SCREEN_CHARS).map((block) => block.index)),
  );

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const observer = new IntersectionObserver(
      (entries) => {
        const arrived = entries.filter((entry) => entry.isIntersecting).map((entry) => Number((entry.target as HTMLElement).dataset.block));
        if (arrived.length === 0) return;
        setSeen((current) => (arrived.every((index) => current.has(index)) ? current : new Set([...current, ...arrived])));
      },
      { root: root.closest('.document-text-frame'), rootMargin: LOOKAHEAD },
    );
    for (const element of root.children) observer.observe(element);
    return () => observer.disconnect();
  }, [rootRef, blocks]);

  return seen;
}
