import type { LabelDef } from '../../src/core/types';
import type { GoldSpan } from '../../src/review';
import { deleteGold, editGold } from '../actions/review';
import type { MessageKey } from '../i18n/catalog';
import { useT } from '../i18n/useT';

/**
 * The gold layer's spans, each with where it came from, editable by keyboard: relabel (a select),
 * move either boundary by one character, delete. An accepted span that is changed becomes `edited`.
 */
export function GoldSpanList({ documentId, text, spans, labels, nameOf }: {
  documentId: string;
  text: string;
  spans: readonly GoldSpan[];
  labels: readonly LabelDef[];
  nameOf: (annotator: string) => string;
}) {
  const t = useT();
  // One character is one code point: a boundary never lands inside a surrogate pair.
  const step = (offset: number, direction: 1 | -1) => {
    const next = offset + direction;
    const code = text.charCodeAt(direction === 1 ? offset : next);
    const inPair = direction === 1 ? code >= 0xd800 && code <= 0xdbff : code >= 0xdc00 && code <= 0xdfff;
    return inPair ? next + direction : next;
  };
  const nameOfSpan = (span: GoldSpan) => `${span.label}: ${text.slice(span.start, span.end)}`;
  // Every span has the same tools: each one's name says which span it acts on.
  const on = (action: MessageKey, span: GoldSpan) => t('a11y.actionOn', { action: t(action), object: nameOfSpan(span) });
  const move = (span: GoldSpan, start: number, end: number) => {
    if (start < 0 || end > text.length || start >= end) return;
    void editGold(documentId, span.id, { start, end, label: span.label });
  };
  return (
    <section className="gold-spans" aria-label={t('review.goldSpans')}>
      <div className="panel-heading">
        <h2>{t('review.goldSpans')}</h2>
      </div>
      <ul>
        {spans.map((span) => (
          <li key={span.id} className={`gold-span origin-${span.origin}`}>
            <span className="gold-span-text">{nameOfSpan(span)}</span>
            <span className="gold-span-origin">
              {` ${t(`review.origin_${span.origin}`)}${span.sources.length > 0 ? ` (${t('review.by', { names: span.sources.map(nameOf).join(', ') })})` : ''}`}
            </span>
            <span className="gold-span-tools">
              <select aria-label={on('review.goldLabel', span)} value={span.label} onChange={(event) => void editGold(documentId, span.id, { start: span.start, end: span.end, label: event.target.value })}>
                {[...new Set([span.label, ...labels.map((label) => label.name)])].map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
              <button type="button" className="icon-button" aria-label={on('review.startEarlier', span)} title={on('review.startEarlier', span)} onClick={() => move(span, step(span.start, -1), span.end)}>
                ⇤
              </button>
              <button type="button" className="icon-button" aria-label={on('review.startLater', span)} title={on('review.startLater', span)} onClick={() => move(span, step(span.start, 1), span.end)}>
                ⇥
              </button>
              <button type="button" className="icon-button" aria-label={on('review.endEarlier', span)} title={on('review.endEarlier', span)} onClick={() => move(span, span.start, step(span.end, -1))}>
                ⇠
              </button>
              <button type="button" className="icon-button" aria-label={on('review.endLater', span)} title={on('review.endLater', span)} onClick={() => move(span, span.start, step(span.end, 1))}>
                ⇢
              </button>
              <button type="button" className="icon-button" aria-label={on('review.deleteGold', span)} title={on('review.deleteGold', span)} onClick={() => void deleteGold(documentId, span.id)}>
                ×
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
