import { agreementEn } from './agreement';
import { importDialogEn } from './importDialog';
import { labelsEn } from './labels';

/**
 * English text that only parts loaded on demand show (the Agreement view and the review's
 * click-through filter, the Import dialog, the label editor): one chunk, loaded with them.
 */
export const onDemandEn = { ...agreementEn, ...importDialogEn, ...labelsEn };
