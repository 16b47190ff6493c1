import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef } from 'react';
import { getAnnotations } from '../../src/db/annotations';
import { getDocuments } from '../../src/db/documents';
import { openDocument } from '../actions/session';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';

const ROW_HEIGHT = 44;

/**
 * The Documents navigation: virtualised, so 100,000 entries cost as much as the dozen on screen.
 * Each entry's name starts with the document's title and says its status for this annotator.
 */
export function DocumentList({ documentIds }: { documentIds: readonly string[] }) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const annotator = useWorkbench((state) => state.annotator);
  const currentId = useWorkbench((state) => state.documentId);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's API is the documented way to use it.
  const virtualizer = useVirtualizer({
    count: documentIds.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const visibleIds = items.map((item) => documentIds[item.index] ?? '');
  const key = visibleIds.join(',');
  const rows = useLiveQuery(async () => {
    const [documents, annotations] = await Promise.all([getDocuments(visibleIds), getAnnotations(visibleIds, annotator)]);
    return new Map(documents.flatMap((document, i) => (document ? [[document.id, { document, status: annotations[i]?.status ?? 'new' }] as const] : [])));
  }, [key, annotator]);

  return (
    <div ref={scrollRef} className="document-list-scroll">
      <ul className="document-list" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const id = documentIds[item.index] ?? '';
          const row = rows?.get(id);
          const status = row?.status ?? 'new';
          return (
            <li key={id} className="document-list-item" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
              <button
                type="button"
                className={id === currentId ? 'document-entry current' : 'document-entry'}
                aria-current={id === currentId ? 'page' : undefined}
                onClick={() => openDocument(id)}
              >
                <span className="document-entry-title">{row?.document.title ?? '…'}</span>
                <span className={`status-dot status-${status}`}>{t(`status_${status}`)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
