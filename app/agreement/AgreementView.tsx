import { useMemo } from 'react';
import { GOLD_ANNOTATOR } from '../../src/review';
import { downloadDisagreements, downloadReport } from '../actions/agreement';
import { showNotice } from '../actions/notices';
import { NoticeBar } from '../editor/NoticeBar';
import { useProject } from '../hooks/data';
import { useKnownAnnotators } from '../hooks/knownAnnotators';
import { useT } from '../i18n/useT';
import { comparedOf } from '../review/compared';
import { useWorkbench } from '../store';
import { useAgreement, type AgreementState } from './agreementClient';
import { AnnotatorTable } from './AnnotatorTable';
import { BoundaryTable } from './BoundaryTable';
import { ConfusionTable } from './ConfusionTable';
import { DocumentsTable } from './DocumentsTable';
import { LabelTable } from './LabelTable';
import { OverallNumbers } from './OverallNumbers';
import { PairwiseTable } from './PairwiseTable';
import { ScopeControls } from './ScopeControls';
import { TeamProgress } from './TeamProgress';
import './agreement.css';

function Progress({ state }: { state: AgreementState }) {
  const t = useT();
  if (state.phase === 'reading' && state.total > 0) {
    return (
      <div className="agreement-progress">
        <progress aria-label={t('agreement.reading')} value={state.read} max={state.total} />
        <span>{t('agreement.readingText', { read: state.read, total: state.total })}</span>
      </div>
    );
  }
  if (state.phase === 'computing' || state.phase === 'reading') return <p className="agreement-progress muted">{t('agreement.computing')}</p>;
  if (state.phase === 'failed') return <p className="agreement-progress error">{t('agreement.failed', { message: state.message })}</p>;
  return null;
}

/**
 * The Agreement view (CONTRACT.md "Agreement"): scope, every metric of REVIEW.md pairwise, per
 * label and overall, documents by disagreement, label confusion, boundary breakdown, per-annotator
 * numbers and team progress, the two downloads. Computed by the agreement worker; any number
 * that stands for disagreements opens them in the review view.
 */
export function AgreementView() {
  const t = useT();
  const project = useProject();
  const projectId = useWorkbench((state) => state.projectId);
  const annotators = useKnownAnnotators();
  const choice = useWorkbench((state) => state.comparedChoice);
  const statuses = useWorkbench((state) => state.agreementStatuses);
  const onlyLabels = useWorkbench((state) => state.agreementLabels);
  const compared = useMemo(() => comparedOf(annotators, choice), [annotators, choice]);
  const projectLabels = useMemo(() => project?.labels.map((label) => label.name) ?? [], [project]);
  const question = useMemo(
    () =>
      projectId === null || !project
        ? null
        : { projectId, project: project.name, annotators: compared, statuses: statuses ? [...statuses] : null, onlyLabels: onlyLabels ? [...onlyLabels] : null, labels: projectLabels },
    [projectId, project, compared, statuses, onlyLabels, projectLabels],
  );
  const { state, previous } = useAgreement(question);
  const answer = state.phase === 'ready' ? state.answer : previous;
  const report = answer ? answer.report : undefined;
  const scopeLabels = useMemo(() => [...new Set([...projectLabels, ...Object.keys(report?.overall.perLabel ?? {})])], [projectLabels, report]);

  const download = async () => {
    if (!question) return;
    try {
      await downloadDisagreements(question);
    } catch (error) {
      showNotice('error', t('agreement.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  return (
    <main className="editor-pane agreement-view">
      <header className="agreement-header">
        <h1>{t('agreement.title')}</h1>
        <div className="agreement-downloads">
          <button type="button" disabled={!report} onClick={() => report && downloadReport(report, report.project)}>
            {t('agreement.downloadReport')}
          </button>
          <button type="button" disabled={!report || !question} onClick={() => void download()}>
            {t('agreement.downloadDisagreements')}
          </button>
        </div>
      </header>
      <NoticeBar />
      <div className="agreement-body">
        <ScopeControls annotators={annotators.filter((name) => name !== GOLD_ANNOTATOR || choice[name] === true)} compared={compared} labels={scopeLabels} />
        <Progress state={state} />
        {answer && report ? (
          <>
            <p className="note agreement-summary">
              {t('agreement.summary', {
                documents: report.scope.documents,
                annotators: report.scope.annotators.join(', ') || '—',
                readMs: Math.round(answer.readMs),
                computeMs: Math.round(answer.computeMs),
              })}
            </p>
            {report.scope.documents === 0 ? (
              // Nothing to compare: no table of n/a; the Metric select and the (empty) table stay for orientation.
              <>
                <p className="agreement-empty">{t('agreement.empty')}</p>
                <PairwiseTable report={report} />
              </>
            ) : (
              <>
                <PairwiseTable report={report} />
                <OverallNumbers report={report} />
                <LabelTable report={report} />
                <DocumentsTable report={report} />
                <ConfusionTable report={report} />
                <BoundaryTable report={report} />
                <AnnotatorTable report={report} />
              </>
            )}
            {answer.progress.length > 0 ? <TeamProgress progress={answer.progress} labels={project?.labels ?? []} /> : null}
          </>
        ) : null}
        <details className="agreement-help">
          <summary>{t('agreement.help')}</summary>
          <p>{t('agreement.help1')}</p>
          <p>{t('agreement.help2')}</p>
          <p>{t('agreement.help3')}</p>
          <p>{t('agreement.help4')}</p>
          <p>{t('agreement.help5')}</p>
        </details>
      </div>
    </main>
  );
}
