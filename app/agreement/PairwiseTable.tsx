import { useState } from 'react';
import { pairFilter, type AgreementReport, type PairEntry } from '../../src/review';
import { openDisagreements } from '../actions/agreement';
import { useT } from '../i18n/useT';
import { AgreementTable } from './AgreementTable';
import { useWorkbench } from '../store';
import type { ReviewSlice } from '../store/reviewSlice';
import { formatShare, formatValue } from './format';

type Metric = ReviewSlice['agreementMetric'];
const METRICS: readonly Metric[] = ['exactF1', 'boundaryF1', 'overlapF1', 'cohenKappa'];

function countsOf(pair: PairEntry, metric: Metric, t: ReturnType<typeof useT>): string {
  if (metric === 'cohenKappa') {
    return t('agreement.countsKappa', { agreed: pair.counts.agreedCharacters, characters: pair.counts.characters, untagged: formatShare(pair.untaggedShare, t('agreement.na')) });
  }
  const counts = metric === 'exactF1' ? pair.counts.exact : metric === 'boundaryF1' ? pair.counts.boundary : pair.counts.overlap;
  return t('agreement.countsF1', { matches: counts.matches, sizeA: counts.sizeA, sizeB: counts.sizeB, documents: pair.documents });
}

/**
 * The Metric select and the Pairwise agreement table: a row and a column per compared annotator,
 * each cell the pair's value with three decimals (or n/a, its reason in the title), the counts
 * behind it on demand; activating a value opens the review view on that pair's disagreements.
 */
export function PairwiseTable({ report }: { report: AgreementReport }) {
  const t = useT();
  const metric = useWorkbench((state) => state.agreementMetric);
  const [showCounts, setShowCounts] = useState(false);
  const annotators = report.scope.annotators;
  const pairOf = (a: string, b: string) => report.pairs.find((pair) => (pair.a === a && pair.b === b) || (pair.a === b && pair.b === a));
  const na = t('agreement.na');
  return (
    <AgreementTable
      id="agreement-pairwise"
      title={t('agreement.pairwise')}
      className="pairwise"
      controls={
        <div className="agreement-controls">
          <label>
            {t('agreement.metric')}{' '}
            <select value={metric} onChange={(event) => useWorkbench.setState({ agreementMetric: event.target.value as Metric })}>
              {METRICS.map((option) => (
                <option key={option} value={option}>
                  {t(`agreement.metric_${option}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={showCounts} onChange={(event) => setShowCounts(event.target.checked)} />
            {t('agreement.showCounts')}
          </label>
        </div>
      }
    >
      <thead>
        <tr>
          <td />
          {annotators.map((name) => (
            <th key={name} scope="col">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {annotators.map((a) => (
          <tr key={a}>
            <th scope="row">{a}</th>
            {annotators.map((b) => {
              const pair = a === b ? undefined : pairOf(a, b);
              if (!pair) return <td key={b} className="diagonal" aria-hidden={a === b ? 'true' : undefined} />;
              const value = formatValue(pair[metric], na);
              const reason = pair[`${metric}Reason`];
              return (
                <td key={b} className="value-cell">
                  <button
                    type="button"
                    aria-label={t('agreement.cellName', { a, b, value })}
                    title={reason ?? t('agreement.cellTitle', { a, b })}
                    onClick={() => void openDisagreements(pairFilter(pair.a, pair.b))}
                  >
                    {value}
                  </button>
                  {showCounts ? <small className="counts">{countsOf(pair, metric, t)}</small> : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </AgreementTable>
  );
}
