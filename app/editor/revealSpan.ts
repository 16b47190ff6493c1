import type { Span } from '../../src/core/types';
import { focusSpan } from '../actions/spans';
import { collapseSelectionTo } from './selectionTracker';

/** Focuses a span, puts the caret at its start and scrolls it into view. */
export function revealSpan(span: Span): void {
  focusSpan(span.id);
  collapseSelectionTo(span.start);
  scrollToCaret();
}

/** Scrolls Document text so that the caret (the selection's focus) is on screen. */
export function scrollToCaret(): void {
  // The caret's text node exists whether or not its block is decorated yet.
  document.getSelection()?.focusNode?.parentElement?.scrollIntoView({ block: 'nearest' });
}
