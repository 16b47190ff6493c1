import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef, type CSSProperties } from 'react';
import type { LabelDef, Span } from '../../src/core/types';
import { deleteSpan } from '../actions/spans';
import { revealSpan } from '../editor/revealSpan';
import { useT } from '../i18n/useT';
import { SpanListHeading } from './SpanListHeading';

const ROW_HEIGHT = 30;

/**
 * The Spans region: every span of the open document as `label: text`, focusable and deletable.
 * Virtualised, so a document with 5,000 spans costs only the rows on screen per edit.
 */
export const SpanList = memo(function SpanList({
  text,
  spans,
  labels,
  focusedSpanId,
}: {
  text: string;
  spans: readonly Span[];
  labels: readonly LabelDef[];
  /** Given by the side panel, which defers it: the list re-renders with the panels, not in the key press. */
  focusedSpanId: string | null;
}) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const colors = new Map(labels.map((label) => [label.name, label.color]));
  const virtualizer = useVirtualizer({
    count: spans.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  return (
    <section className="span-list" aria-label={t('spans')}>
      <SpanListHeading count={spans.length} />
      <div ref={scrollRef} className="span-list-scroll">
        <ul style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const span = spans[item.index];
            if (!span) return null;
            const name = `${span.label}: ${text.slice(span.start, span.end)}`;
            const deleteName = t('a11y.deleteSpanOf', { span: name });
            return (
              <li
                key={span.id}
                data-span-id={span.id}
                className={span.id === focusedSpanId ? 'span-entry focused' : 'span-entry'}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                // Only the rows on screen exist: each says where it stands in the whole list.
                aria-setsize={spans.length}
                aria-posinset={item.index + 1}
              >
                <button
                  type="button"
                  className="span-entry-text"
                  style={{ '--label-color': colors.get(span.label) ?? '#6b7280' } as CSSProperties}
                  onClick={() => revealSpan(span)}
                >
                  {name}
                </button>
                <button type="button" className="icon-button" aria-label={deleteName} title={deleteName} onClick={() => deleteSpan(span.id)}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
});
