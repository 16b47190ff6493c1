import { a11yZh } from './a11y.zh';
import type { Messages } from './catalog';
import { documentsZh } from './documents.zh';
import { labelsZh } from './labels.zh';
import { reviewZh } from './review.zh';
import { suggestionsZh } from './suggestions.zh';
import { zh as coreZh } from './zh';

/** The Chinese UI, loaded on first use (`loadLanguage('zh')`). */
export const zh: Messages = { ...coreZh, ...labelsZh, ...suggestionsZh, ...documentsZh, ...reviewZh, ...a11yZh };
