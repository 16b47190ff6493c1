import { useEffect, useState, type RefObject } from 'react';

interface Position {
  left: number;
  top: number;
  height: number;
}

/**
 * A native collapsed selection in read-only text has no visible caret, so keyboard users get this
 * one, drawn outside Document text (it adds no text) at the selection's position. The position is
 * read in the next animation frame, whose layout the read then shares: read at `selectionchange`
 * it forced a layout of its own after every span added.
 */
export function Caret({ rootRef }: { rootRef: RefObject<HTMLDivElement | null> }) {
  const [position, setPosition] = useState<Position | null>(null);

  useEffect(() => {
    const update = () => {
      const root = rootRef.current;
      const selection = document.getSelection();
      const frame = root?.parentElement;
      if (!root || !frame || !selection || selection.rangeCount === 0 || !selection.isCollapsed || document.activeElement !== root) {
        setPosition(null);
        return;
      }
      const range = selection.getRangeAt(0);
      if (!root.contains(range.startContainer)) {
        setPosition(null);
        return;
      }
      const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
      const origin = frame.getBoundingClientRect();
      setPosition({ left: rect.left - origin.left + frame.scrollLeft, top: rect.top - origin.top + frame.scrollTop, height: rect.height || 20 });
    };
    let frame: number | null = null;
    const schedule = () => {
      frame ??= requestAnimationFrame(() => {
        frame = null;
        update();
      });
    };
    document.addEventListener('selectionchange', schedule);
    const root = rootRef.current;
    root?.addEventListener('focus', schedule);
    root?.addEventListener('blur', schedule);
    return () => {
      if (frame !== null) cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', schedule);
      root?.removeEventListener('focus', schedule);
      root?.removeEventListener('blur', schedule);
    };
  }, [rootRef]);

  if (!position) return null;
  return <div className="caret" aria-hidden="true" style={{ left: position.left, top: position.top, height: position.height }} />;
}
