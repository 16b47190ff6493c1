import type { Span } from '../../src/core/types';
import { focusSpan } from '../actions/spans';
import { collapseSelectionTo, documentTextElement } from './selectionTracker';

/** Focuses a span, puts the caret at its start and scrolls it into view. */
export function revealSpan(span: Span): void {
  focusSpan(span.id);
  collapseSelectionTo(span.start);
  documentTextElement()?.querySelector(`[data-spans~="${span.id}"]`)?.scrollIntoView({ block: 'nearest' });
}
