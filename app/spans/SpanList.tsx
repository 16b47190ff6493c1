import type { CSSProperties } from 'react';
import type { LabelDef, Span } from '../../src/core/types';
import { deleteSpan, focusSpan } from '../actions/spans';
import { collapseSelectionTo, documentTextElement } from '../editor/selectionTracker';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';

const LIST_LIMIT = 2000;

/** The Spans region: every span of the open document as `label: text`, focusable and deletable. */
export function SpanList({ text, spans, labels }: { text: string; spans: readonly Span[]; labels: readonly LabelDef[] }) {
  const t = useT();
  const focusedSpanId = useWorkbench((state) => state.focusedSpanId);
  const colors = new Map(labels.map((label) => [label.name, label.color]));
  const shown = spans.slice(0, LIST_LIMIT);

  const reveal = (span: Span) => {
    focusSpan(span.id);
    collapseSelectionTo(span.start);
    documentTextElement()?.querySelector(`[data-spans~="${span.id}"]`)?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <section className="span-list" aria-label={t('spans')}>
      <div className="panel-heading">
        <h2>{t('spans')}</h2>
        <span className="span-count" role="note" aria-label={t('spanCount')}>
          {spans.length}
        </span>
      </div>
      {spans.length === 0 ? <p className="placeholder">{t('noSpans')}</p> : null}
      <ul>
        {shown.map((span) => (
          <li key={span.id} className={span.id === focusedSpanId ? 'span-entry focused' : 'span-entry'}>
            <button
              type="button"
              className="span-entry-text"
              style={{ '--label-color': colors.get(span.label) ?? '#6b7280' } as CSSProperties}
              onClick={() => reveal(span)}
            >
              {`${span.label}: ${text.slice(span.start, span.end)}`}
            </button>
            <button type="button" className="icon-button" aria-label={t('deleteSpan')} title={t('deleteSpan')} onClick={() => deleteSpan(span.id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {spans.length > LIST_LIMIT ? <p className="placeholder">{`+${spans.length - LIST_LIMIT}`}</p> : null}
    </section>
  );
}
