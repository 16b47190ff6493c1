import { lazy } from 'react';

/**
 * Dialogs most sessions open rarely, or only after the first paint, load on first use: they
 * stay out of the initial JavaScript (budget 150 KB gzip).
 */
export const LabelEditor = lazy(async () => ({ default: (await import('../labels/LabelEditor')).LabelEditor }));
export const ImportDialog = lazy(async () => ({ default: (await import('../import/ImportDialog')).ImportDialog }));
export const ExportDialog = lazy(async () => ({ default: (await import('../export/ExportDialog')).ExportDialog }));
export const ShortcutsDialog = lazy(async () => ({ default: (await import('./ShortcutsDialog')).ShortcutsDialog }));
