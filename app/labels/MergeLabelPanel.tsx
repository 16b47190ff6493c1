import { useEffect, useId, useRef, useState } from 'react';
import type { LabelProblem } from '../../src/core/labelSet';
import { renameLabel } from '../actions/labels';
import { useT } from '../i18n/useT';
import { useSpansWithLabel } from './useSpansWithLabel';

interface MergeLabelPanelProps {
  from: string;
  to: string;
  onDone: (problem: LabelProblem | null) => void;
  onCancel: () => void;
}

/** Renaming onto an existing label merges the two: asked first, since spans may collapse. */
export function MergeLabelPanel({ from, to, onDone, onCancel }: MergeLabelPanelProps) {
  const t = useT();
  const messageId = useId();
  const count = useSpansWithLabel(from);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);

  const confirm = async () => {
    setBusy(true);
    const problem = await renameLabel(from, to);
    setBusy(false);
    onDone(problem);
  };

  return (
    <div className="label-delete-panel" role="group" aria-labelledby={messageId}>
      <p id={messageId}>{t('labels.mergeQuestion', { from, to, count: count ?? '…' })}</p>
      <div className="label-panel-actions">
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button ref={confirmRef} type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
          {t('labels.confirmMerge')}
        </button>
      </div>
    </div>
  );
}
