import type { AgreementReport } from '../../src/review';
import { useT } from '../i18n/useT';
import { formatShare, formatValue } from './format';

/** The whole comparison in a few numbers: pooled F1s with the mean of pairs beside, Fleiss' κ and Krippendorff's α with the share of O. */
export function OverallNumbers({ report }: { report: AgreementReport }) {
  const t = useT();
  const na = t('agreement.na');
  const { overall } = report;
  const value = (name: string, shown: number | null, reason: string | undefined) => (
    <span role="note" aria-label={name} title={reason} className="metric-value">
      {formatValue(shown, na)}
    </span>
  );
  return (
    <section className="agreement-section" aria-labelledby="agreement-overall-heading">
      <h2 id="agreement-overall-heading">{t('agreement.overall')}</h2>
      <dl className="overall-numbers">
        <div>
          <dt>{t('agreement.overallExact')}</dt>
          <dd>
            {value(t('agreement.overallExact'), overall.exactF1, overall.exactF1Reason)}{' '}
            <span className="muted">
              ({t('agreement.meanOfPairs')} {formatValue(overall.exactF1MeanOfPairs, na)})
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('agreement.overallBoundary')}</dt>
          <dd>{value(t('agreement.overallBoundary'), overall.boundaryF1, overall.boundaryF1Reason)}</dd>
        </div>
        <div>
          <dt>{t('agreement.overallOverlap')}</dt>
          <dd>
            {value(t('agreement.overallOverlap'), overall.overlapF1, overall.overlapF1Reason)}{' '}
            <span className="muted">
              ({t('agreement.meanOfPairs')} {formatValue(overall.overlapF1MeanOfPairs, na)})
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('agreement.fleiss')}</dt>
          <dd>{value(t('agreement.fleiss'), overall.fleissKappa, overall.fleissKappaReason)}</dd>
        </div>
        <div>
          <dt>{t('agreement.alpha')}</dt>
          <dd>{value(t('agreement.alpha'), overall.krippendorffAlpha, overall.krippendorffAlphaReason)}</dd>
        </div>
        <div>
          <dt>{t('agreement.untaggedShare')}</dt>
          <dd>{formatShare(overall.untaggedShare, na)}</dd>
        </div>
      </dl>
      <p className="note">{t('agreement.fleissScope', { documents: overall.fleissDocuments, characters: overall.fleissCharacters })}</p>
      <p className="note">{t('agreement.kappaNote')}</p>
    </section>
  );
}
