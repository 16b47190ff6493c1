import { useEffect } from 'react';
import { encodingLabel, type TextEncodingName } from '../../src/formats/encoding';
import type { TxtSplitMode } from '../../src/formats/txt';
import type { JsonlFlavor } from '../../src/formats/types';
import type { FileAnalysis } from '../../src/workers/importTypes';
import { cancelImport, closeImportDialog, overrideImportEncoding, setImportOptions, startImport } from '../actions/import';
import { formatCount } from '../i18n/count';
import { problemText } from '../i18n/problems';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';
import { useModalDialog } from '../layout/useModalDialog';
import { useProject } from '../hooks/data';
import { ImportLabels } from './ImportLabels';
import { ImportPreview } from './ImportPreview';
import { incomingLabelsOf } from './incomingLabels';

const SPLIT_MODES: { mode: TxtSplitMode; key: 'splitWhole' | 'splitLines' | 'splitBlocks' }[] = [
  { mode: 'whole', key: 'splitWhole' },
  { mode: 'lines', key: 'splitLines' },
  { mode: 'blocks', key: 'splitBlocks' },
];

const ENCODINGS: TextEncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'];

const FLAVOR_NAMES: Record<Exclude<JsonlFlavor, 'text-only'>, string> = {
  spanwright: 'Spanwright JSONL',
  doccano: 'doccano JSONL',
  cluener: 'CLUENER JSON',
  prodigy: 'Prodigy JSONL',
};

function formatName(analysis: FileAnalysis, t: ReturnType<typeof useT>): string {
  if (analysis.kind === 'txt') return t('plainText');
  if (analysis.kind === 'brat') return 'brat standoff';
  if (analysis.kind === 'conll') return `CoNLL${analysis.scheme ? ` (${analysis.scheme})` : ''}`;
  const flavor = analysis.flavor ?? 'text-only';
  return flavor === 'text-only' ? t('jsonTextOnly') : FLAVOR_NAMES[flavor];
}

