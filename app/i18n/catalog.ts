import { a11yEn } from './a11y';
import { agreementEn } from './agreement';
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
 * cover each one. English is always there; Chinese loads when first needed, so an English
 * session never downloads it.
 */
export const en = { ...coreEn, ...labelsEn, ...suggestionsEn, ...documentsEn, ...reviewEn, ...flowEn, ...backupEn, ...offlineEn, ...importDialogEn, ...a11yEn, ...agreementEn };
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
