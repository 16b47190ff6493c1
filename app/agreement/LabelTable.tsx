import { labelFilter, type AgreementReport } from '../../src/review';
import { openDisagreements } from '../actions/agreement';
import { useT } from '../i18n/useT';
import { AgreementTable } from './AgreementTable';
import { formatValue } from './format';

/** Agreement per label: exact span F1 pooled over pairs, with its counts; a label opens its disagreements in review. */
export function LabelTable({ report }: { report: AgreementReport }) {
  const t = useT();
  const na = t('agreement.na');
  const pairs = report.pairs;
  return (
    <AgreementTable id="agreement-labels" title={t('agreement.perLabel')}>
      <thead>
        <tr>
          <th scope="col">{t('agreement.label')}</th>
          <th scope="col">{t('agreement.metric_exactF1')}</th>
          <th scope="col">{t('agreement.matches')}</th>
          <th scope="col">{t('agreement.spans')}</th>
          {pairs.map((pair) => (
            <th key={`${pair.a}\u0000${pair.b}`} scope="col">{`${pair.a} × ${pair.b}`}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Object.entries(report.overall.perLabel).map(([label, entry]) => (
          <tr key={label}>
            <th scope="row">
              <button type="button" className="link-button" aria-label={t('agreement.labelButton', { label })} onClick={() => void openDisagreements(labelFilter(report.scope.annotators, label))}>
                {label}
              </button>
            </th>
            <td title={entry.exactF1Reason}>{formatValue(entry.exactF1, na)}</td>
            <td>{entry.matches}</td>
            <td>{entry.spans}</td>
            {pairs.map((pair) => {
              const perPair = pair.perLabel[label];
              return (
                <td key={`${pair.a}\u0000${pair.b}`} title={perPair?.exactF1Reason}>
                  {formatValue(perPair?.exactF1, na)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </AgreementTable>
  );
}
