import { useT } from '../i18n/useT';

/**
 * The Spans region's heading, count and empty-list note: the list's own, and the stand-in the
 * side panel shows while the list's (virtualised) code loads.
 */
export function SpanListHeading({ count }: { count: number }) {
  const t = useT();
  return (
    <>
      <div className="panel-heading">
        <h2>{t('spans')}</h2>
        <span className="span-count" role="note" aria-label={t('spanCount')}>
          {count}
        </span>
      </div>
      {count === 0 ? <p className="placeholder">{t('noSpans')}</p> : null}
    </>
  );
}
