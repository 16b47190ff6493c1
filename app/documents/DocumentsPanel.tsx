import { useLiveQuery } from 'dexie-react-hooks';
import { documentIdsWithStatus, listDocumentIds } from '../../src/db/documents';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';
import { DocumentList } from './DocumentList';
import { EmptyWorkspace } from './EmptyWorkspace';

export function DocumentsPanel() {
  const t = useT();
  const projectId = useWorkbench((state) => state.projectId);
  const annotator = useWorkbench((state) => state.annotator);
  const documentIds = useLiveQuery(async () => (projectId === null ? undefined : listDocumentIds(projectId)), [projectId]);
  const done = useLiveQuery(
    async () => (projectId === null ? 0 : (await documentIdsWithStatus(projectId, annotator, ['done'])).size),
    [projectId, annotator],
  );

  return (
    <nav className="documents-panel" aria-label={t('documents')}>
      <div className="panel-heading">
        <h2>{t('documents')}</h2>
        {documentIds && documentIds.length > 0 ? (
          <span className="progress-text">{t('progressDone', { done: done ?? 0, total: documentIds.length })}</span>
        ) : null}
      </div>
      {documentIds === undefined ? null : documentIds.length === 0 ? <EmptyWorkspace /> : <DocumentList documentIds={documentIds} />}
    </nav>
  );
}
