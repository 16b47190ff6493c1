import { agreementEn } from './agreement';
import { documentsEn } from './documents';
import { en as coreEn } from './en';
import { labelsEn } from './labels';
import { reviewEn } from './review';
import { suggestionsEn } from './suggestions';

/**
 * Every UI string, by feature. English keys are the contract; Chinese (`catalog.zh.ts`) must
 * cover each one. English is always there; Chinese loads when first needed, so an English
 * session never downloads it.
 */
export const en = { ...coreEn, ...labelsEn, ...suggestionsEn, ...documentsEn, ...reviewEn, ...agreementEn };
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
