import { useCallback, useEffect, useMemo, useRef } from 'react';
import { GOLD_ANNOTATOR, isOpen } from '../../src/review';
import { openAdjacentDocument } from '../actions/session';
import { setAdjudicated } from '../actions/review';
import { showNotice } from '../actions/notices';
import { afterNextPaint } from '../editor/timingMarks';
import { NoticeBar } from '../editor/NoticeBar';
import { useProject } from '../hooks/data';
import { useOpenDocument, useOpenText } from '../hooks/openText';
import { useKnownAnnotators } from '../hooks/knownAnnotators';
import { CollapsiblePanel } from '../layout/CollapsiblePanel';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';
import { ClustersPanel } from './ClustersPanel';
import { GoldSpanList } from './GoldSpanList';
import { askReviewSummary, useReviewSummary } from './reviewSummary';
import { ReviewText } from './ReviewText';
import { useReviewDocument } from './useReviewDocument';
import { useReviewKeys } from './useReviewKeys';
import { comparedOf, useCompared } from './compared';
import { ReviewFilterChip } from './ReviewFilterChip';
import './review.css';

function ComparedAnnotators() {
  const t = useT();
  const annotators = useKnownAnnotators();
  const choice = useWorkbench((state) => state.comparedChoice);
  const filtered = useWorkbench((state) => state.reviewFilter?.annotators ?? null);
  const compared = new Set(filtered ?? comparedOf(annotators, choice));
  return (
    <fieldset className="compared-annotators" role="group" aria-label={t('review.compared')}>
      <legend>{t('review.compared')}</legend>
      {annotators.map((name) => (
        <label key={name}>
          <input
            type="checkbox"
            checked={compared.has(name)}
            onChange={(event) =>
              // Choosing annotators by hand ends a click-through filter (it fixed who is compared).
              useWorkbench.setState((state) => ({ comparedChoice: { ...state.comparedChoice, [name]: event.target.checked }, focusedClusterId: null, reviewFilter: null }))
            }
          />
          {name}
        </label>
      ))}
    </fieldset>
  );
}

/** performance.mark once the focused cluster is on screen (the bench times J from the key press to it). */
function markClusterFocused(documentId: string, clusterId: string | null): void {
  performance.mark('spanwright:review-cluster-focused', { detail: { documentId, clusterId } });
}

