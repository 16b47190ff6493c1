import { newSpanId, rejectSpan, snapSelection } from '../../src/core/spans';
import type { Span } from '../../src/core/types';
import { getText } from '../../src/db';
import { awaitPaint } from '../editor/paintMarks';
import { shownText } from '../editor/selectionTracker';
import { translate } from '../i18n';
import { useWorkbench } from '../store';
import { commitSpans } from './spanWrites';
import { showNotice } from './notices';

function current(): { documentId: string; annotator: string } | null {
  const { documentId, annotator } = useWorkbench.getState();
  return documentId === null ? null : { documentId, annotator };
}

function say(key: 'duplicateSpan' | 'emptySelection'): string {
  return translate(useWorkbench.getState().language, key);
}

/**
 * Tags `[start, end)` of the open document with `label`, after snapping it (whitespace trimmed,
 * whole graphemes, whole Latin words). Refuses exact duplicates with a notice.
 */
export async function addSpan(label: string, rawStart: number, rawEnd: number): Promise<Span | null> {
  const target = current();
  if (!target) return null;
  const text = shownText(target.documentId) ?? (await getText(target.documentId));
  if (text === undefined) return null;
  const range = snapSelection(text, rawStart, rawEnd);
  if (!range) {
    showNotice('empty-selection', say('emptySelection'));
    return null;
  }
  const span: Span = { id: newSpanId(), start: range.start, end: range.end, label };
  const edit = await commitSpans(
    target.documentId,
    target.annotator,
    (spans) => (rejectSpan(text, spans, span) === null ? [...spans, span] : null),
    (stored) => {
      awaitPaint(span.id, stored);
      // The new span takes the focus: a label key now relabels it, and its occurrences can be tagged.
      useWorkbench.setState({ focusedSpanId: span.id, notice: null });
    },
  );
  if (!edit) {
    showNotice('duplicate', say('duplicateSpan'));
    return null;
  }
  return span;
}

export async function deleteSpan(spanId: string): Promise<void> {
  const target = current();
  if (!target) return;
  await commitSpans(target.documentId, target.annotator, (spans) =>
    spans.some((span) => span.id === spanId) ? spans.filter((span) => span.id !== spanId) : null,
  );
  useWorkbench.setState((state) => (state.focusedSpanId === spanId ? { focusedSpanId: null } : {}));
}

export async function relabelSpan(spanId: string, label: string): Promise<void> {
  const target = current();
  if (!target) return;
  await commitSpans(target.documentId, target.annotator, (spans) => {
    const span = spans.find((candidate) => candidate.id === spanId);
    if (!span || span.label === label) return null;
    if (spans.some((other) => other.start === span.start && other.end === span.end && other.label === label)) return null;
    return spans.map((candidate) => (candidate.id === spanId ? { ...candidate, label } : candidate));
  });
}

export function focusSpan(spanId: string | null): void {
  useWorkbench.setState({ focusedSpanId: spanId });
}
