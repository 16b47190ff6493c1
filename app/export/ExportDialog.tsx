import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { listAnnotators } from '../../src/db';
import { EXPORT_FORMATS } from '../../src/formats/export';
import type { ExportFormat } from '../../src/formats/types';
import { downloadExport, type ExportOutcome } from '../actions/export';
import { useProject } from '../hooks/data';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';
import { useModalDialog } from '../layout/useModalDialog';

export function ExportDialog() {
  const t = useT();
  const dialogRef = useModalDialog();
  const project = useProject();
  const currentAnnotator = useWorkbench((state) => state.annotator);
  const annotators = useLiveQuery(async () => (project ? listAnnotators(project.id) : []), [project?.id]);
  const [format, setFormat] = useState<ExportFormat>('spanwright');
  const [annotator, setAnnotator] = useState(currentAnnotator);
  const [onlyDone, setOnlyDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);


  const close = () => useWorkbench.setState({ dialog: null });
  const choices = [...new Set([currentAnnotator, ...(annotators ?? [])])];

  const download = async () => {
    if (!project) return;
    setBusy(true);
    try {
      setOutcome(await downloadExport({ format, annotator, onlyDone }, project.name));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby="export-title" onCancel={(event) => { event.preventDefault(); close(); }}>
      <h2 id="export-title">{t('exportDialogTitle')}</h2>
      <label className="dialog-field">
        {t('format')}
        <select value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
          {EXPORT_FORMATS.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
        </select>
      </label>
      <label className="dialog-field">
        {t('exportAnnotatorLayer')}
        <select value={annotator} onChange={(event) => setAnnotator(event.target.value)}>
          {choices.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="dialog-check">
        <input type="checkbox" checked={onlyDone} onChange={(event) => setOnlyDone(event.target.checked)} />
        {t('exportOnlyDone')}
      </label>
      {outcome ? (
        <p role="status">
          {t('exportedSummary', { documents: outcome.documents, spans: outcome.spans })}
          {outcome.droppedSpans > 0 ? ` ${t('exportDroppedSpans', { dropped: outcome.droppedSpans })}` : ''}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          {t('close')}
        </button>
        <button type="button" className="primary" disabled={busy || !project} onClick={download}>
          {t('download')}
        </button>
      </div>
    </dialog>
  );
}