/** The review view: the main pane (text, lanes, controls) and its side panel (clusters, gold spans). */
export function ReviewView() {
  const t = useT();
  const project = useProject();
  const projectId = useWorkbench((state) => state.projectId);
  const documentId = useWorkbench((state) => state.documentId);
  const blind = useWorkbench((state) => state.blind);
  const pending = useWorkbench((state) => state.pendingClusterFocus);
  const document = useOpenDocument();
  const opened = useOpenText();
  const blindName = useCallback((n: number) => t('review.blindName', { n }), [t]);
  const review = useReviewDocument(documentId, blindName);
  const summary = useReviewSummary();
  const labels = useMemo(() => project?.labels ?? [], [project]);
  const compared = useCompared();
  const filter = useWorkbench((state) => state.reviewFilter);
  useReviewKeys(review, labels);

  useEffect(() => {
    if (projectId !== null) askReviewSummary(projectId, compared, filter);
  }, [projectId, compared, filter]);

  // J / K opened this document: focus its first (last) open cluster once it is read.
  useEffect(() => {
    if (!review || pending === null) return;
    const open = review.clusters.filter((cluster) => isOpen(cluster, review.decisions));
    const target = pending === 'first' ? open[0] : open.at(-1);
    useWorkbench.setState({ pendingClusterFocus: null, focusedClusterId: target?.id ?? null });
  }, [review, pending]);

  const focusedId = review?.focused?.id ?? null;
  const marked = useRef<string | null>(null);
  const textShown = review !== undefined && opened?.documentId === review.document.documentId;
  useEffect(() => {
    if (!review || pending !== null || !textShown) return;
    const key = `${review.document.documentId}\u0000${focusedId ?? ''}`;
    if (marked.current === key) return;
    marked.current = key;
    afterNextPaint(() => markClusterFocused(review.document.documentId, focusedId));
  }, [review, focusedId, pending, textShown]);

  const ready = review && opened && opened.documentId === review.document.documentId;
  const goldStatus = review?.document.goldStatus ?? null;
  const done = goldStatus === 'done';
  const lanes = ready ? review.order.map((annotator) => review.document.layers.find((layer) => layer.annotator === annotator)?.spans ?? []) : [];

  const markAll = async () => {
    const closed = summary?.closed ?? [];
    const count = await setAdjudicated(closed, true);
    showNotice('info', t('review.markedAll', { count }));
  };

  return (
    <>
      <main className="editor-pane review-pane">
        <header className="document-header review-header">
          <div className="document-nav">
            <button type="button" onClick={() => openAdjacentDocument(-1)} aria-label={t('previousDocument')} title={t('previousDocument')}>
              ‹
            </button>
            <button type="button" onClick={() => openAdjacentDocument(1)} aria-label={t('nextDocument')} title={t('nextDocument')}>
              ›
            </button>
          </div>
          <h1 className="document-title" title={document?.title}>
            {document?.title ?? ''}
          </h1>
          {goldStatus ? <span className={`status-badge status-${goldStatus}`}>{done ? t('review.adjudicated') : t(`status_${goldStatus}`)}</span> : null}
          <button type="button" className={done ? '' : 'primary'} disabled={!ready} onClick={() => review && void setAdjudicated([review.document.documentId], !done)}>
            {done ? t('review.reopen') : t('review.markDone')}
          </button>
        </header>
        <div className="review-toolbar">
          <ComparedAnnotators />
          <label className="blind-toggle">
            <input type="checkbox" checked={blind} onChange={(event) => useWorkbench.setState({ blind: event.target.checked })} />
            {t('review.blind')}
          </label>
          <span className="review-count">
            {t('review.goldSpanCount')}{' '}
            <span role="note" aria-label={t('review.goldSpanCount')}>
              {review ? review.document.gold.spans.length : 0}
            </span>
          </span>
          <span className="review-count">
            {t('review.openClusters')}{' '}
            <span role="note" aria-label={t('review.openClusters')}>
              {summary ? summary.total : '…'}
            </span>
          </span>
          <button type="button" onClick={() => useWorkbench.setState({ mergeOpen: true })} disabled={projectId === null}>
            {t('merge.open')}…
          </button>
          <button type="button" onClick={() => void markAll()} disabled={!summary || summary.closed.length === 0}>
            {t('review.markAllClosed')}
          </button>
        </div>
        {filter ? <ReviewFilterChip filter={filter} /> : null}
        <NoticeBar />
        {ready ? (
          <>
            <ol className="lane-legend" aria-label={t('review.lanes')}>
              <li className="lane-gold">{t('review.gold')}</li>
              {review.order.map((annotator, index) => (
                <li key={annotator}>
                  <span className="lane-swatch" style={{ marginTop: `${index * 6}px` }} aria-hidden="true" />
                  {`${index + 1} ${review.nameOf(annotator)}`}
                </li>
              ))}
            </ol>
            <ReviewText text={opened.text} gold={review.document.gold.spans} lanes={lanes} focused={review.focused ?? null} labels={labels} />
            <p className="keys-hint">{t('review.keysHint')}</p>
          </>
        ) : (
          <p className="placeholder">{documentId === null ? t('review.noDocument') : ''}</p>
        )}
      </main>
      <CollapsiblePanel panel="side" as="aside" className="side-panel review-side">
        {ready ? (
          <>
            <ClustersPanel review={review} text={opened.text} />
            <GoldSpanList documentId={review.document.documentId} text={opened.text} spans={review.document.gold.spans} labels={labels} nameOf={review.nameOf} />
          </>
        ) : null}
      </CollapsiblePanel>
    </>
  );
}

export { GOLD_ANNOTATOR };
