import { useMemo, useSyncExternalStore } from 'react';
import { listedDocuments, subscribeListedDocuments } from '../documents/listedDocuments';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';
import { positionOf } from './documentPosition';

/** "12 / 35" in the document header, named Position, numbers in the UI language's digits grouping. */
export function DocumentPosition({ documentId }: { documentId: string }) {
  const t = useT();
  const language = useWorkbench((state) => state.language);
  const listed = useSyncExternalStore(subscribeListedDocuments, listedDocuments);
  // indexOf over up to 100,000 ids: only when the list or the open document changes.
  const position = useMemo(() => positionOf(listed, documentId), [listed, documentId]);
  const number = useMemo(() => new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-US'), [language]);
  if (position === null) return null;
  return (
    <span
      className="document-position"
      role="note"
      aria-label={t('documentPosition')}
      title={t(position.filtered ? 'positionInFiltered' : 'positionInProject')}
    >
      {t('positionOf', { index: number.format(position.index), total: number.format(position.total) })}
    </span>
  );
}
