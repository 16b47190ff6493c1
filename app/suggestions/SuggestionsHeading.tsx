import { useT } from '../i18n/useT';

/** The Suggestions region's heading and count. */
export function Heading({ count }: { count: number }) {
  const t = useT();
  return (
    <div className="panel-heading">
      <h2>{t('suggestions.title')}</h2>
      <span className="suggestion-count" role="note" aria-label={t('suggestions.count')}>
        {count}
      </span>
    </div>
  );
}
