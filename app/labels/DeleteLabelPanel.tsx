import { useEffect, useId, useRef, useState } from 'react';
import type { LabelProblem } from '../../src/core/labelSet';
import { deleteLabel } from '../actions/labels';
import { useT } from '../i18n/useT';
import { spanCountMessage } from './spanCountMessage';
import { useSpansWithLabel } from './useSpansWithLabel';

interface DeleteLabelPanelProps {
  name: string;
  /** The labels its spans may be relabelled to. */
  others: readonly string[];
  onDone: (problem: LabelProblem | null) => void;
  onCancel: () => void;
}

/** Asks how to delete a label: says how many spans carry it, and whether to remove or relabel them. */
export function DeleteLabelPanel({ name, others, onDone, onCancel }: DeleteLabelPanelProps) {
  const t = useT();
  const messageId = useId();
  const count = useSpansWithLabel(name);
  const [mode, setMode] = useState<'remove' | 'relabel'>('remove');
  const [chosenTarget, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const target = others.includes(chosenTarget) ? chosenTarget : (others[0] ?? '');
  const relabel = mode === 'relabel' && (count ?? 0) > 0;

  // Once the count is known, the decision is the next thing to act on.
  const counted = count !== undefined;
  useEffect(() => {
    if (counted) confirmRef.current?.focus();
  }, [counted]);

  const confirm = async () => {
    setBusy(true);
    const problem = await deleteLabel(name, relabel ? { relabelTo: target } : { remove: true });
    setBusy(false);
    onDone(problem);
  };

  return (
    <div className="label-delete-panel" role="group" aria-labelledby={messageId}>
      <p id={messageId}>{spanCountMessage(count, name, t)}</p>
      {count !== undefined && count > 0 ? (
        <div className="label-delete-choices">
          <label>
            <input type="radio" name={`${messageId}-mode`} checked={mode === 'remove'} onChange={() => setMode('remove')} />
            {t('labels.removeSpans')}
          </label>
          <label>
            <input
              type="radio"
              name={`${messageId}-mode`}
              checked={mode === 'relabel'}
              disabled={others.length === 0}
              onChange={() => setMode('relabel')}
            />
            {t('labels.relabelSpans')}
          </label>
          <select
            aria-label={t('labels.relabelTarget')}
            value={target}
            disabled={others.length === 0}
            onChange={(event) => {
              setTarget(event.target.value);
              setMode('relabel');
            }}
          >
            {others.map((other) => (
              <option key={other} value={other}>
                {other}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="label-panel-actions">
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button ref={confirmRef} type="button" className="danger" disabled={busy || !counted} onClick={() => void confirm()}>
          {t('labels.confirmDelete')}
        </button>
      </div>
    </div>
  );
}
