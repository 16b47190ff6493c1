import { Suspense, useState } from 'react';
import type { ImportSummary } from '../../src/workers/importTypes';
import { useT } from '../i18n/useT';
import { onDemand } from '../layout/onDemand';
import { useWorkbench } from '../store';

// onDemand, not React.lazy: a chunk that cannot load (the server gone) must not blank the app.
const ImportFailures = onDemand(async () => (await import('./ImportProblems')).ImportFailures);
const SkippedLines = onDemand(async () => (await import('./ImportProblems')).SkippedLines);

export function summarise(summary: ImportSummary) {
  let documents = 0;
  let merged = 0;
  let spans = 0;
  for (const file of summary.files) {
    documents += file.documents;
    merged += file.merged;
    spans += file.spans;
  }
  const problems = summary.files.flatMap((file) => file.problems);
  return { documents, merged, spans, problems };
}

/** The outcome of the last import: a status line, the refused lines on demand, and failures as alerts. */
export function ImportOutcome() {
  const t = useT();
  const summary = useWorkbench((state) => state.importSummary);
  const errors = useWorkbench((state) => state.importErrors);
  const [showProblems, setShowProblems] = useState(false);
  if (!summary && errors.length === 0) return null;

  let line = '';
  let problems: ReturnType<typeof summarise>['problems'] = [];
  if (summary?.cancelled) {
    line = t('importCancelled');
  } else if (summary) {
    const totals = summarise(summary);
    problems = totals.problems;
    line = t('importedDocuments', { documents: totals.documents });
    if (totals.spans > 0) line += t('importedSpans', { spans: totals.spans });
    if (totals.merged > 0) line += t('mergedDocuments', { merged: totals.merged });
    const skipped = problems.filter((problem) => problem.kept !== true).length;
    if (problems.length > skipped) line += t('import.spansLeftOut', { count: problems.length - skipped });
    if (skipped > 0) line += t('skippedLines', { skipped });
  }

  return (
    <div className="import-status">
      {summary ? <span role="status">{line}</span> : null}
      {problems.length > 0 ? (
        <button type="button" className="link-button" aria-expanded={showProblems} onClick={() => setShowProblems(!showProblems)}>
          {t('showSkipped')}
        </button>
      ) : null}
      <Suspense fallback={null}>
        {errors.length > 0 ? <ImportFailures errors={errors} /> : null}
        {showProblems ? <SkippedLines problems={problems} /> : null}
      </Suspense>
    </div>
  );
}
