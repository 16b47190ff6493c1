import type { AgreementReport } from '../../src/review';
import { useT } from '../i18n/useT';
import { AgreementTable } from './AgreementTable';
import { formatValue } from './format';

/** Per annotator: spans in scope, and against gold (adjudicated documents) precision, recall, F1, missed, extra. */
export function AnnotatorTable({ report }: { report: AgreementReport }) {
  const t = useT();
  const na = t('agreement.na');
  return (
    <AgreementTable id="agreement-annotators" title={t('agreement.perAnnotator')} note={t('agreement.perAnnotatorNote')}>
      <thead>
        <tr>
          <th scope="col">{t('agreement.annotator')}</th>
          <th scope="col">{t('agreement.spans')}</th>
          <th scope="col">{t('agreement.goldDocuments')}</th>
          <th scope="col">{t('agreement.precision')}</th>
          <th scope="col">{t('agreement.recall')}</th>
          <th scope="col">{t('agreement.f1')}</th>
          <th scope="col">{t('agreement.missed')}</th>
          <th scope="col">{t('agreement.extra')}</th>
        </tr>
      </thead>
      <tbody>
        {report.annotators.map((entry) => {
          const gold = report.againstGold.find((candidate) => candidate.annotator === entry.annotator);
          const adjudicated = (gold?.documents ?? 0) > 0;
          return (
            <tr key={entry.annotator}>
              <th scope="row">{entry.annotator}</th>
              <td>{entry.spans}</td>
              <td>{gold?.documents ?? 0}</td>
              <td title={gold?.precisionReason}>{formatValue(gold?.precision, na)}</td>
              <td title={gold?.recallReason}>{formatValue(gold?.recall, na)}</td>
              <td title={gold?.f1Reason}>{formatValue(gold?.f1, na)}</td>
              <td>{adjudicated ? gold?.missed : na}</td>
              <td>{adjudicated ? gold?.extra : na}</td>
            </tr>
          );
        })}
      </tbody>
    </AgreementTable>
  );
}
