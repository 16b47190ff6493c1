import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { listAnnotators } from '../../src/db';
import { EXPORT_FORMATS, exportFormatInfo } from '../../src/formats/export';
import type { ListedDrop } from '../../src/formats/exportBuilder';
import { droppedSpanLines } from '../../src/formats/exportTokens';
import { splitOptionsProblem, type SplitOptions } from '../../src/formats/split';
import type { ExportFormat } from '../../src/formats/types';
import type { ExportProgress, ExportRequest, ExportScope } from '../../src/workers/exportFile';
import { cancelExport, downloadExport, previewExport, saveBlob, type ExportOutcome } from '../actions/export';
import { useProject } from '../hooks/data';
import { useT } from '../i18n/useT';
import { useModalDialog } from '../layout/useModalDialog';
import { useWorkbench } from '../store';

/** The Annotator choice that exports every layer, one line per layer. */
const ALL_ANNOTATORS = '\u0000all';

/**
 * Resolves once the browser has painted, or after 100 ms in a hidden tab (which paints nothing):
 * the export worker waits for it after each chunk.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

export function ExportDialog() {
  const t = useT();
  const dialogRef = useModalDialog();
  const project = useProject();
  const currentAnnotator = useWorkbench((state) => state.annotator);
  const annotators = useLiveQuery(async () => (project ? listAnnotators(project.id) : []), [project?.id]);
  const [format, setFormat] = useState<ExportFormat>('spanwright');
  const [annotator, setAnnotator] = useState(currentAnnotator);
  const [scope, setScope] = useState<ExportScope>('touched');
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [splitOn, setSplitOn] = useState(false);
  const [train, setTrain] = useState(80);
  const [dev, setDev] = useState(10);
  const [seed, setSeed] = useState(7);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [previewed, setPreviewed] = useState<{ key: string; outcome: ExportOutcome } | null>(null);
  const [finished, setFinished] = useState<{ key: string; outcome: ExportOutcome } | null>(null);
  const labelsId = useId();

  const close = () => {
    if (busy) cancelExport();
    useWorkbench.setState({ dialog: null });
  };
  const choices = [...new Set([currentAnnotator, ...(annotators ?? [])])];
  const labelNames = (project?.labels ?? []).map((label) => label.name);
  const split: SplitOptions | undefined = splitOn ? { train, dev, seed } : undefined;
  const splitProblem = split ? splitOptionsProblem(split) : null;
  const all = annotator === ALL_ANNOTATORS;
  const onlyLabels = excluded.size > 0 ? labelNames.filter((name) => !excluded.has(name)) : undefined;

  const request: ExportRequest | null =
    project && !splitProblem
      ? {
          projectId: project.id,
          projectName: project.name,
          annotators: all ? choices : [annotator],
          layerName: all ? 'all' : annotator,
          scope,
          format,
          labels: labelNames,
          onlyLabels,
          split,
        }
      : null;
  const requestKey = JSON.stringify(request);
  // A preview counts only for the choices it was made for.
  const preview = previewed?.key === requestKey ? previewed.outcome : null;
  // So is the last export's summary: changing a choice shows the new preview.
  const outcome = finished?.key === requestKey ? finished.outcome : null;

  useEffect(() => {
    if (!request) return;
    let current = true;
    const timer = setTimeout(() => {
      void previewExport(request).then((result) => {
        if (current) setPreviewed({ key: requestKey, outcome: result });
      });
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // requestKey stands for request: a new object each render, the same choices.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestKey]);

  const download = async () => {
    if (!request) return;
    setBusy(true);
    setFinished(null);
    const key = requestKey;
    try {
      // A long export (more than one chunk of documents) shows its progress and Cancel export;
      // one that ends with its first chunk never flickers a bar.
      const result = await downloadExport(request, (next) => {
        if (next.done >= next.total) return;
        setProgress(next);
        return afterPaint();
      });
      setFinished({ key, outcome: result });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const toggleLabel = (name: string, on: boolean) => {
    const next = new Set(excluded);
    if (on) next.delete(name);
    else next.add(name);
    setExcluded(next);
  };

  const tokens = format === 'conll' || format === 'huggingface';
  const shown = outcome ?? preview;
  const nothing = preview !== null && preview.documents === 0;

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
      {tokens ? <p className="dialog-note">{t('exportWhitespace')}</p> : null}
      <label className="dialog-field">
        {t('exportAnnotatorLayer')}
        <select value={annotator} onChange={(event) => setAnnotator(event.target.value)}>
          {choices.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
          <option value={ALL_ANNOTATORS}>{t('exportAllAnnotators')}</option>
        </select>
      </label>
      <label className="dialog-field">
        {t('exportDocuments')}
        <select value={scope} onChange={(event) => setScope(event.target.value as ExportScope)}>
          <option value="touched">{t('exportScopeTouched')}</option>
          <option value="done">{t('exportScopeDone')}</option>
          <option value="all">{t('exportScopeAll')}</option>
        </select>
      </label>
      {labelNames.length > 0 ? (
        <fieldset className="dialog-field export-labels" aria-labelledby={labelsId}>
          <legend id={labelsId}>{t('exportLabels')}</legend>
          {labelNames.map((name) => (
            <label key={name} className="dialog-check">
              <input type="checkbox" checked={!excluded.has(name)} onChange={(event) => toggleLabel(name, event.target.checked)} />
              {name}
            </label>
          ))}
        </fieldset>
      ) : null}
      <label className="dialog-check">
        <input type="checkbox" checked={splitOn} onChange={(event) => setSplitOn(event.target.checked)} />
        {t('exportSplit')}
      </label>
      {splitOn ? (
        <div className="export-split">
          <label className="dialog-field">
            {t('exportTrain')}
            <input type="number" min={0} max={100} value={train} onChange={(event) => setTrain(event.target.valueAsNumber)} />
          </label>
          <label className="dialog-field">
            {t('exportDev')}
            <input type="number" min={0} max={100} value={dev} onChange={(event) => setDev(event.target.valueAsNumber)} />
          </label>
          <label className="dialog-field">
            {t('exportSeed')}
            <input type="number" step={1} value={seed} onChange={(event) => setSeed(event.target.valueAsNumber)} />
          </label>
          <p className="dialog-note">{splitProblem ? t('exportSplitInvalid') : t('exportSplitTest', { test: 100 - train - dev })}</p>
        </div>
      ) : null}
      <p role="status">
        {busy || outcome ? null : !preview ? t('exportPreviewCounting') : nothing ? t('exportNothing') : `${t('exportPreview', { documents: preview.documents, spans: preview.spans })}${preview.emptyDocuments > 0 ? ` ${t('exportPreviewEmpty', { empty: preview.emptyDocuments })}` : ''}`}
        {outcome && !outcome.cancelled ? t('exportedSummary', { documents: outcome.documents, spans: outcome.spans }) : null}
        {outcome?.cancelled ? t('exportCancelled') : null}
        {outcome && outcome.documents === 0 && !outcome.cancelled ? ` ${t('exportNothing')}` : null}
        {outcome && outcome.droppedSpans > 0 ? ` ${t('exportDroppedSpans', { dropped: outcome.droppedSpans })}` : ''}
      </p>
      {shown && shown.droppedSpans > 0 && !exportFormatInfo(format).keepsOverlaps ? <DroppedList drops={shown.dropped} total={shown.droppedSpans} fileName={shown.fileName} /> : null}
      {progress ? (
        <div className="export-progress">
          <progress aria-label={t('exportProgressLabel')} max={progress.total} value={progress.done} />
          <button type="button" onClick={cancelExport}>
            {t('exportCancel')}
          </button>
        </div>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          {t('close')}
        </button>
        <button type="button" className="primary" disabled={busy || !request || nothing} onClick={download}>
          {t('download')}
        </button>
      </div>
    </dialog>
  );
}

const SHOWN_DROPS = 20;

function DroppedList({ drops, total, fileName }: { drops: readonly ListedDrop[]; total: number; fileName: string }) {
  const t = useT();
  const reason = (drop: ListedDrop) => (drop.reason === 'overlap' ? t('exportDroppedOverlap') : drop.reason === 'only-whitespace' ? t('exportDroppedWhitespace') : t('exportDroppedInvalid'));
  const report = () => {
    const lines = [...groupByDocument(drops)].map(([document, list]) => droppedSpanLines(document, list));
    saveBlob(new Blob(lines, { type: 'application/x-ndjson' }), fileName.replace(/\.[^.]+$/, '.dropped-spans.jsonl'));
  };
  return (
    <section className="export-dropped" aria-label={t('exportDroppedTitle')}>
      <p>{t('exportDroppedTitle')}</p>
      <ul>
        {drops.slice(0, SHOWN_DROPS).map((drop, index) => (
          <li key={index}>{t('exportDroppedItem', { document: drop.document, label: drop.label, text: drop.text, start: drop.start, end: drop.end, reason: reason(drop) })}</li>
        ))}
      </ul>
      {total > SHOWN_DROPS ? <p>{t('exportDroppedMore', { more: total - SHOWN_DROPS })}</p> : null}
      <button type="button" onClick={report}>
        {t('exportDownloadDropped')}
      </button>
    </section>
  );
}

function groupByDocument(drops: readonly ListedDrop[]): Map<string, ListedDrop[]> {
  const groups = new Map<string, ListedDrop[]>();
  for (const drop of drops) {
    let list = groups.get(drop.document);
    if (!list) groups.set(drop.document, (list = []));
    list.push(drop);
  }
  return groups;
}
