import type { Span } from '../../src/core/types';
import { focusSpan } from '../actions/spans';
import { collapseSelectionTo } from './selectionTracker';

/** Focuses a span, puts the caret at its start and scrolls it into view. */
export function revealSpan(span: Span): void {
  focusSpan(span.id);
  collapseSelectionTo(span.start);
  // The caret's text node exists whether or not the span's block is decorated yet.
  document.getSelection()?.focusNode?.parentElement?.scrollIntoView({ block: 'nearest' });
}
