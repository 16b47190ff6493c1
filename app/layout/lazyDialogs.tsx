import { loadViewText } from '../i18n';
import { onDemand } from './onDemand';

/**
 * Dialogs and views most sessions open rarely, or only after the first paint, load on first use:
 * they stay out of the initial JavaScript (budget 150 KB gzip). One that cannot load says so in
 * place. The label editor, the Import dialog and the Review and Agreement views show strings of the
 * on-demand English part (i18n/onDemandText.ts), which loads with them.
 */
export const LabelEditor = onDemand(async () => (await Promise.all([import('../labels/LabelEditor'), loadViewText()]))[0].LabelEditor);
export const ImportDialog = onDemand(async () => (await Promise.all([import('../import/ImportDialog'), loadViewText()]))[0].ImportDialog);
export const ExportDialog = onDemand(async () => (await import('../export/ExportDialog')).ExportDialog);
export const ShortcutsDialog = onDemand(async () => (await import('./ShortcutsDialog')).ShortcutsDialog);
export const ReviewView = onDemand(async () => (await Promise.all([import('../review/ReviewView'), loadViewText()]))[0].ReviewView);
export const AutoMergeDialog = onDemand(async () => (await import('../review/AutoMergeDialog')).AutoMergeDialog);
export const AgreementView = onDemand(async () => (await Promise.all([import('../agreement/AgreementView'), loadViewText()]))[0].AgreementView);
