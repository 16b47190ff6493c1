import { compareStrings, confusionFilter, type AgreementReport } from '../../src/review';
import { openDisagreements } from '../actions/agreement';
import { useT } from '../i18n/useT';
import { AgreementTable } from './AgreementTable';

/** Same-offset label conflicts summed over pairs, as an unordered label × label matrix. */
function confusionCounts(report: AgreementReport): { labels: string[]; count: (x: string, y: string) => number } {
  const counts = new Map<string, number>();
  const key = (x: string, y: string) => (compareStrings(x, y) <= 0 ? `${x}\u0000${y}` : `${y}\u0000${x}`);
  for (const pair of report.pairs) for (const entry of pair.labelConfusion) counts.set(key(entry.labelA, entry.labelB), (counts.get(key(entry.labelA, entry.labelB)) ?? 0) + entry.count);
  const labels = [...new Set([...counts.keys()].flatMap((entry) => entry.split('\u0000')))].sort(compareStrings);
  return { labels, count: (x, y) => counts.get(key(x, y)) ?? 0 };
}

/** The label confusion table; a count opens those conflicts in the review view. */
export function ConfusionTable({ report }: { report: AgreementReport }) {
  const t = useT();
  const { labels, count } = confusionCounts(report);
  return (
    <AgreementTable
      id="agreement-confusion"
      title={t('agreement.confusion')}
      note={t('agreement.confusionNote')}
      empty={labels.length === 0 ? t('agreement.noConfusion') : undefined}
    >
      <thead>
        <tr>
          <td />
          {labels.map((label) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {labels.map((x) => (
          <tr key={x}>
            <th scope="row">{x}</th>
            {labels.map((y) => {
              const n = count(x, y);
              return (
                <td key={y}>
                  {n > 0 && x !== y ? (
                    <button type="button" aria-label={t('agreement.confusionCell', { a: x, b: y, count: n })} onClick={() => void openDisagreements(confusionFilter(report.scope.annotators, x, y))}>
                      {n}
                    </button>
                  ) : (
                    <span className="muted">{x === y ? '' : '0'}</span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </AgreementTable>
  );
}
