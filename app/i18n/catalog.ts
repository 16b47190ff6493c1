import { documentsEn, documentsZh } from './documents';
import { en as coreEn } from './en';
import { labelsEn, labelsZh } from './labels';
import { reviewEn, reviewZh } from './review';
import { suggestionsEn, suggestionsZh } from './suggestions';
import { zh as coreZh } from './zh';

/** Every UI string, by feature. English keys are the contract; Chinese must cover each one. */
export const en = { ...coreEn, ...labelsEn, ...suggestionsEn, ...documentsEn, ...reviewEn };
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
export const zh: Messages = { ...coreZh, ...labelsZh, ...suggestionsZh, ...documentsZh, ...reviewZh };
