import { useCallback, useState } from 'react';
import type { LabelProblem } from '../../src/core/labelSet';
import { closeLabelEditor, renameLabel } from '../actions/labels';
import { useProject } from '../hooks/data';
import { useT } from '../i18n/useT';
import { AddLabelRow } from './AddLabelRow';
import { DeleteLabelPanel } from './DeleteLabelPanel';
import { LabelRow } from './LabelRow';
import { MergeLabelPanel } from './MergeLabelPanel';
import { problemMessage } from './problemMessage';
import './labels.css';
import { useModalDialog } from '../layout/useModalDialog';

/** A question the dialog is asking about one label before it changes any spans. */
type Pending = { kind: 'delete'; name: string } | { kind: 'merge'; from: string; to: string };

/** The Labels dialog: edit the project's label set; every change is one undo step. */
export function LabelEditor() {
  const t = useT();
  const dialogRef = useModalDialog();
  const project = useProject();
  const labels = project?.labels ?? [];
  const [problem, setProblem] = useState<LabelProblem | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);


  const report = useCallback((next: LabelProblem | null) => setProblem(next), []);

  const finish = useCallback((next: LabelProblem | null) => {
    setProblem(next);
    if (!next) setPending(null);
  }, []);

  const onRename = async (from: string, rawTo: string): Promise<boolean> => {
    const to = rawTo.trim();
    if (to === from) return false;
    if (labels.some((label) => label.name === to)) {
      setProblem(null);
      setPending({ kind: 'merge', from, to });
      return false;
    }
    const refused = await renameLabel(from, to);
    setProblem(refused);
    return refused !== null;
  };

  const onDelete = useCallback((name: string) => {
    setProblem(null);
    setPending({ kind: 'delete', name });
  }, []);

  const cancelPending = useCallback(() => setPending(null), []);

  return (
    <dialog
      ref={dialogRef}
      className="dialog label-editor"
      aria-labelledby="label-editor-title"
      onCancel={(event) => {
        event.preventDefault();
        // Escape first withdraws an open question, then closes.
        if (pending) setPending(null);
        else closeLabelEditor();
      }}
    >
      <h2 id="label-editor-title">{t('labels.dialogTitle')}</h2>
      <p className="label-editor-intro">{t('labels.intro')}</p>
      <div className="label-row label-row-heading" aria-hidden="true">
        <span />
        <span>{t('labels.columnName')}</span>
        <span>{t('labels.columnColour')}</span>
        <span>{t('labels.columnHotkey')}</span>
      </div>
      <ol className="label-rows">
        {labels.map((label, index) => (
          <li key={label.name}>
            <LabelRow label={label} index={index} total={labels.length} onProblem={report} onRename={onRename} onDelete={onDelete} />
            {pending?.kind === 'delete' && pending.name === label.name ? (
              <DeleteLabelPanel
                name={label.name}
                others={labels.filter((other) => other.name !== label.name).map((other) => other.name)}
                onDone={finish}
                onCancel={cancelPending}
              />
            ) : null}
            {pending?.kind === 'merge' && pending.from === label.name ? (
              <MergeLabelPanel from={pending.from} to={pending.to} onDone={finish} onCancel={cancelPending} />
            ) : null}
          </li>
        ))}
      </ol>
      {project && labels.length === 0 ? <p className="placeholder">{t('labels.none')}</p> : null}
      <AddLabelRow onProblem={report} />
      {problem ? (
        <p role="alert" className="label-editor-alert">
          {problemMessage(problem, t)}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={closeLabelEditor}>
          {t('close')}
        </button>
      </div>
    </dialog>
  );
}
