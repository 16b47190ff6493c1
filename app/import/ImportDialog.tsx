import { useEffect } from 'react';
import { encodingLabel, type TextEncodingName } from '../../src/formats/encoding';
import type { TxtSplitMode } from '../../src/formats/txt';
import type { JsonlFlavor } from '../../src/formats/types';
import type { FileAnalysis } from '../../src/workers/importTypes';
import { cancelImport, closeImportDialog, overrideImportEncoding, setImportOptions, startImport } from '../actions/import';
import type { Language } from '../i18n';
import { formatCount } from '../i18n/count';
import { problemText } from '../i18n/problems';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';
import { useModalDialog } from '../layout/useModalDialog';

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
  if (analysis.kind === 'conll') return `CoNLL${analysis.scheme ? ` (${analysis.scheme})` : ''}`;
  const flavor = analysis.flavor ?? 'text-only';
  return flavor === 'text-only' ? t('jsonTextOnly') : FLAVOR_NAMES[flavor];
}

/** A count as the UI writes counts, or a dash while it is unknown. */
function countOrDash(language: Language, count: number | undefined): string {
  return count === undefined ? '—' : formatCount(language, count);
}

function documentCount(analysis: FileAnalysis, split: TxtSplitMode): number | undefined {
  return analysis.kind === 'txt' ? analysis.txtCounts?.[split] : analysis.records;
}

/** The Import dialog: what will be created, before anything is written. */
export function ImportDialog() {
  const t = useT();
  const dialogRef = useModalDialog();
  const phase = useWorkbench((state) => state.importPhase);
  const files = useWorkbench((state) => state.importFiles);
  const analyses = useWorkbench((state) => state.importAnalyses);
  const options = useWorkbench((state) => state.importOptions);
  const progress = useWorkbench((state) => state.importProgress);
  const annotator = useWorkbench((state) => state.annotator);
  const language = useWorkbench((state) => state.language);


  useEffect(() => {
    if (phase === 'finished') closeImportDialog();
  }, [phase]);

  const readable = analyses.flatMap((result) => (result.ok ? [result.analysis] : []));
  const hasTxt = readable.some((analysis) => analysis.kind === 'txt');
  const hasProdigy = readable.some((analysis) => analysis.flavor === 'prodigy');
  const counts = readable.map((analysis) => documentCount(analysis, options.txtSplit));
  const total = counts.reduce<number | undefined>((sum, count) => (sum === undefined || count === undefined ? undefined : sum + count), 0);
  const running = phase === 'running';

  return (
    <dialog ref={dialogRef} className="dialog import-dialog" aria-labelledby="import-title" onCancel={(event) => { event.preventDefault(); if (!running) closeImportDialog(); }}>
      <h2 id="import-title">{t('importDialogTitle')}</h2>
      <table className="file-table">
        <thead>
          <tr>
            <th scope="col">{t('fileColumn')}</th>
            <th scope="col">{t('detectedFormat')}</th>
            <th scope="col">{t('encoding')}</th>
            <th scope="col">{t('records')}</th>
          </tr>
        </thead>
        <tbody>
          {files.map((file, i) => {
            const result = analyses[i];
            return (
              <tr key={`${file.name}-${i}`}>
                <td>{file.name}</td>
                {result === undefined ? (
                  <td colSpan={3}>…</td>
                ) : result.ok ? (
                  <>
                    <td>{formatName(result.analysis, t)}</td>
                    <td>{encodingLabel(result.analysis.encoding)}</td>
                    <td>{countOrDash(language, documentCount(result.analysis, options.txtSplit))}</td>
                  </>
                ) : (
                  <td colSpan={3} role="alert">
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

      <p className="document-total" aria-live="polite">
        {t('documentsToCreate')}: <strong>{countOrDash(language, total)}</strong>
      </p>

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
            <button type="button" className="primary" disabled={phase !== 'ready' || readable.length === 0} onClick={startImport}>
              {t('importButton')}
            </button>
          </>
        )}
      </div>
    </dialog>
  );
}
