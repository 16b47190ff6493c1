import { a11yEn } from './a11y';
import type { agreementEn } from './agreement';
import { backupEn } from './backup';
import { documentsEn } from './documents';
import { en as coreEn } from './en';
import { flowEn } from './flow';
import { importDialogEn } from './importDialog';
import { labelsEn } from './labels';
import { offlineEn } from './offline';
import { reviewEn } from './review';
import { suggestionsEn } from './suggestions';

/**
 * Every UI string, by feature. English keys are the contract; Chinese (`catalog.zh.ts`) must
 * cover each one. English is there from the start, but for the Agreement view's strings
 * (`englishOnDemand`), which load with the views that show them; Chinese loads when first needed,
 * so an English session never downloads it.
 */
export const en = { ...coreEn, ...labelsEn, ...suggestionsEn, ...documentsEn, ...reviewEn, ...flowEn, ...backupEn, ...offlineEn, ...importDialogEn, ...a11yEn };
export type MessageKey = keyof typeof en | keyof typeof agreementEn;
export type Messages = Record<MessageKey, string>;

/** English strings that only views loaded on demand show: out of the initial JavaScript. */
export async function englishOnDemand(): Promise<typeof agreementEn> {
  return (await import('./agreement')).agreementEn;
}
