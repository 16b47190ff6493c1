import type { AgreementReport } from '../../src/review';
import { formatRoute } from '../routing/route';
import { useT } from '../i18n/useT';
import { AgreementTable } from './AgreementTable';
import { useWorkbench } from '../store';
import { formatValue } from './format';

/** Rows shown; the report file holds every document. */
const SHOWN = 100;

/** Documents by disagreement, worst first; each links to the review view on that document (no filter). */
export function DocumentsTable({ report }: { report: AgreementReport }) {
  const t = useT();
  const na = t('agreement.na');
  const shown = report.documents.slice(0, SHOWN);
  return (
    <AgreementTable id="agreement-documents" title={t('agreement.documents')} note={t('agreement.documentsNote', { shown: shown.length, total: report.documents.length })}>
      <thead>
        <tr>
          <th scope="col">{t('agreement.document')}</th>
          <th scope="col">{t('agreement.metric_exactF1')}</th>
          <th scope="col">{t('agreement.openClusters')}</th>
          <th scope="col">{t('agreement.annotatorsHere')}</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((document) => (
          <tr key={document.id}>
            <th scope="row">
              {/* A plain link: the router opens the review view on it; a click-through filter would hide its other clusters. */}
              <a href={formatRoute({ view: 'review', documentId: document.id })} onClick={() => useWorkbench.setState({ reviewFilter: null, focusedClusterId: null })}>
                {document.title || document.id}
              </a>
            </th>
            <td title={document.exactF1Reason}>{formatValue(document.exactF1, na)}</td>
            <td>{document.openClusters}</td>
            <td>{document.annotators}</td>
          </tr>
        ))}
      </tbody>
    </AgreementTable>
  );
}
