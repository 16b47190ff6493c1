import { agreementEn } from './agreement';
import { importDialogEn } from './importDialog';
import { labelsEn } from './labels';
import { reviewViewEn } from './reviewView';

/**
 * English text that only parts loaded on demand show (the Review view and its merge dialog, the
 * Agreement view and the review's click-through filter, the Import dialog, the label editor): one
 * chunk, loaded with them.
 */
export const onDemandEn = { ...agreementEn, ...importDialogEn, ...labelsEn, ...reviewViewEn };
