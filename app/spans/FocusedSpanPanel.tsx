import { memo, useMemo, useState } from 'react';
import { untaggedOccurrences } from '../../src/core/occurrences';
import type { LabelDef, Span } from '../../src/core/types';
import { countUntaggedOccurrences } from '../../src/db';
import { tagOccurrences } from '../actions/occurrences';
import { deleteSpan, relabelSpan } from '../actions/spans';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';

interface Props {
  documentId: string;
  text: string;
  /** The document's spans, to count the occurrences still untagged without a database read. */
  spans: readonly Span[];
  span: Span;
  labels: readonly LabelDef[];
}

/**
 * The focused span (clicked, tabbed to, or just made): relabel it, delete it, or tag every other
 * occurrence of its text, with the count shown before anything is written.
 */
export const FocusedSpanPanel = memo(function FocusedSpanPanel({ documentId, text, spans, span, labels }: Props) {
  const t = useT();
  const projectId = useWorkbench((state) => state.projectId);
  const annotator = useWorkbench((state) => state.annotator);
  const needle = text.slice(span.start, span.end);
  const base = { projectId: projectId ?? '', annotator, needle, label: span.label };
  const inDocument = useMemo(() => untaggedOccurrences(text, needle, span.label, spans).length, [text, needle, span.label, spans]);
  // The project-wide count reads every text, so it is computed when asked for, not kept live.
  const [projectPreview, setProjectPreview] = useState<{ key: string; count: number | null } | null>(null);
  const previewKey = `${annotator}\u0000${needle}\u0000${span.label}`;
  const preview = projectPreview?.key === previewKey ? projectPreview : null;
  const countInProject = async () => {
    setProjectPreview({ key: previewKey, count: null });
    const count = await countUntaggedOccurrences(base);
    setProjectPreview((current) => (current?.key === previewKey ? { key: previewKey, count } : current));
  };
  const tagInProject = async () => {
    setProjectPreview(null);
    await tagOccurrences(base);
  };

  return (
    <section className="focused-span" aria-label={t('focusedSpan')}>
      <div className="panel-heading">
        <h2>{t('focusedSpan')}</h2>
      </div>
      <p className="focused-span-text">{`${span.label}: ${needle}`}</p>
      <div className="focused-span-actions">
        <label>
          {t('relabel')}
          <select value={span.label} onChange={(event) => relabelSpan(span.id, event.target.value)}>
            {labels.map((label) => (
              <option key={label.name} value={label.name}>
                {label.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => deleteSpan(span.id)}>
          {t('deleteFocusedSpan')}
        </button>
      </div>
      <div className="focused-span-actions">
        <button type="button" disabled={!inDocument} onClick={() => tagOccurrences({ ...base, documentId })}>
          {t('tagAllInDocument', { count: inDocument })}
        </button>
        {preview === null ? (
          <button type="button" onClick={countInProject}>
            {t('findInProject')}
          </button>
        ) : (
          <button type="button" disabled={!preview.count} onClick={tagInProject}>
            {t('tagAllInProject', { count: preview.count ?? '…' })}
          </button>
        )}
      </div>
    </section>
  );
});
