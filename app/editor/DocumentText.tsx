import { useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { blockAt, splitBlocks } from '../../src/core/blocks';
import { blocksFilling, estimatedBlockHeights } from '../../src/core/blockHeights';
import { blockLayout, suggestionsByBlock } from './blockLayout';
import { BLOCKS_PER_GROUP, BlockGroup } from './BlockGroup';
import { moveCaret, type CaretMove } from '../../src/core/caret';
import { findSpan } from '../../src/core/spanLineage';
import { wordAt } from '../../src/core/words';
import type { LabelDef, Span, SpanDraft } from '../../src/core/types';
import { deleteSpan, focusSpan } from '../actions/spans';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';
import { Caret } from './Caret';
import { domPointToOffset } from './domOffsets';
import { learnShownTerms, loadProjectTerms, projectTerms } from './projectTerms';
import { attachDocumentText, collapseSelectionTo, currentSelection, rememberSelection, restoreSelection, setSelection } from './selectionTracker';
import { revealSpan, scrollToCaret } from './revealSpan';
import { useSeenBlocks } from './useSeenBlocks';
import { notePainted, useDocumentPainted } from './paintedDocument';
import { takeShown } from './paintMarks';
import { learnTextColumn, textColumn } from './textColumn';
import { afterNextPaint, markDocumentRendered, markSpanCommitted } from './timingMarks';

interface Props {
  documentId: string;
  text: string;
  spans: readonly Span[];
  suggestions: readonly SpanDraft[];
  labels: readonly LabelDef[];
}

/** How much more than the window's height the first render paints with spans, against estimates that come out short. */
const FIRST_SCREEN_MARGIN = 1.25;

const HORIZONTAL_MOVES: Record<string, [CaretMove, CaretMove]> = {
  ArrowLeft: ['char-left', 'word-left'],
  ArrowRight: ['char-right', 'word-right'],
};

/** The text offset under a viewport point. */
function offsetAtPoint(root: HTMLElement, x: number, y: number, textLength: number): number | null {
  const point = document.caretPositionFromPoint(x, y);
  return point ? domPointToOffset(root, point.offsetNode, point.offset, textLength) : null;
}

/** The span after (or before) the caret or the focused span, for Tab / Shift+Tab. */
function adjacentSpan(spans: readonly Span[], from: number, focusedId: string | null, step: 1 | -1): Span | undefined {
  const at = focusedId === null ? -1 : spans.findIndex((span) => span.id === focusedId);
  if (at !== -1) return spans[at + step];
  return step === 1 ? spans.find((span) => span.start >= from) : spans.findLast((span) => span.start < from);
}

/**
 * The text being annotated. Its textContent is exactly the document's text (CONTRACT.md); spans
 * are decoration. Paragraph blocks re-render only when their own spans change; blocks far from
 * the viewport are plain text until they approach it, and the browser skips the layout of their
 * groups (`BlockGroup`, `content-visibility: auto`), keeping 100,000-character documents with thousands of spans
 * instant without breaking selection or find-in-page.
 */
export function DocumentText({ documentId, text, spans, suggestions, labels }: Props) {
  const t = useT();
  const rootRef = useRef<HTMLDivElement>(null);
  const focusedSpanId = useWorkbench((state) => state.focusedSpanId);
  const projectId = useWorkbench((state) => state.projectId);
  const annotator = useWorkbench((state) => state.annotator);
  // Escape, then Tab: the documented way out of span-by-span Tab (the next Tab leaves the text).
  const leaveOnTab = useRef(false);

  const blocks = useMemo(() => splitBlocks(text), [text]);
  const groups = useMemo(() => Array.from({ length: Math.ceil(blocks.length / BLOCKS_PER_GROUP) }, (_, i) => i * BLOCKS_PER_GROUP), [blocks]);
  const { lanes, perBlock } = useMemo(() => blockLayout(blocks, spans), [blocks, spans]);
  const suggestionsPerBlock = useMemo(() => suggestionsByBlock(blocks, suggestions), [blocks, suggestions]);
  const colors = useMemo(() => new Map(labels.map((label) => [label.name, label.color])), [labels]);
  const focusedBlocks = useMemo(() => {
    const focused = focusedSpanId === null ? undefined : findSpan(spans, focusedSpanId);
    return focused ? { first: blockAt(blocks, focused.start), last: blockAt(blocks, Math.max(focused.start, focused.end - 1)) } : null;
  }, [blocks, spans, focusedSpanId]);
  const heights = useMemo(() => estimatedBlockHeights(text, blocks, textColumn()), [text, blocks]);
  // Blocks painted with their spans at once: those the first screen shows, with room for a wrong
  // estimate; the others as they come near (useSeenBlocks).
  const seen = useSeenBlocks(rootRef, blocks, blocksFilling(heights, window.innerHeight * FIRST_SCREEN_MARGIN));

  useLayoutEffect(() => {
    attachDocumentText(rootRef.current, { documentId, text });
    document.addEventListener('selectionchange', rememberSelection);
    return () => {
      document.removeEventListener('selectionchange', rememberSelection);
      attachDocumentText(null, null);
    };
  }, [documentId, text]);

  useEffect(() => {
    if (projectId !== null) void loadProjectTerms(projectId, annotator);
  }, [projectId, annotator]);
  // What is tagged here is a word of the project from now on (double-click, Ctrl+arrows); the
  // whole layer is learnt once the document is on screen, an edit's spans as it is made.
  const painted = useDocumentPainted(documentId);
  useEffect(() => {
    if (painted) learnShownTerms(text, spans);
  }, [painted, text, spans]);

  // Blocks whose spans changed, or that were just decorated, were re-rendered: keep the caret
  // and selection where the user left them.
  useLayoutEffect(restoreSelection, [spans, suggestions, focusedSpanId, seen]);

  // Timing mark: once per opened document, after the frame that shows its text and spans.
  const spanCount = spans.length;
  useEffect(() => {
    afterNextPaint(() => {
      markDocumentRendered(documentId, spanCount);
      if (rootRef.current) learnTextColumn(rootRef.current);
      notePainted(documentId);
    });
    // Only a newly opened document counts as "rendered"; span edits have their own mark.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [documentId]);

  useEffect(() => {
    const shown = takeShown(spans);
    if (shown.length === 0) return;
    // Painted now; committed once also stored (the write was issued at the key press).
    afterNextPaint(() => {
      for (const span of shown) span.painted(() => markSpanCommitted(documentId));
    });
  }, [spans, documentId]);

  const focusSpanAt = (span: Span | undefined): boolean => {
    if (!span) return false;
    revealSpan(span);
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const leaving = leaveOnTab.current;
    leaveOnTab.current = false;
    const selection = currentSelection() ?? { anchor: 0, focus: 0 };
    const horizontal = HORIZONTAL_MOVES[event.key];
    if (horizontal && !event.altKey && !event.metaKey) {
      event.preventDefault();
      focusSpan(null);
      setSelection(moveCaret(text, selection, event.ctrlKey ? horizontal[1] : horizontal[0], event.shiftKey, projectTerms()));
      scrollToCaret();
      return;
    }
    if ((event.key === 'Home' || event.key === 'End') && event.ctrlKey) {
      event.preventDefault();
      focusSpan(null);
      setSelection(moveCaret(text, selection, event.key === 'Home' ? 'start' : 'end', event.shiftKey));
      scrollToCaret();
      return;
    }
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown' || event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      focusSpan(null);
      const direction = event.key === 'ArrowUp' || event.key === 'Home' ? 'backward' : 'forward';
      const granularity = event.key === 'Home' || event.key === 'End' ? 'lineboundary' : 'line';
      document.getSelection()?.modify(event.shiftKey ? 'extend' : 'move', direction, granularity);
      scrollToCaret();
      return;
    }
    if (event.key === 'Tab' && !event.ctrlKey && !event.altKey) {
      if (leaving) return; // The browser moves focus on, out of Document text.
      if (focusSpanAt(adjacentSpan(spans, Math.min(selection.anchor, selection.focus), focusedSpanId, event.shiftKey ? -1 : 1))) {
        event.preventDefault();
      }
      return;
    }
    if ((event.key === 'Delete' || event.key === 'Backspace') && focusedSpanId !== null) {
      event.preventDefault();
      const index = spans.findIndex((span) => span.id === focusedSpanId);
      void deleteSpan(focusedSpanId).then(() => {
        const next = spans[index + 1] ?? spans[index - 1];
        if (next) focusSpanAt(next);
      });
      return;
    }
    if (event.key === 'Escape') {
      focusSpan(null);
      const { focus } = selection;
      collapseSelectionTo(focus);
      leaveOnTab.current = true;
    }
  };

  // A double-click selects a word as word steps see it: a name the project knows is one word.
  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    const root = rootRef.current;
    const selection = currentSelection();
    if (!root || !selection) return;
    const start = Math.min(selection.anchor, selection.focus);
    const end = Math.max(selection.anchor, selection.focus);
    // The character clicked: the caret position under the pointer, kept inside the browser's word.
    const pointed = offsetAtPoint(root, event.clientX, event.clientY, text.length);
    const clicked = Math.min(Math.max(pointed ?? start, start), Math.max(start, end - 1));
    const word = wordAt(text, clicked, projectTerms());
    if (word.end > word.start && (word.start !== start || word.end !== end)) setSelection({ anchor: word.start, focus: word.end });
  };

  const onClick = () => {
    // selectionchange has not fired yet: remember the click's caret now, or the re-render that
    // focusing a span causes would put back the caret from before the click.
    rememberSelection();
    const selection = currentSelection();
    if (!selection || selection.anchor !== selection.focus) return;
    // A click inside a span focuses its innermost span, offering relabel and delete.
    const inner = spans.filter((span) => span.start <= selection.focus && span.end > selection.focus).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    focusSpan(inner?.id ?? null);
  };

  return (
    <div className="document-text-frame">
      <div
        ref={rootRef}
        className="document-text"
        role="textbox"
        aria-readonly="true"
        aria-multiline="true"
        aria-label={t('documentText')}
        tabIndex={0}
        lang="zh"
        onKeyDown={onKeyDown}
        onClick={onClick}
        onDoubleClick={onDoubleClick}
      >
        {groups.map((from) => (
          <BlockGroup
            key={blocks[from]?.start ?? from}
            from={from}
            to={Math.min(from + BLOCKS_PER_GROUP, blocks.length)}
            blocks={blocks}
            text={text}
            perBlock={perBlock}
            suggestionsPerBlock={suggestionsPerBlock}
            lanes={lanes}
            colors={colors}
            focusedSpanId={focusedSpanId}
            focusedBlocks={focusedBlocks}
            seen={seen}
            heights={heights}
          />
        ))}
      </div>
      <Caret rootRef={rootRef} />
    </div>
  );
}
