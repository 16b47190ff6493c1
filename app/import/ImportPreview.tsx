import type { FileAnalysis, LineProblem } from '../../src/workers/importTypes';
import { setImportOptions } from '../actions/import';
import { formatCount } from '../i18n/count';
import { problemText } from '../i18n/problems';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';

/** What the analysis found that needs a word or a choice: long documents, bad spans, skipped lines, annotators. */
export function ImportPreview({ analyses, disabled }: { analyses: readonly FileAnalysis[]; disabled: boolean }) {
  const t = useT();
  const language = useWorkbench((state) => state.language);
  const options = useWorkbench((state) => state.importOptions);
  const long = analyses.flatMap((analysis) => analysis.longDocuments);
  const leftOut = analyses.reduce((sum, analysis) => sum + analysis.leftOut, 0);
  const skipped = analyses.reduce((sum, analysis) => sum + analysis.skippedLines, 0);
  const listed = analyses.flatMap((analysis) => analysis.problems);
  const annotators = new Map<string, number>();
  for (const analysis of analyses) for (const [name, count] of analysis.annotators) annotators.set(name, (annotators.get(name) ?? 0) + count);
  const named = [...annotators].filter(([name]) => name !== '');

  return (
    <>
      {long.length > 0 || options.longSplit !== 'none' ? (
        <div className="import-warning">
          {long.length > 0 ? <p>{t('import.longTitle', { count: long.length, length: formatCount(language, Math.max(...long.map((doc) => doc.length))) })}</p> : null}
          <fieldset className="split-modes" role="radiogroup" aria-label={t('import.longSplit')} disabled={disabled}>
            <legend>{t('import.longSplit')}</legend>
            {(['none', 'lines', 'blocks'] as const).map((mode) => (
              <label key={mode}>
                <input type="radio" name="long-split" value={mode} checked={options.longSplit === mode} onChange={() => setImportOptions({ longSplit: mode })} />
                {t(mode === 'none' ? 'import.longKeep' : mode === 'lines' ? 'import.longLines' : 'import.longBlocks')}
              </label>
            ))}
          </fieldset>
        </div>
      ) : null}

      {leftOut > 0 ? (
        <fieldset className="split-modes" role="radiogroup" aria-label={t('import.badSpans')} disabled={disabled}>
          <legend>{t('import.badSpans')}</legend>
          <label>
            <input type="radio" name="bad-spans" value="keep-document" checked={options.badSpans === 'keep-document'} onChange={() => setImportOptions({ badSpans: 'keep-document' })} />
            {t('import.keepDocument')}
          </label>
          <label>
            <input type="radio" name="bad-spans" value="skip-line" checked={options.badSpans === 'skip-line'} onChange={() => setImportOptions({ badSpans: 'skip-line' })} />
            {t('import.skipLine')}
          </label>
        </fieldset>
      ) : null}

      {leftOut > 0 || skipped > 0 ? (
        <div className="import-problems">
          {leftOut > 0 ? <p>{t('import.leftOutTitle', { count: leftOut })}</p> : null}
          {skipped > 0 ? <p>{t('import.skippedTitle', { count: skipped })}</p> : null}
          <ul className="problem-list" aria-label={t('import.showProblems')}>
            {listed.map((problem: LineProblem, i) => (
              <li key={`${problem.fileName}:${problem.line}:${i}`}>{t('problemLine', { file: problem.fileName, line: String(problem.line), reason: problemText(problem.problem, language) })}</li>
            ))}
          </ul>
          {leftOut + skipped > listed.length ? <p className="hint">{t('import.problemsMore', { more: leftOut + skipped - listed.length })}</p> : null}
        </div>
      ) : null}

      {named.length > 0 ? (
        <section aria-labelledby="import-annotators-title">
          <h3 id="import-annotators-title">{t('import.annotatorsTitle')}</h3>
          <ul className="annotator-counts">
            {[...annotators].map(([name, count]) => (
              <li key={name}>{t('import.annotatorDocuments', { name: name === '' ? t('import.unnamedAnnotator') : name, count })}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
