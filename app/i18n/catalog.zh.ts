import { a11yZh } from './a11y.zh';
import type { Messages } from './catalog';
import { agreementZh } from './agreement.zh';
import { backupZh } from './backup.zh';
import { documentsZh } from './documents.zh';
import { flowZh } from './flow.zh';
import { importDialogZh } from './importDialog.zh';
import { importStatusZh } from './importStatus.zh';
import { labelsZh } from './labels.zh';
import { labelsPanelZh } from './labelsPanel.zh';
import { offlineZh } from './offline.zh';
import { reviewZh } from './review.zh';
import { suggestionsZh } from './suggestions.zh';
import { zh as coreZh } from './zh';

/** The Chinese UI, loaded on first use (`loadLanguage('zh')`). */
export const zh: Messages = { ...coreZh, ...labelsZh, ...labelsPanelZh, ...suggestionsZh, ...documentsZh, ...reviewZh, ...flowZh, ...backupZh, ...offlineZh, ...importDialogZh, ...importStatusZh, ...a11yZh, ...agreementZh };
