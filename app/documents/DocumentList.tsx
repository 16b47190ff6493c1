import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { getAnnotations, getDocuments } from '../../src/db';
import { openDocument } from '../actions/session';
import { afterNextPaint } from '../editor/timingMarks';
import { usePaintedDocument } from '../editor/paintedDocument';
import { statusShownBefore, useOpenStatus } from '../hooks/openAnnotation';
import { prefetchOpening } from '../hooks/openingRead';
import { useT } from '../i18n/useT';
import { useReviewSummary } from '../review/reviewSummary';
import { useWorkbench } from '../store';
import { markDocumentsFiltered, type FilteredDetail } from './filteredMark';
import { listAnnotator } from './listAnnotator';
import { SearchSnippet } from './SearchSnippet';
import { useSearchSnippets } from './useSearchSnippets';

const ROW_HEIGHT = 44;
/** While searching, each entry has a second line: where the query occurs in its text. */
const ROW_HEIGHT_WITH_SNIPPET = 64;

interface DocumentListProps {
  documentIds: readonly string[];
  /** The list scrolls back to the top when this changes (the filters did). */
  scrollKey: string;
  /** Marked `documents-filtered` once painted with the visible titles; null while a result is pending. */
  report: FilteredDetail | null;
}

/** Keys that move focus within the list, and where to. */
function targetIndex(key: string, from: number, count: number, page: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, from + 1);
    case 'ArrowUp':
      return Math.max(0, from - 1);
    case 'PageDown':
      return Math.min(count - 1, from + page);
    case 'PageUp':
      return Math.max(0, from - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * The Documents navigation: virtualised, so 100,000 entries cost as much as the dozen on screen,
 * and only the visible entries' rows are read. Each entry's name starts with the document's title
 * and says its status for this annotator. One entry is in the Tab order (roving tabindex); arrow
 * keys, Page Up/Down and Home/End move between entries.
 */
export function DocumentList({ documentIds, scrollKey, report }: DocumentListProps) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  // Whose statuses the entries show: the Annotator filter's, else this browser's annotator.
  // In the review view, the gold layer's (done: adjudicated).
  const annotator = useWorkbench((state) => (state.view === 'review' ? 'gold' : listAnnotator(state.documentFilters, state.annotator)));
  const ownStatuses = useWorkbench((state) => state.view !== 'review' && listAnnotator(state.documentFilters, state.annotator) === state.annotator);
  const currentId = useWorkbench((state) => state.documentId);
  // In the review view each entry also says how many clusters are open there.
  const reviewing = useWorkbench((state) => state.view === 'review');
  const summary = useReviewSummary();
  // Remembered with the filters it was focused under: after a filter change, index 3 is another document.
  const [focused, setFocused] = useState<{ scrollKey: string; index: number } | null>(null);
  const query = useWorkbench((state) => state.documentFilters.text.trim());
  const rowHeight = query === '' ? ROW_HEIGHT : ROW_HEIGHT_WITH_SNIPPET;
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's API is the documented way to use it.
  const virtualizer = useVirtualizer({
    count: documentIds.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);
  const items = virtualizer.getVirtualItems();
  const visibleIds = items.map((item) => documentIds[item.index] ?? '');
  // Whose statuses are part of the key: the list is ready when the right annotator's are in.
  const key = `${annotator}\u0001${visibleIds.join(',')}`;
  // The open document's status comes from the layer the editor already holds. Reading it here
  // too would make every span edit re-read its (possibly 5,000-span) row just for a status.
  // Another annotator's layer on it is read like any other entry's: this browser's edits leave it be.
  // The document left out is the one the editor has painted: the list is read again once a newly
  // opened document is on screen, not at the click, where its reads would hold up the open's own.
  // Until then the document open before shows the status the editor last showed for it.
  const openStatus = useOpenStatus();
  const painted = usePaintedDocument();
  const fromEditor = ownStatuses ? painted : null;
  const rows = useLiveQuery(async () => {
    const others = visibleIds.filter((id) => id !== fromEditor);
    const [documents, annotations] = await Promise.all([getDocuments(visibleIds), getAnnotations(others, annotator)]);
    const statuses = new Map(others.map((id, i) => [id, annotations[i]?.status ?? 'new']));
    const byId = new Map(documents.flatMap((document) => (document ? [[document.id, { document, status: statuses.get(document.id) }] as const] : [])));
    return { key, byId };
  }, [key, annotator, fromEditor]);
  const ready = rows?.key === key;
  const snippets = useSearchSnippets(visibleIds, query);

  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [scrollKey, virtualizer]);

  const marked = useRef<FilteredDetail | null>(null);
  useEffect(() => {
    if (report === null || !ready || marked.current === report) return;
    marked.current = report;
    afterNextPaint(() => markDocumentsFiltered(report));
  }, [report, ready]);

  const currentIndex = useMemo(() => (currentId === null ? -1 : documentIds.indexOf(currentId)), [documentIds, currentId]);
  const preferred = focused?.scrollKey === scrollKey && focused.index < documentIds.length ? focused.index : currentIndex;
  const tabbable = items.some((item) => item.index === preferred) ? preferred : items[0]?.index;

  const focusEntry = (index: number) => {
    setFocused({ scrollKey, index });
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // The entry may be rendered only after the scroll: look for it over the next few frames.
    let frames = 0;
    const focus = () => {
      const button = scrollRef.current?.querySelector<HTMLButtonElement>(`button[data-index="${index}"]`);
      if (button) button.focus();
      else if (frames++ < 6) requestAnimationFrame(focus);
    };
    focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!(event.target instanceof HTMLButtonElement) || event.altKey || event.ctrlKey || event.metaKey) return;
    const from = Number(event.target.dataset.index);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    const to = targetIndex(event.key, from, documentIds.length, page);
    if (to === null || Number.isNaN(from)) return;
    event.preventDefault();
    focusEntry(to);
  };

  return (
    <div ref={scrollRef} className="document-list-scroll">
      <ul className="document-list" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
        {items.map((item) => {
          const id = documentIds[item.index] ?? '';
          const row = rows?.byId.get(id);
          const own = ownStatuses && id === currentId ? openStatus : undefined;
          const status = own ?? row?.status ?? (ownStatuses ? statusShownBefore(id, annotator) : undefined) ?? 'new';
          const snippet = snippets.get(id);
          return (
            <li
              key={id}
              className="document-list-item"
              style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
              // Only the entries on screen exist: each says where it stands in the whole list.
              aria-setsize={documentIds.length}
              aria-posinset={item.index + 1}
            >
              <button
                type="button"
                className={id === currentId ? 'document-entry current' : 'document-entry'}
                aria-current={id === currentId ? 'page' : undefined}
                tabIndex={item.index === tabbable ? 0 : -1}
                data-index={item.index}
                onFocus={() => setFocused({ scrollKey, index: item.index })}
                onPointerDown={() => prefetchOpening(id)}
                onClick={() => openDocument(id)}
              >
                <span className="document-entry-main">
                  <span className="document-entry-title" title={row?.document.title}>
                    {row?.document.title ?? '…'}
                  </span>{' '}
                  {snippet ? <SearchSnippet snippet={snippet} /> : null}
                </span>{' '}
                {reviewing && summary && (summary.byDocument[id] ?? 0) > 0 ? (
                  <span className="open-cluster-count">{t('review.openClustersHere', { count: summary.byDocument[id] ?? 0 })}</span>
                ) : null}
                <span className={`status-dot status-${status}`}>{t(`status_${status}`)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
