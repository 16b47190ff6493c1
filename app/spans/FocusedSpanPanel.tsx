import { useLiveQuery } from 'dexie-react-hooks';
import type { LabelDef, Span } from '../../src/core/types';
import { countUntaggedOccurrences } from '../../src/db/occurrences';
import { tagOccurrences } from '../actions/occurrences';
import { deleteSpan, relabelSpan } from '../actions/spans';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';

interface Props {
  documentId: string;
  text: string;
  span: Span;
  labels: readonly LabelDef[];
}

/**
 * The focused span (clicked, tabbed to, or just made): relabel it, delete it, or tag every other
 * occurrence of its text, with the count shown before anything is written.
 */
export function FocusedSpanPanel({ documentId, text, span, labels }: Props) {
  const t = useT();
  const projectId = useWorkbench((state) => state.projectId);
  const annotator = useWorkbench((state) => state.annotator);
  const needle = text.slice(span.start, span.end);
  const base = { projectId: projectId ?? '', annotator, needle, label: span.label };
  const inDocument = useLiveQuery(() => countUntaggedOccurrences({ ...base, documentId }), [documentId, annotator, needle, span.label]);
  const inProject = useLiveQuery(() => countUntaggedOccurrences(base), [projectId, annotator, needle, span.label]);

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
          {t('tagAllInDocument', { count: inDocument ?? '…' })}
        </button>
        <button type="button" disabled={!inProject} onClick={() => tagOccurrences(base)}>
          {t('tagAllInProject', { count: inProject ?? '…' })}
        </button>
      </div>
    </section>
  );
}
