import { useEffect, useRef } from 'react';
import type { LabelDef } from '../../src/core/types';
import { addGold, moveToOpenCluster, rejectAll, takeVersion } from '../actions/review';
import { labelForKey } from '../editor/useGlobalShortcuts';
import { useWorkbench } from '../store';
import type { ReviewState } from './useReviewDocument';

const TEXT_INPUTS = new Set(['text', 'search', 'number', 'email', 'url', 'password', 'tel']);

/** Keys typed into a field are the field's; a checkbox or a button keeps the review keys working. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.has(target.type);
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The selection inside the review view's Document text, as offsets (null when none or collapsed). */
export function reviewSelection(): { start: number; end: number } | null {
  const root = document.querySelector<HTMLElement>('.review-text');
  const selection = window.getSelection();
  if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const offset = (node: Node, at: number) => {
    const before = document.createRange();
    before.setStart(root, 0);
    before.setEnd(node, at);
    return before.toString().length;
  };
  const start = offset(range.startContainer, range.startOffset);
  const end = offset(range.endContainer, range.endOffset);
  return start < end ? { start, end } : null;
}

/**
 * Keys of the review view (CONTRACT.md "Review"): J / K next / previous open cluster, 1–9 the n-th
 * compared annotator's version of the focused cluster, X reject the focused cluster. With text
 * selected in Document text, a label hotkey adds a gold span instead (the digits are also the
 * default label hotkeys: the selection says which is meant).
 */
export function useReviewKeys(review: ReviewState | undefined, labels: readonly LabelDef[]): void {
  const latest = useRef({ review, labels });
  useEffect(() => {
    latest.current = { review, labels };
  }, [review, labels]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.altKey || event.ctrlKey || event.metaKey || (event.target instanceof Element && event.target.closest('dialog'))) return;
      if (useWorkbench.getState().view !== 'review' || useWorkbench.getState().dialog !== null || useWorkbench.getState().mergeOpen) return;
      const { review: current, labels: labelDefs } = latest.current;
      const documentId = current?.document.documentId ?? useWorkbench.getState().documentId;
      const key = event.key.toLowerCase();
      const selection = reviewSelection();
      const label = selection ? labelForKey(labelDefs, event.key) : undefined;
      if (selection && label !== undefined && documentId) {
        event.preventDefault();
        void addGold(documentId, { ...selection, label }).then(() => window.getSelection()?.collapseToEnd());
        return;
      }
      if (key === 'j' || key === 'k') {
        event.preventDefault();
        const decisions = current ? [...current.decisions.values()] : [];
        void moveToOpenCluster(key === 'j' ? 1 : -1, documentId, current?.clusters ?? [], decisions, current?.focused?.id ?? null);
        return;
      }
      const focused = current?.focused;
      if (!current || !focused) return;
      if (/^[1-9]$/u.test(event.key)) {
        const annotator = current.order[Number(event.key) - 1];
        if (annotator === undefined) return;
        event.preventDefault();
        useWorkbench.setState({ focusedClusterId: focused.id });
        void takeVersion(current.document.documentId, focused, annotator);
      } else if (key === 'x') {
        event.preventDefault();
        useWorkbench.setState({ focusedClusterId: focused.id });
        void rejectAll(current.document.documentId, focused);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
