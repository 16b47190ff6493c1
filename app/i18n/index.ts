import { en, type MessageKey, type Messages } from './catalog';
import { formatMessage, type MessageValues } from './count';

export type Language = 'en' | 'zh';
export type { MessageKey };

/** Loaded catalogues: English always, Chinese once `loadLanguage('zh')` has run. */
const catalogues: Partial<Record<Language, Messages>> = { en };

/** Makes `language`'s strings available; call before showing the UI in it. */
export async function loadLanguage(language: Language): Promise<void> {
  if (catalogues[language] !== undefined) return;
  if (language === 'zh') catalogues.zh = (await import('./catalog.zh')).zh;
}
const LANGUAGE_KEY = 'spanwright.language';

/** `?lang=en|zh` wins, then the remembered choice, then the browser locale. */
export function initialLanguage(): Language {
  const forced = new URLSearchParams(location.search).get('lang');
  if (forced === 'en' || forced === 'zh') return forced;
  try {
    const stored = localStorage.getItem(LANGUAGE_KEY);
    if (stored === 'en' || stored === 'zh') return stored;
  } catch {
    // Storage may be unavailable; fall through to the locale.
  }
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // The choice then lasts for this visit only.
  }
}

/** The message in `language`, its counts in one number format and plural form (count.ts). */
export function translate(language: Language, key: MessageKey, values?: MessageValues): string {
  // Until Chinese has loaded (a moment at start), English stands in rather than nothing.
  return formatMessage(language, (catalogues[language] ?? en)[key], values);
}
