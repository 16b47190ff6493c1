import type { Cluster, Decision } from '../../src/review';
import { decideOne } from '../actions/review';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';
import type { ReviewState } from './useReviewDocument';

function CandidateRow({ documentId, text, candidate, decision, nameOf, position, of }: {
  documentId: string;
  text: string;
  candidate: Cluster['candidates'][number];
  decision: Decision | undefined;
  nameOf: (annotator: string) => string;
  /** 1-based place among the cluster's candidates, and how many there are. */
  position: number;
  of: number;
}) {
  const t = useT();
  const names = candidate.votes.map(nameOf).sort().join(', ');
  const object = `${candidate.label}: ${text.slice(candidate.start, candidate.end)}`;
  // Each candidate's buttons name it: a list of identical "Accept" buttons says nothing to a screen reader.
  const accept = t('a11y.actionOn', { action: t('review.accept'), object });
  const reject = t('a11y.actionOn', { action: t('review.reject'), object });
  return (
    <li className={`candidate decision-${decision?.state ?? 'open'}`} aria-setsize={of} aria-posinset={position}>
      <span className="candidate-text">{object}</span>
      <span className="candidate-votes">{` (${t('review.by', { names })})`}</span>
      <span className="candidate-decision">{` ${decision ? t(decision.state === 'accepted' ? 'review.accepted' : 'review.rejected') : t('review.undecided')} `}</span>
      <button type="button" aria-label={accept} aria-pressed={decision?.state === 'accepted'} onClick={() => void decideOne(documentId, candidate, 'accepted')}>
        {t('review.accept')}
      </button>
      <button type="button" aria-label={reject} aria-pressed={decision?.state === 'rejected'} onClick={() => void decideOne(documentId, candidate, 'rejected')}>
        {t('review.reject')}
      </button>
    </li>
  );
}

/** The Clusters region: the open document's clusters in text order, the focused one marked. */
export function ClustersPanel({ review, text }: { review: ReviewState; text: string }) {
  const t = useT();
  const { document, clusters, decisions, focused, nameOf } = review;
  return (
    <section className="clusters-panel" aria-label={t('review.clusters')}>
      <div className="panel-heading">
        <h2>{t('review.clusters')}</h2>
        <span className="progress-text">{t('review.openClustersHere', { count: review.open })}</span>
      </div>
      {clusters.length === 0 ? <p className="placeholder">{t('review.noClusters')}</p> : null}
      <ol className="cluster-list">
        {clusters.map((cluster, index) => {
          const isFocused = cluster.id === focused?.id;
          const open = cluster.candidates.some((candidate) => !decisions.has(candidate.key));
          return (
            <li
              key={cluster.id}
              className={`cluster${isFocused ? ' focused' : ''}${open ? ' open' : ' closed'}`}
              aria-current={isFocused ? 'true' : undefined}
              // Like every list entry of the workbench, each says where it stands in the whole list.
              aria-setsize={clusters.length}
              aria-posinset={index + 1}
              ref={isFocused ? (element) => element?.scrollIntoView({ block: 'nearest' }) : undefined}
            >
              <button type="button" className="cluster-head" onClick={() => useWorkbench.setState({ focusedClusterId: cluster.id })}>
                <span className="cluster-range">{`${text.slice(cluster.start, cluster.end)} `}</span>
                <span className="cluster-kinds">{cluster.kinds.map((kind) => t(`review.kind_${kind}`)).join(', ')}</span>
              </button>
              <ul>
                {cluster.candidates.map((candidate, at) => (
                  <CandidateRow
                    key={candidate.key}
                    documentId={document.documentId}
                    text={text}
                    candidate={candidate}
                    decision={decisions.get(candidate.key)}
                    nameOf={nameOf}
                    position={at + 1}
                    of={cluster.candidates.length}
                  />
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
