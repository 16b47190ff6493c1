import type { DisagreementFilter } from '../../src/review';
import { useT } from '../i18n/useT';
import { useWorkbench } from '../store';

/** What a click-through filter from the agreement view shows, in words. */
export function describeFilter(filter: DisagreementFilter, t: ReturnType<typeof useT>): string {
  const who = filter.annotators.join(' × ');
  if (filter.kind === 'label conflict') return t('agreement.filter.confusion', { labels: filter.labels.join(' / '), who });
  if (filter.labels.length > 0) return t('agreement.filter.label', { label: filter.labels.join(', '), who });
  return t('agreement.filter.pair', { who });
}

/**
 * The chip the review view shows while a click-through filter is on: what it is, and a button to
 * clear it (the compared annotators then follow the reviewer's own choice again).
 */
export function ReviewFilterChip({ filter }: { filter: DisagreementFilter }) {
  const t = useT();
  return (
    <div className="review-filter-chip" role="group" aria-label={t('agreement.filter.name')}>
      <span>{describeFilter(filter, t)}</span>
      <button type="button" onClick={() => useWorkbench.setState({ reviewFilter: null, focusedClusterId: null })}>
        {t('agreement.filter.clear')}
      </button>
    </div>
  );
}
