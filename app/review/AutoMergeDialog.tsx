import { useEffect, useState } from 'react';
import type { MergePreview, MergeStrategy } from '../../src/review';
import { showNotice } from '../actions/notices';
import { writeAutoMerge } from '../actions/review';
import { useT } from '../i18n/useT';
import { useModalDialog } from '../layout/useModalDialog';
import { useWorkbench } from '../store';
import { useCompared } from './compared';
import { computeMerge, previewMerge } from './reviewSummary';

type StrategyKind = MergeStrategy['kind'];

/**
 * Auto-merge: choose a strategy, see what it would do (computed by the review worker over the whole
 * project), then write it. Decided candidates are never changed, unless the reviewer ticks
 * "Discard earlier decisions" and confirms.
 */
export function AutoMergeDialog() {
  const t = useT();
  const dialogRef = useModalDialog();
  const projectId = useWorkbench((state) => state.projectId);
  const reviewer = useWorkbench((state) => state.annotator);
  const compared = useCompared();
  const [kind, setKind] = useState<StrategyKind>('threshold');
  const [minVotes, setMinVotes] = useState(2);
  const [minShare, setMinShare] = useState(0.5);
  const [rejectOthers, setRejectOthers] = useState(true);
  const [discard, setDiscard] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<{ key: string; value: MergePreview & { acceptingDocuments: number } } | null>(null);
  const [busy, setBusy] = useState(false);

  const strategy: MergeStrategy = kind === 'threshold' ? { kind, minVotes, minShare } : { kind };
  const key = JSON.stringify({ projectId, strategy, compared, rejectOthers, discard });

  useEffect(() => {
    if (projectId === null) return;
    const asked = JSON.parse(key) as { strategy: MergeStrategy; compared: string[]; rejectOthers: boolean; discard: boolean };
    let live = true;
    void previewMerge(projectId, { strategy: asked.strategy, annotators: asked.compared, rejectOthers: asked.rejectOthers, discardDecisions: asked.discard, reviewer, at: 0 })
      .then((value) => {
        if (live) setResult({ key, value });
      });
    return () => {
      live = false;
    };
  }, [key, projectId, reviewer]);

  const close = () => useWorkbench.setState({ mergeOpen: false });
  const current = result?.key === key ? result.value : null;
  const acceptedDocuments = current?.acceptingDocuments ?? 0;

  const merge = async () => {
    if (projectId === null || !current) return;
    if (discard && !confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    try {
      // Computed again on the project as it is now (decisions taken since the preview are kept), stamped now.
      const asked = JSON.parse(key) as { strategy: MergeStrategy; compared: string[]; rejectOthers: boolean; discard: boolean };
      const result = await computeMerge(projectId, { strategy: asked.strategy, annotators: asked.compared, rejectOthers: asked.rejectOthers, discardDecisions: asked.discard, reviewer, at: Date.now() });
      await writeAutoMerge(projectId, result.documents);
      showNotice('info', t('merge.merged', { spans: result.preview.spansAccepted }));
      close();
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialogRef} className="dialog merge-dialog" aria-labelledby="merge-title" onCancel={(event) => { event.preventDefault(); close(); }}>
      <h2 id="merge-title">{t('merge.title')}</h2>
      <fieldset className="dialog-field" role="radiogroup" aria-label={t('merge.strategy')}>
        <legend>{t('merge.strategy')}</legend>
        {(['unanimous', 'agreement-among-present', 'threshold'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="merge-strategy" checked={kind === value} onChange={() => setKind(value)} />
            {t(value === 'unanimous' ? 'merge.unanimous' : value === 'threshold' ? 'merge.threshold' : 'merge.agreement')}
          </label>
        ))}
      </fieldset>
      <label className="dialog-field">
        {t('merge.minVotes')}
        <input type="number" min={1} max={99} step={1} value={minVotes} disabled={kind !== 'threshold'} onChange={(event) => setMinVotes(Math.max(1, Math.round(Number(event.target.value) || 1)))} />
      </label>
      <label className="dialog-field">
        {t('merge.minShare')}
        <input type="number" min={0} max={1} step={0.05} value={minShare} disabled={kind !== 'threshold'} onChange={(event) => setMinShare(Math.min(1, Math.max(0, Number(event.target.value) || 0)))} />
      </label>
      <label className="dialog-check">
        <input type="checkbox" checked={rejectOthers} onChange={(event) => setRejectOthers(event.target.checked)} />
        {t('merge.rejectOthers')}
      </label>
      <label className="dialog-check">
        <input type="checkbox" checked={discard} onChange={(event) => { setDiscard(event.target.checked); setConfirming(false); }} />
        {t('merge.discard')}
      </label>
      {discard ? <p className="dialog-warning">{t('merge.discardWarning')}</p> : null}
      <p role="status" className="merge-preview">
        {current ? t('merge.preview', { spans: current.spansAccepted, documents: acceptedDocuments }) : t('merge.computing')}
      </p>
      {current && current.spansRejected > 0 ? <p className="merge-preview-more">{t('merge.previewRejects', { count: current.spansRejected })}</p> : null}
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          {t('cancel')}
        </button>
        <button type="button" className="primary" disabled={!current || busy} onClick={() => void merge()}>
          {confirming ? t('merge.confirmDiscard', { count: current?.decisionsDiscarded ?? 0 }) : t('merge.merge')}
        </button>
      </div>
    </dialog>
  );
}
