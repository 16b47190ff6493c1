import { useEffect, useRef } from 'react';
import type { LabelDef } from '../../src/core/types';
import { redo, undo } from '../actions/history';
import { markDoneAndContinue } from '../actions/session';
import { addSpan, relabelSpan } from '../actions/spans';
import { useWorkbench } from '../store';
import { collapseSelectionTo, currentSelection, documentTextElement } from './selectionTracker';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Tags the current selection with `label`, or relabels the focused span when nothing is selected. */
export async function applyLabel(label: string): Promise<void> {
  const selection = currentSelection();
  if (selection && selection.anchor !== selection.focus) {
    const span = await addSpan(label, selection.anchor, selection.focus);
    if (span) collapseSelectionTo(span.end);
    return;
  }
  const focused = useWorkbench.getState().focusedSpanId;
  if (focused !== null) await relabelSpan(focused, label);
}

export function labelForKey(labels: readonly LabelDef[], key: string): string | undefined {
  return labels.find((label) => label.hotkey !== '' && label.hotkey.toLowerCase() === key.toLowerCase())?.name;
}

/** Keys that work anywhere outside text fields: undo/redo, label hotkeys, Enter, `?`. */
export function useGlobalShortcuts(labels: readonly LabelDef[]): void {
  const labelsRef = useRef(labels);
  useEffect(() => {
    labelsRef.current = labels;
  }, [labels]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.altKey) return;
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
      if (event.key.length !== 1 || event.target instanceof HTMLButtonElement) return;
      const label = labelForKey(labelsRef.current, event.key);
      if (label !== undefined) {
        event.preventDefault();
        void applyLabel(label);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
