import { memo, useLayoutEffect, useRef, type CSSProperties } from 'react';
import { spanKey } from '../../src/core/spans';
import type { LabelDef, Span } from '../../src/core/types';
import type { Suggestion } from '../../src/suggest/types';
import { acceptSuggestions, rejectSuggestions } from '../actions/suggestions';
import { documentTextElement, setSelection } from '../editor/selectionTracker';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';
import { RUNAWAY_MS } from './suggestClient';
import { dismissProblem } from './suggestionStore';
import { Heading } from './SuggestionsHeading';
import { useSuggestionState, useVisibleSuggestions } from './useSuggestions';

/** Entries rendered at once; the rest follow as these are accepted or rejected. */
const LIST_LIMIT = 200;

interface ListProps {
  documentId: string;
  text: string;
  spans: readonly Span[];
  rejected: readonly string[];
  labels: readonly LabelDef[];
}

/** The suggestions for the open document, with Accept and Reject: loaded with the first open document. */
export const SuggestionList = memo(function SuggestionList({ documentId, text, spans, rejected, labels }: ListProps) {
  const t = useT();
  const suggestions = useVisibleSuggestions(documentId, spans, rejected);
  const { problem, results } = useSuggestionState();
  const computed = results.has(documentId);
  const colors = new Map(labels.map((label) => [label.name, label.color]));
  const shown = suggestions.slice(0, LIST_LIMIT);
  const listRef = useRef<HTMLUListElement>(null);
  // After Accept or Reject removes an entry, keyboard focus moves to the same button of the next.
  const refocus = useRef<{ index: number; action: 'accept' | 'reject' } | null>(null);

  useLayoutEffect(() => {
    const target = refocus.current;
    const list = listRef.current;
    if (!target || !list) return;
    refocus.current = null;
    const entries = list.querySelectorAll('li');
    const entry = entries[Math.min(target.index, entries.length - 1)];
    entry?.querySelector<HTMLButtonElement>(`[data-action="${target.action}"]`)?.focus();
  }, [suggestions]);

  const act = (suggestion: Suggestion, index: number, action: 'accept' | 'reject') => {
    refocus.current = { index, action };
    void (action === 'accept' ? acceptSuggestions(documentId, [suggestion]) : rejectSuggestions(documentId, [suggestion]));
  };

  const reveal = (suggestion: Suggestion) => {
    // Selected, so a label key tags it under another label than the one suggested.
    const root = documentTextElement();
    root?.focus({ preventScroll: true });
    setSelection({ anchor: suggestion.start, focus: suggestion.end });
    const selection = document.getSelection();
    const node = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).startContainer : null;
    (node instanceof Element ? node : node?.parentElement)?.scrollIntoView({ block: 'center' });
  };

  return (
    <>
      <Heading count={suggestions.length} />
      {problem ? <ProblemNotice /> : null}
      <div className="suggestion-actions">
        <button type="button" disabled={suggestions.length === 0} onClick={() => void acceptSuggestions(documentId, suggestions)}>
          {t('suggestions.acceptAll')}
        </button>
        <button type="button" disabled={suggestions.length === 0} onClick={() => void rejectSuggestions(documentId, suggestions)}>
          {t('suggestions.rejectAll')}
        </button>
        <button type="button" className="link-button" onClick={() => useWorkbench.setState({ dialog: 'suggestions' })}>
          {t('suggestions.manage')}
        </button>
      </div>
      {suggestions.length === 0 ? <p className="placeholder">{t(computed ? 'suggestions.none' : 'suggestions.pending')}</p> : null}
      <ul ref={listRef} className="suggestion-list">
        {shown.map((suggestion, index) => {
          const key = spanKey(suggestion);
          const name = `${suggestion.label}: ${text.slice(suggestion.start, suggestion.end)}`;
          const acceptName = t('a11y.acceptSuggestionOf', { span: name });
          const rejectName = t('a11y.rejectSuggestionOf', { span: name });
          return (
            <li key={key} className="suggestion-entry" aria-setsize={suggestions.length} aria-posinset={index + 1}>
              <button
                type="button"
                className="suggestion-entry-text"
                style={{ '--label-color': colors.get(suggestion.label) ?? '#6b7280' } as CSSProperties}
                title={t(`suggestions.source_${suggestion.source}`)}
                onClick={() => reveal(suggestion)}
              >
                {name}
              </button>
              <button type="button" className="icon-button suggestion-accept" data-action="accept" aria-label={acceptName} title={acceptName} onClick={() => act(suggestion, index, 'accept')}>
                ✓
              </button>
              <button type="button" className="icon-button" data-action="reject" aria-label={rejectName} title={rejectName} onClick={() => act(suggestion, index, 'reject')}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {suggestions.length > LIST_LIMIT ? <p className="placeholder">{t('suggestions.more', { shown: LIST_LIMIT, total: suggestions.length })}</p> : null}
    </>
  );
});

/** A runaway pattern or a failed run, said once, in the panel where its effect shows. */
export function ProblemNotice() {
  const t = useT();
  const { problem } = useSuggestionState();
  if (!problem) return null;
  const message =
    problem.kind === 'runaway'
      ? t('suggestions.runaway', { pattern: problem.rule.pattern, label: problem.rule.label, seconds: RUNAWAY_MS / 1000 })
      : t('suggestions.failed', { message: problem.message });
  return (
    <div className="suggestion-problem" role="alert">
      <span>{message}</span>
      <button type="button" className="icon-button" aria-label={t('suggestions.dismiss')} title={t('suggestions.dismiss')} onClick={dismissProblem}>
        ×
      </button>
    </div>
  );
}
