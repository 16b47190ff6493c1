import type { Translate } from './problemMessage';

/** "N spans carry {label}" (singular for one, by count.ts), "No spans…" for none, and a note while counting. */
export function spanCountMessage(count: number | undefined, label: string, t: Translate): string {
  if (count === undefined) return t('labels.counting', { label });
  if (count === 0) return t('labels.carryNone', { label });
  return t('labels.carryMany', { count, label });
}
