import type { AgreementReport, BoundaryBreakdown } from '../../src/review';
import { useT } from '../i18n/useT';

const COLUMNS = ['differing', 'startsEarlier', 'startsLater', 'endsEarlier', 'endsLater', 'nested'] as const satisfies readonly (keyof BoundaryBreakdown)[];

/** How each pair's boundaries differ (B's span against A's, over the overlap matching). */
export function BoundaryTable({ report }: { report: AgreementReport }) {
  const t = useT();
  return (
    <section className="agreement-section" aria-labelledby="agreement-boundary-heading">
      <h2 id="agreement-boundary-heading">{t('agreement.boundary')}</h2>
      <p className="note">{t('agreement.boundaryNote')}</p>
      <div className="table-scroll">
        <table className="agreement-table" aria-label={t('agreement.boundary')}>
          <thead>
            <tr>
              <th scope="col">{t('agreement.pair')}</th>
              {COLUMNS.map((column) => (
                <th key={column} scope="col">
                  {t(`agreement.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.pairs.map((pair) => (
              <tr key={`${pair.a}\u0000${pair.b}`}>
                <th scope="row">{`${pair.a} → ${pair.b}`}</th>
                {COLUMNS.map((column) => (
                  <td key={column}>{pair.boundaryBreakdown[column]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
