import type { AgreementReport } from '../../src/review';
import { useT } from '../i18n/useT';
import { formatShare, formatValue } from './format';

interface FigureProps {
  /** The term, which also names the value for screen readers. */
  name: string;
  shown: number | null;
  /** Why the value is n/a, when it is. */
  reason: string | undefined;
  /** The mean of the pairs' values, said beside a pooled one. */
  meanOfPairs?: number | null;
}

function Figure({ name, shown, reason, meanOfPairs }: FigureProps) {
  const t = useT();
  const na = t('agreement.na');
  return (
    <div>
      <dt>{name}</dt>
      <dd>
        <span role="note" aria-label={name} title={reason} className="metric-value">
          {formatValue(shown, na)}
        </span>
        {meanOfPairs !== undefined ? (
          <>
            {' '}
            <span className="muted">
              ({t('agreement.meanOfPairs')} {formatValue(meanOfPairs, na)})
            </span>
          </>
        ) : null}
      </dd>
    </div>
  );
}

/** The whole comparison in a few numbers: pooled F1s with the mean of pairs beside, Fleiss' κ and Krippendorff's α with the share of O. */
export function OverallNumbers({ report }: { report: AgreementReport }) {
  const t = useT();
  const { overall } = report;
  return (
    <section className="agreement-section" aria-labelledby="agreement-overall-heading">
      <h2 id="agreement-overall-heading">{t('agreement.overall')}</h2>
      <dl className="overall-numbers">
        <Figure name={t('agreement.overallExact')} shown={overall.exactF1} reason={overall.exactF1Reason} meanOfPairs={overall.exactF1MeanOfPairs} />
        <Figure name={t('agreement.overallBoundary')} shown={overall.boundaryF1} reason={overall.boundaryF1Reason} />
        <Figure name={t('agreement.overallOverlap')} shown={overall.overlapF1} reason={overall.overlapF1Reason} meanOfPairs={overall.overlapF1MeanOfPairs} />
        <Figure name={t('agreement.fleiss')} shown={overall.fleissKappa} reason={overall.fleissKappaReason} />
        <Figure name={t('agreement.alpha')} shown={overall.krippendorffAlpha} reason={overall.krippendorffAlphaReason} />
        <div>
          <dt>{t('agreement.untaggedShare')}</dt>
          <dd>{formatShare(overall.untaggedShare, t('agreement.na'))}</dd>
        </div>
      </dl>
      <p className="note">{t('agreement.fleissScope', { documents: overall.fleissDocuments, characters: overall.fleissCharacters })}</p>
      <p className="note">{t('agreement.kappaNote')}</p>
    </section>
  );
}
