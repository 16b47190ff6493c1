import type { Translate } from './problemMessage';

/** "N spans carry {label}", in the singular for one and while the count is still loading. */
export function spanCountMessage(count: number | undefined, label: string, t: Translate): string {
  if (count === undefined) return t('labels.counting', { label });
  if (count === 0) return t('labels.carryNone', { label });
  if (count === 1) return t('labels.carryOne', { label });
  return t('labels.carryMany', { count, label });
}
