import { listDocumentIds, onDocumentsChanged } from '../../src/db';
import { numberFormat } from '../i18n/numbers';
import { CollapsiblePanel } from '../layout/CollapsiblePanel';
import { onDemand } from '../layout/onDemand';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';
import './documents.css';
import { EmptyWorkspace } from './EmptyWorkspace';
import { listAnnotator } from './listAnnotator';
import { onFilterAnswersChanged, searchWorker } from './searchClient';
import { useRefreshingQuery } from './useRefreshingQuery';

/**
 * The list itself (virtualised, with its filters and search) loads once there are documents to
 * list: a first visit's workspace is empty, so its first screen does without that code.
 */
const FilteredDocumentList = onDemand(async () => (await import('./FilteredDocumentList')).FilteredDocumentList);

export function DocumentsPanel() {
  const t = useT();
  const projectId = useWorkbench((state) => state.projectId);
  const current = useWorkbench((state) => state.annotator);
  // The Annotator filter's annotator when it names one: the list shows that person's statuses.
  const annotator = useWorkbench((state) => listAnnotator(state.documentFilters, state.annotator));
  const language = useWorkbench((state) => state.language);
  const number = numberFormat(language);
  const importing = useWorkbench((state) => state.importPhase === 'running');
  // 100,000 keys: read outside a liveQuery (see useRefreshingQuery), again whenever documents
  // change, except while this tab imports (once when it ends).
  const ids = useRefreshingQuery(projectId ?? '', projectId === null ? null : () => listDocumentIds(projectId), onDocumentsChanged, importing);
  const documentIds = ids !== undefined && ids.key === projectId ? ids.value : undefined;
  // Counted by the search worker from the answer it keeps for the filter: no read per edit.
  // Only shown beside documents: an empty workspace leaves the worker (and its code) unstarted.
  const doneKey = `${projectId ?? ''}\u0001${annotator}`;
  const anyDocument = documentIds !== undefined && documentIds.length > 0;
  const done = useRefreshingQuery(
    doneKey,
    projectId === null || !anyDocument ? null : () => searchWorker().count(projectId, { kind: 'status', annotator, status: 'done' }),
    onFilterAnswersChanged,
    importing,
  );

  return (
    <CollapsiblePanel panel="documents" as="nav" className="documents-panel" label={t('documents')} defaultOpen={documentIds?.length === 0}>
      <div className="panel-heading">
        <h2>{t('documents')}</h2>
        {anyDocument ? (
          <span className="progress-text">
            {/* Another annotator's count is not shown under this one's name, even for a moment. */}
            {done?.key === doneKey
              ? t(annotator === current ? 'progressDone' : 'progressDoneBy', { annotator, done: number.format(done.value), total: number.format(documentIds.length) })
              : null}
          </span>
        ) : null}
      </div>
      {projectId === null || documentIds === undefined ? null : documentIds.length === 0 ? (
        <EmptyWorkspace />
      ) : (
        <FilteredDocumentList projectId={projectId} documentIds={documentIds} />
      )}
    </CollapsiblePanel>
  );
}
