import type { AgreementReport, BoundaryBreakdown } from '../../src/review';
import { useT } from '../i18n/useT';
import { AgreementTable } from './AgreementTable';

const COLUMNS = ['differing', 'startsEarlier', 'startsLater', 'endsEarlier', 'endsLater', 'nested'] as const satisfies readonly (keyof BoundaryBreakdown)[];

/** How each pair's boundaries differ (B's span against A's, over the overlap matching). */
export function BoundaryTable({ report }: { report: AgreementReport }) {
  const t = useT();
  return (
    <AgreementTable id="agreement-boundary" title={t('agreement.boundary')} note={t('agreement.boundaryNote')}>
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
    </AgreementTable>
  );
}
