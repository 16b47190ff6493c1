import type { Messages } from './catalog';
import { agreementZh } from './agreement.zh';
import { documentsZh } from './documents.zh';
import { labelsZh } from './labels.zh';
import { reviewZh } from './review.zh';
import { suggestionsZh } from './suggestions.zh';
import { zh as coreZh } from './zh';

/** The Chinese UI, loaded on first use (`loadLanguage('zh')`). */
export const zh: Messages = { ...coreZh, ...labelsZh, ...suggestionsZh, ...documentsZh, ...reviewZh, ...agreementZh };
