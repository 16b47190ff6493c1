import { a11yEn } from './a11y';
import { backupEn } from './backup';
import { documentsEn } from './documents';
import { en as coreEn } from './en';
import { flowEn } from './flow';
import { importStatusEn } from './importStatus';
import { labelsPanelEn } from './labelsPanel';
import { offlineEn } from './offline';
import { reviewEn } from './review';
import type { onDemandEn } from './onDemandText';
import { suggestionsEn } from './suggestions';

/**
 * Every UI string, by feature. English keys are the contract; Chinese (`catalog.zh.ts`) must
 * cover each one. English is there from the start, but for the strings of parts that load on
 * demand (`onDemandText.ts`: the Agreement view, the Import dialog, the label editor), which load
 * with them; Chinese loads when first needed, so an English session never downloads it.
 */
export const en = { ...coreEn, ...labelsPanelEn, ...suggestionsEn, ...documentsEn, ...reviewEn, ...flowEn, ...backupEn, ...offlineEn, ...importStatusEn, ...a11yEn };
export type MessageKey = keyof typeof en | keyof typeof onDemandEn;
export type Messages = Record<MessageKey, string>;

/** English strings that only parts loaded on demand show: out of the initial JavaScript. */
export async function englishOnDemand(): Promise<typeof onDemandEn> {
  return (await import('./onDemandText')).onDemandEn;
}
