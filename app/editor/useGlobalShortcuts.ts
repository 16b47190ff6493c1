import { useEffect, useRef } from 'react';
import type { LabelDef } from '../../src/core/types';
import { redo, undo } from '../actions/history';
import { showNotice } from '../actions/notices';
import { markDoneAndContinue, openAdjacentDocument } from '../actions/session';
import { addSpan, relabelSpan } from '../actions/spans';
import { translate } from '../i18n';
import { useWorkbench } from '../store';
import { collapseSelectionTo, currentSelection, documentTextElement } from './selectionTracker';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The span a span-list entry stands for, when focus is on one (`data-span-id` on its row). */
function spanOfListEntry(target: EventTarget | null): string | null {
  if (!(target instanceof HTMLElement)) return null;
  return target.closest<HTMLElement>('[data-span-id]')?.dataset.spanId ?? null;
}

/**
 * Tags the current selection with `label`, or relabels the focused span (or the span of the
 * focused span-list entry, `listed`) when nothing is selected; says so when there is neither.
 */
export async function applyLabel(label: string, key = '', listed: string | null = null): Promise<void> {
  if (listed !== null) {
    await relabelSpan(listed, label);
    return;
  }
  const selection = currentSelection();
  if (selection && selection.anchor !== selection.focus) {
    const span = await addSpan(label, selection.anchor, selection.focus);
    if (span) collapseSelectionTo(span.end);
    return;
  }
  const { focusedSpanId, language } = useWorkbench.getState();
  if (focusedSpanId !== null) await relabelSpan(focusedSpanId, label);
  else showNotice('no-selection', translate(language, 'flow.noSelection', { key: key.toUpperCase(), label }));
}

export function labelForKey(labels: readonly LabelDef[], key: string): string | undefined {
  return labels.find((label) => label.hotkey !== '' && label.hotkey.toLowerCase() === key.toLowerCase())?.name;
}

/**
 * Keys that work anywhere outside text fields: undo/redo, label hotkeys, Enter, Alt+↑/↓, `?`.
 * In the annotate view label keys apply wherever focus is (a span-list entry relabels its span),
 * so moving focus to a panel never silently turns them off.
 */
export function useGlobalShortcuts(labels: readonly LabelDef[]): void {
  const labelsRef = useRef(labels);
  useEffect(() => {
    labelsRef.current = labels;
  }, [labels]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      if (event.altKey) {
        // Alt+↑ / Alt+↓: previous / next document (no browser default; Alt+← is Back, left alone).
        if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && !event.ctrlKey && !event.metaKey && !event.shiftKey && useWorkbench.getState().view === 'annotate') {
          event.preventDefault();
          void openAdjacentDocument(event.key === 'ArrowUp' ? -1 : 1);
        }
        return;
      }
      const modifier = event.ctrlKey || event.metaKey;
      if (modifier && (event.key === 'z' || event.key === 'Z')) {
        event.preventDefault();
        void (event.shiftKey ? redo() : undo());
        return;
      }
      if (modifier && event.key === 'y') {
        event.preventDefault();
        void redo();
        return;
      }
      if (modifier) return;
      if (event.key === '?') {
        useWorkbench.setState({ dialog: 'shortcuts' });
        return;
      }
      // The review view has keys of its own (app/review/useReviewKeys.ts); nothing to tag elsewhere.
      if (useWorkbench.getState().view !== 'annotate') return;
      if (event.key === 'Enter' && event.target === documentTextElement()) {
        event.preventDefault();
        void markDoneAndContinue();
        return;
      }
      // A modal dialog (or the document browser's own keys) is not the annotate view.
      if (event.key.length !== 1 || event.key === ' ' || useWorkbench.getState().dialog !== null || (event.target instanceof Element && event.target.closest('dialog'))) return;
      const label = labelForKey(labelsRef.current, event.key);
      if (label !== undefined) {
        event.preventDefault();
        void applyLabel(label, event.key, spanOfListEntry(event.target));
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
