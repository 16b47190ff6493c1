import type { Language } from './index';

const formats = new Map<Language, Intl.NumberFormat>();

/** The UI language's one number format (`10,748` in English, `10,748` in Chinese too, never `10748`). */
export function numberFormat(language: Language): Intl.NumberFormat {
  let format = formats.get(language);
  if (format === undefined) {
    format = new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-US');
    formats.set(language, format);
  }
  return format;
}
