import type { DocumentStatus } from '../../src/core/types';
import type { DocumentRow } from '../../src/db';
import { openAdjacentDocument, openNextNotDone, toggleDone } from '../actions/session';
import { useT } from '../i18n/useT';
import { DocumentPosition } from './DocumentPosition';

export function DocumentHeader({ document, status }: { document: DocumentRow; status: DocumentStatus }) {
  const t = useT();
  const done = status === 'done';
  return (
    <header className="document-header">
      <div className="document-nav">
        <button type="button" onClick={() => openAdjacentDocument(-1)} aria-label={t('previousDocument')} title={t('previousDocument')}>
          ‹
        </button>
        <button type="button" onClick={() => openAdjacentDocument(1)} aria-label={t('nextDocument')} title={t('nextDocument')}>
          ›
        </button>
        <button type="button" onClick={openNextNotDone}>
          {t('nextNotDone')}
        </button>
      </div>
      <DocumentPosition documentId={document.id} />
      <h1 className="document-title" title={document.title}>
        {document.title}
      </h1>
      <span className={`status-badge status-${status}`}>{t(`status_${status}`)}</span>
      <button type="button" className={done ? '' : 'primary'} onClick={() => toggleDone(!done)}>
        {done ? t('markNotDone') : t('markDone')}
      </button>
    </header>
  );
}