/** The Import dialog: what will be created, before anything is written. */
export function ImportDialog() {
  const t = useT();
  const dialogRef = useModalDialog();
  const phase = useWorkbench((state) => state.importPhase);
  const inputs = useWorkbench((state) => state.importInputs);
  const analyses = useWorkbench((state) => state.importAnalyses);
  const options = useWorkbench((state) => state.importOptions);
  const progress = useWorkbench((state) => state.importProgress);
  const annotator = useWorkbench((state) => state.annotator);
  const language = useWorkbench((state) => state.language);
  const project = useProject();

  useEffect(() => {
    if (phase === 'finished') closeImportDialog();
  }, [phase]);

  const analysing = phase === 'analysing';
  // While a changed option is read again, the last analysis stays on screen with its counts dashed.
  const readable = analyses.flatMap((result) => (result.ok ? [result.analysis] : []));
  const hasTxt = readable.some((analysis) => analysis.kind === 'txt');
  const hasProdigy = readable.some((analysis) => analysis.flavor === 'prodigy');
  const create = readable.reduce((sum, analysis) => sum + analysis.create, 0);
  const present = readable.reduce((sum, analysis) => sum + analysis.present, 0);
  const nothing = !analysing && analyses.length > 0 && create + present === 0;
  const running = phase === 'running';
  const existing = project?.labels.map((label) => label.name) ?? [];
  const labels = incomingLabelsOf(readable.map((analysis) => ({ ok: true, analysis })), existing);

  return (
    <dialog ref={dialogRef} className="dialog import-dialog" aria-labelledby="import-title" onCancel={(event) => { event.preventDefault(); if (!running) closeImportDialog(); }}>
      <h2 id="import-title">{t('importDialogTitle')}</h2>
      <table className="file-table">
        <thead>
          <tr>
            <th scope="col">{t('fileColumn')}</th>
            <th scope="col">{t('detectedFormat')}</th>
            <th scope="col">{t('encoding')}</th>
            <th scope="col">{t('import.newColumn')}</th>
            <th scope="col">{t('import.presentColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {inputs.map((input, i) => {
            const result = analyses[i];
            return (
              <tr key={`${input.name}-${i}`}>
                <td>{input.name}</td>
                {result === undefined ? (
                  <td colSpan={4}>{t('import.analysing')}</td>
                ) : result.ok ? (
                  result.analysis.documents === 0 ? (
                    <>
                      <td>{formatName(result.analysis, t)}</td>
                      <td colSpan={3}>{result.analysis.skippedLines === 0 ? t('import.emptyFile') : t('import.noDocuments')}</td>
                    </>
                  ) : (
                    <>
                      <td>{formatName(result.analysis, t)}</td>
                      <td>{encodingLabel(result.analysis.encoding)}</td>
                      <td>{analysing ? '—' : formatCount(language, result.analysis.create)}</td>
                      <td>{analysing ? '—' : formatCount(language, result.analysis.present)}</td>
                    </>
                  )
                ) : (
                  <td colSpan={4} role="alert">
                    {problemText(result.problem, language)}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>

      {hasTxt ? (
        <fieldset className="split-modes" role="radiogroup" aria-label={t('splitDocuments')} disabled={running}>
          <legend>{t('splitDocuments')}</legend>
          {SPLIT_MODES.map(({ mode, key }) => (
            <label key={mode}>
              <input type="radio" name="split" value={mode} checked={options.txtSplit === mode} onChange={() => setImportOptions({ txtSplit: mode })} />
              {t(key)}
            </label>
          ))}
        </fieldset>
      ) : null}

      {hasProdigy ? (
        <label className="dialog-field">
          {t('prodigyRejectedTasks')}
          <select
            value={options.prodigyRejected}
            disabled={running}
            onChange={(event) => setImportOptions({ prodigyRejected: event.target.value === 'skip' ? 'skip' : 'without-spans' })}
          >
            <option value="without-spans">{t('prodigyWithoutSpans')}</option>
            <option value="skip">{t('prodigySkip')}</option>
          </select>
        </label>
      ) : null}

      <ImportPreview analyses={readable} disabled={running} />
      <ImportLabels labels={labels} existing={existing} disabled={running} />

      <label className="dialog-field">
        {t('encoding')}
        <select
          value={options.encoding ?? ''}
          disabled={running}
          onChange={(event) => overrideImportEncoding(ENCODINGS.find((name) => name === event.target.value))}
        >
          <option value="">{t('detectEncoding')}</option>
          {ENCODINGS.map((name) => (
            <option key={name} value={name}>
              {encodingLabel(name)}
            </option>
          ))}
        </select>
      </label>

      <label className="dialog-field">
        {t('importAnnotator')}
        <input
          type="text"
          value={options.annotator}
          placeholder={annotator}
          disabled={running}
          onChange={(event) => setImportOptions({ annotator: event.target.value })}
        />
      </label>

      <div className="document-total" aria-live="polite">
        {nothing ? (
          <p>{t('import.nothingToImport')}</p>
        ) : (
          <>
            <p>
              {t('documentsToCreate')}: <strong>{analysing ? '—' : formatCount(language, create)}</strong>
            </p>
            {present > 0 && !analysing ? (
              <p>
                {t('import.alreadyPresent')}: <strong>{formatCount(language, present)}</strong>
              </p>
            ) : null}
          </>
        )}
      </div>

      {running ? (
        <div className="import-progress">
          <progress
            aria-label={t('importProgress')}
            max={progress?.totalBytes ?? 1}
            value={progress?.bytesRead ?? 0}
          />
          <span>{progress
              ? t('importProgressText', { documents: progress.documents, read: (progress.bytesRead / 1e6).toFixed(1), total: (progress.totalBytes / 1e6).toFixed(1) })
              : '…'}</span>
        </div>
      ) : null}

      <div className="dialog-actions">
        {running ? (
          <button type="button" onClick={cancelImport}>
            {t('cancelImport')}
          </button>
        ) : (
          <>
            <button type="button" onClick={closeImportDialog}>
              {t('cancel')}
            </button>
            <button type="button" className="primary" disabled={phase !== 'ready' || readable.length === 0 || nothing} onClick={startImport}>
              {t('importButton')}
            </button>
          </>
        )}
      </div>
    </dialog>
  );
}
