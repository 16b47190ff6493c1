import { useEffect, useRef, useState, type RefObject } from 'react';
import type { TextBlock } from '../../src/core/blocks';

/** Decorate blocks a little before they scroll into view, so spans are there when they arrive. */
const LOOKAHEAD = '1200px 0px';

/** The indices of the blocks in a group of Document text (`BlockGroup`). */
function blocksOf(group: Element): number[] {
  return Array.from(group.children, (block) => Number((block as HTMLElement).dataset.block));
}

/**
 * Indices of the blocks that have come near the viewport. Only those are painted with their
 * spans; the others render as plain text, which keeps Document text's textContent, selection and
 * find-in-page intact while opening a 100,000-character document with 5,000 spans stays cheap.
 * Blocks are watched by group (`BlockGroup`): a group that comes near decorates all its blocks,
 * and is no longer watched. The browser computes every watched element's intersection after each
 * frame that changed layout, which with hundreds of blocks cost milliseconds per span added.
 */
export function useSeenBlocks(rootRef: RefObject<HTMLElement | null>, blocks: readonly TextBlock[], firstScreen: number): ReadonlySet<number> {
  // The first screen is painted with its spans before the browser has laid anything out.
  const [seen, setSeen] = useState<ReadonlySet<number>>(() => new Set(blocks.slice(0, firstScreen).map((block) => block.index)));
  // What is seen when the blocks change (a new document): its blocks need no watching.
  const seenNow = useRef(seen);
  useEffect(() => {
    seenNow.current = seen;
  }, [seen]);

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const observer = new IntersectionObserver(
      (entries) => {
        const arrived = entries.filter((entry) => entry.isIntersecting);
        if (arrived.length === 0) return;
        for (const entry of arrived) observer.unobserve(entry.target);
        const indices = arrived.flatMap((entry) => blocksOf(entry.target));
        setSeen((current) => (indices.every((index) => current.has(index)) ? current : new Set([...current, ...indices])));
      },
      { root: root.closest('.document-text-frame'), rootMargin: LOOKAHEAD },
    );
    for (const group of root.children) {
      if (blocksOf(group).some((index) => !seenNow.current.has(index))) observer.observe(group);
    }
    return () => observer.disconnect();
  }, [rootRef, blocks]);

  return seen;
}
